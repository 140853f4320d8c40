/** Just enough BER (X.690) for SNMP v1/v2c GetRequest, GetNextRequest and their Response. */

/** A value an agent returned, as net-snmp's `-Oq -Ot` prints it: numbers as numbers, OIDs dotted, text as text. */
export type SnmpValue = string | number | null;
/** One OID and its value; `exception` marks noSuchObject, noSuchInstance and endOfMibView. */
export interface Varbind {
  oid: string;
  value: SnmpValue;
  exception?: 'noSuchObject' | 'noSuchInstance' | 'endOfMibView';
}

/** PDU tags. */
export const GET = 0xa0;
export const GET_NEXT = 0xa1;
const RESPONSE = 0xa2;

function length(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

function tlv(tag: number, content: number[]): number[] {
  return [tag, ...length(content.length), ...content];
}

function integer(n: number): number[] {
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v !== 0 && v !== -1);
  if (n >= 0 && bytes[0] & 0x80) bytes.unshift(0);
  if (n < 0 && !(bytes[0] & 0x80)) bytes.unshift(0xff);
  return tlv(0x02, bytes);
}

/** Encodes a dotted OID (`1.3.6.1.2.1.1.5.0`, a leading dot allowed). */
export function encodeOid(oid: string): number[] {
  const arcs = oid.replace(/^\./, '').split('.').map(Number);
  if (arcs.length < 2 || arcs.some((a) => !Number.isSafeInteger(a) || a < 0)) throw new Error(`invalid OID ${oid}`);
  const out = [arcs[0] * 40 + arcs[1]];
  for (const arc of arcs.slice(2)) {
    const parts = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) parts.unshift((v & 0x7f) | 0x80);
    out.push(...parts);
  }
  return tlv(0x06, out);
}

/** A whole SNMP message: version 0 (v1) or 1 (v2c), community, one request PDU for one OID. */
export function encodeRequest(version: 0 | 1, community: string, pdu: number, requestId: number, oid: string): Buffer {
  const varbind = tlv(0x30, [...encodeOid(oid), 0x05, 0x00]);
  const body = tlv(pdu, [...integer(requestId), ...integer(0), ...integer(0), ...tlv(0x30, varbind)]);
  return Buffer.from(tlv(0x30, [...integer(version), ...tlv(0x04, [...Buffer.from(community, 'utf8')]), ...body]));
}

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function read(buf: Buffer, pos: number): Tlv {
  if (pos + 2 > buf.length) throw new Error('truncated BER');
  const tag = buf[pos];
  let len = buf[pos + 1];
  let start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n > 4 || start + n > buf.length) throw new Error('bad BER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i];
    start += n;
  }
  if (start + len > buf.length) throw new Error('truncated BER');
  return { tag, start, end: start + len };
}

function children(buf: Buffer, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let p = t.start; p < t.end; p = out[out.length - 1].end) out.push(read(buf, p));
  return out;
}

function int(buf: Buffer, t: Tlv, signed: boolean): number | string {
  let v = 0n;
  for (let i = t.start; i < t.end; i++) v = (v << 8n) | BigInt(buf[i]);
  const bits = BigInt((t.end - t.start) * 8);
  if (signed && t.end > t.start && buf[t.start] & 0x80) v -= 1n << bits;
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
}

/** Decodes an OID's content as net-snmp prints it with `-On`: `.1.3.6.1…`. */
function oid(buf: Buffer, t: Tlv): string {
  const arcs: number[] = [];
  let v = 0;
  for (let i = t.start; i < t.end; i++) {
    v = v * 128 + (buf[i] & 0x7f);
    if (!(buf[i] & 0x80)) {
      arcs.push(v);
      v = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const a = Math.min(2, Math.floor(first / 40));
  return '.' + [a, first - a * 40, ...arcs].join('.');
}

function octets(b: Buffer): string {
  const printable = /^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/.test(b.toString('utf8')) && !b.toString('utf8').includes('\ufffd');
  return printable ? b.toString('utf8') : [...b].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

function value(buf: Buffer, t: Tlv): Pick<Varbind, 'value' | 'exception'> {
  switch (t.tag) {
    case 0x02:
      return { value: int(buf, t, true) };
    case 0x04:
      return { value: octets(buf.subarray(t.start, t.end)) };
    case 0x05:
      return { value: null };
    case 0x06:
      return { value: oid(buf, t) };
    case 0x40:
      return { value: [...buf.subarray(t.start, t.end)].join('.') };
    case 0x41:
    case 0x42:
    case 0x43:
    case 0x46:
      return { value: int(buf, t, false) };
    case 0x80:
      return { value: null, exception: 'noSuchObject' };
    case 0x81:
      return { value: null, exception: 'noSuchInstance' };
    case 0x82:
      return { value: null, exception: 'endOfMibView' };
    default:
      return { value: octets(buf.subarray(t.start, t.end)) };
  }
}

/** A decoded Response: its request id, error status (2 = noSuchName in v1) and varbinds. */
export interface Response {
  requestId: number;
  errorStatus: number;
  varbinds: Varbind[];
}

/** Decodes a Response message; throws on anything else. */
export function decodeResponse(buf: Buffer): Response {
  const [, , pdu] = children(buf, read(buf, 0));
  if (!pdu || pdu.tag !== RESPONSE) throw new Error('not an SNMP response');
  const [id, status, , list] = children(buf, pdu);
  const varbinds = children(buf, list).map((vb) => {
    const [name, v] = children(buf, vb);
    return { oid: oid(buf, name), ...value(buf, v) };
  });
  return { requestId: Number(int(buf, id, true)), errorStatus: Number(int(buf, status, true)), varbinds };
}
