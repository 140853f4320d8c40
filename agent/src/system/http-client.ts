import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { extraCaStore } from '../extra-ca';

/** One HTTP exchange to make, redirects included. */
export interface HttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  followRedirects: boolean;
  allowInsecure: boolean;
  /** Bytes of body kept; the rest is not read. */
  maxBody: number;
  /** Redirects followed at most (default MAX_REDIRECTS). */
  maxRedirects?: number;
  /** A PEM file of CA certificates to trust instead of the system's. */
  caFile?: string;
  /** The name the certificate must hold, sent as SNI (default: the URL's host). */
  serverName?: string;
}

/** The last response, or why none came (a network outcome such as ECONNREFUSED, a TLS refusal, too many redirects). */
export type HttpOutcome =
  | { kind: 'response'; url: string; status: number; headers: string[]; body: string; truncated: boolean; redirects: number }
  | { kind: 'failed'; url: string; error: string; caFile?: string }
  | { kind: 'aborted' };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Redirects followed before giving up, as curl and browsers bound them. */
export const MAX_REDIRECTS = 10;

interface Raw {
  status: number;
  headers: string[];
  location?: string;
  body: string;
  truncated: boolean;
}

/** Header lines `name: value`, names in lower case, in the order the server sent them. */
function headerLines(res: IncomingMessage): string[] {
  const lines: string[] = [];
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) lines.push(`${res.rawHeaders[i].toLowerCase()}: ${res.rawHeaders[i + 1]}`);
  return lines;
}

/** One request/response; the body is read up to `maxBody` bytes, then the socket is dropped. */
function exchange(url: URL, req: HttpRequest & { ca?: string }, method: string, body: string | undefined, signal: AbortSignal): Promise<Raw> {
  return new Promise((resolve, reject) => {
    // Loaded on first use: https pulls in tls and crypto, which a run without an https check never needs.
    const send =
      url.protocol === 'https:' ? (require('node:https') as typeof import('node:https')).request : (require('node:http') as typeof import('node:http')).request;
    const headers = { ...req.headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) };
    // A fresh connection per request (no agent): nothing outlives the check.
    // A trainer's caFile replaces the default store, as an explicit `ca` does in Node, the moved extra CAs included.
    const ca = req.ca ?? (url.protocol === 'https:' ? extraCaStore() : undefined);
    const tls = {
      rejectUnauthorized: !req.allowInsecure,
      ...(ca !== undefined ? { ca } : {}),
      ...(req.serverName ? { servername: req.serverName } : {}),
    };
    const r = send(url, { method, headers, signal, agent: false, ...tls }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const done = (): void => {
        const location = REDIRECTS.has(res.statusCode ?? 0) ? res.headers.location : undefined;
        resolve({ status: res.statusCode ?? 0, headers: headerLines(res), location, body: Buffer.concat(chunks).toString('utf8'), truncated });
      };
      res.on('data', (b: Buffer) => {
        if (truncated) return;
        const room = req.maxBody - size;
        if (b.length > room) {
          chunks.push(b.subarray(0, room));
          size = req.maxBody;
          truncated = true;
          done();
          res.destroy();
          return;
        }
        chunks.push(b);
        size += b.length;
      });
      res.on('end', () => {
        if (!truncated) done();
      });
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(body);
  });
}

/** Makes the request, following redirects unless told not to; never rejects. */
export async function fetchHttp(req: HttpRequest, signal: AbortSignal): Promise<HttpOutcome> {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return { kind: 'failed', url: req.url, error: 'EBADURL' };
  }
  let ca: string | undefined;
  if (req.caFile !== undefined) {
    try {
      ca = await readFile(req.caFile, 'utf8');
    } catch (e) {
      return { kind: 'failed', url: req.url, error: (e as NodeJS.ErrnoException).code ?? String(e), caFile: req.caFile };
    }
  }
  const max = req.maxRedirects ?? MAX_REDIRECTS;
  let method = req.method;
  let body = req.body;
  let headers = req.headers;
  for (let redirects = 0; ; redirects++) {
    let raw: Raw;
    try {
      raw = await exchange(url, { ...req, headers, ca }, method, body, signal);
    } catch (e) {
      if (signal.aborted) return { kind: 'aborted' };
      const err = e as NodeJS.ErrnoException;
      return { kind: 'failed', url: url.href, error: err.code ?? err.message };
    }
    if (!req.followRedirects || raw.location === undefined) {
      return { kind: 'response', url: url.href, status: raw.status, headers: raw.headers, body: raw.body, truncated: raw.truncated, redirects };
    }
    if (redirects >= max) return { kind: 'failed', url: url.href, error: 'ETOOMANYREDIRECTS' };
    const next = new URL(raw.location, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return { kind: 'failed', url: next.href, error: 'EBADREDIRECT' };
    // 303, and 301/302 after a POST, turn into a GET without body, as browsers and curl -L do.
    if (raw.status === 303 || ((raw.status === 301 || raw.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
    // Credentials go to the host they were written for only, as curl does.
    if (next.host !== url.host) headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !/^(authorization|cookie)$/i.test(k)));
    url = next;
  }
}
