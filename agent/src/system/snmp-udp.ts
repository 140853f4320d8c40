import { dgram, net } from '../lazy';
import { decodeResponse, encodeRequest, GET, GET_NEXT, type Response, type Varbind } from './snmp-ber';
import type { SnmpOutcome, SnmpRequest } from './snmp';

/** One request/response exchange, retried; resolves undefined when no answer came in time. */
function exchange(req: SnmpRequest, pdu: number, oid: string, signal: AbortSignal): Promise<Response | undefined> {
  const socket = dgram().createSocket(net().isIPv6(req.host) ? 'udp6' : 'udp4');
  const requestId = Math.floor(Math.random() * 0x7fffffff);
  const message = encodeRequest(req.version === '1' ? 0 : 1, req.community ?? 'public', pdu, requestId, oid);
  const tries = 3;
  // Two thirds of the check's budget: the check must still report the timeout itself before its deadline.
  const perTry = Math.max(200, Math.floor((req.timeoutMs * 2) / 3 / tries));
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let sent = 0;
    const done = (r: Response | undefined, e?: Error): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.close();
      if (e) reject(e);
      else resolve(r);
    };
    const onAbort = (): void => done(undefined);
    const send = (): void => {
      if (sent++ === tries) return done(undefined);
      socket.send(message, req.port, req.host, (e) => {
        if (e) done(undefined, e);
      });
      timer = setTimeout(send, perTry);
    };
    socket.on('message', (buf) => {
      try {
        const r = decodeResponse(buf);
        if (r.requestId === requestId) done(r);
      } catch {
        /* not ours, or garbled: keep waiting */
      }
    });
    socket.on('error', (e) => done(undefined, e));
    signal.addEventListener('abort', onAbort, { once: true });
    send();
  });
}

const under = (oid: string, root: string): boolean => oid.startsWith(root.endsWith('.') ? root : `${root}.`);

/** SNMP v1/v2c GET or WALK (GETNEXT loop) over node:dgram, for targets without the net-snmp client. */
export async function snmpOverUdp(req: SnmpRequest, signal: AbortSignal): Promise<SnmpOutcome> {
  const root = '.' + req.oid.replace(/^\./, '');
  try {
    if (!req.walk) {
      const r = await exchange(req, GET, root, signal);
      if (!r) return { kind: 'timeout' };
      // v1 says noSuchName (2) where v2c returns an exception value.
      if (r.errorStatus === 2) return { kind: 'values', via: 'node', varbinds: [{ oid: root, value: null, exception: 'noSuchObject' }] };
      if (r.errorStatus !== 0) return { kind: 'failed', error: `error-status ${r.errorStatus}` };
      return { kind: 'values', via: 'node', varbinds: r.varbinds };
    }
    const rows: Varbind[] = [];
    for (let at = root; rows.length < req.maxRows;) {
      const r = await exchange(req, GET_NEXT, at, signal);
      if (!r) return rows.length ? { kind: 'values', via: 'node', varbinds: rows, truncated: true } : { kind: 'timeout' };
      const vb = r.varbinds[0];
      if (r.errorStatus !== 0 || !vb || vb.exception || !under(vb.oid, root)) break;
      rows.push(vb);
      at = vb.oid;
    }
    return { kind: 'values', via: 'node', varbinds: rows, ...(rows.length >= req.maxRows ? { truncated: true } : {}) };
  } catch (e) {
    return { kind: 'failed', error: (e as Error).message };
  }
}
