import { net } from '../lazy';

/** An address prefix: family, network bits as a bigint, and prefix length. */
export interface Prefix {
  v6: boolean;
  bits: bigint;
  len: number;
}

function v4Bits(addr: string): bigint {
  return addr.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function v6Bits(addr: string): bigint {
  let text = addr;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const b = v4Bits(dotted[1]);
    text = text.slice(0, -dotted[1].length) + `${(b >> 16n).toString(16)}:${(b & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
}

/** Parses `10.0.0.0/8`, `192.168.1.5`, `2001:db8::/32`; undefined for anything else (a hostname, `any`). */
export function parsePrefix(text: string): Prefix | undefined {
  const [addr, lenText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const v6 = net().isIPv6(addr);
  if (!v6 && !net().isIPv4(addr)) return undefined;
  const width = v6 ? 128 : 32;
  const len = lenText === undefined ? width : /^\d{1,3}$/.test(lenText) ? Number(lenText) : NaN;
  if (!(len >= 0 && len <= width)) return undefined;
  const raw = v6 ? v6Bits(addr) : v4Bits(addr);
  const shift = BigInt(width - len);
  return { v6, bits: (raw >> shift) << shift, len };
}

/** Whether every address of `inner` lies in `outer`. */
export function prefixContains(outer: Prefix, inner: Prefix): boolean {
  if (outer.v6 !== inner.v6 || outer.len > inner.len) return false;
  const shift = BigInt((outer.v6 ? 128 : 32) - outer.len);
  return inner.bits >> shift === outer.bits >> shift;
}

/** Whether two prefixes share no address (prefixes either nest or are disjoint). */
export function prefixDisjoint(a: Prefix, b: Prefix): boolean {
  return !prefixContains(a, b) && !prefixContains(b, a);
}
