import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { t, type Lang } from './i18n';
import { pathMessage, type PathRoot } from './path-rules';
import { resolveInside } from './paths';
import type { Range } from './positions';
import type { Problem } from './problems';

/** Largest pack or exercise YAML file read: far above any real exercise, far below what hurts memory. */
export const MAX_YAML_BYTES = 1024 * 1024;

const START: Range = { line: 1, col: 1, endLine: 1, endCol: 1 };

/** Offset of the first byte that breaks UTF-8, or -1 (only called once the fast check failed). */
export function firstBadUtf8(buf: Uint8Array): number {
  for (let i = 0; i < buf.length;) {
    const b = buf[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      // Overlong forms, surrogates and code points above U+10FFFF.
      if (k === 1 && ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f) || (b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f))) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset whose prefix is valid UTF-8. */
function byteRange(buf: Buffer, offset: number): Range {
  let line = 1;
  let lineStart = 0;
  for (let i = buf.indexOf(10); i !== -1 && i < offset; i = buf.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const col = buf.subarray(lineStart, offset).toString('utf8').length + 1;
  return { line, col, endLine: line, endCol: col + 1 };
}

/** Reads at most `limit + 1` bytes, so an oversized or growing file never lands whole in memory. */
function readCapped(fd: number, limit: number): Buffer {
  const buf = Buffer.alloc(limit + 1);
  let n = 0;
  for (let got = -1; got !== 0 && n < buf.length;) {
    got = readSync(fd, buf, n, buf.length - n, null);
    n += got;
  }
  return buf.subarray(0, n);
}

/**
 * Reads a pack's YAML file (`pack.yaml`, `exercise.yaml`) under the path policy and the limits:
 * a regular file inside its folder, at most MAX_YAML_BYTES, UTF-8 without NUL. Each refusal is one located problem.
 */
export function readYamlFile(dir: string, name: string, root: PathRoot, lang: Lang): { text: string } | { problem: Problem } {
  const file = join(dir, name);
  const fail = (message: string, range = START, code = 'file'): { problem: Problem } => ({ problem: { file, range, severity: 'error', code, message } });
  const where = resolveInside(dir, name, 'file');
  if (!where.ok)
    return fail(pathMessage(lang, where.violation, name, root, 'file'), START, where.violation === 'missing' ? 'missing-file' : `path-${where.violation}`);
  // O_NONBLOCK: should the file turn into a FIFO between the check and the open, the open still returns.
  let fd: number;
  try {
    fd = openSync(where.abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return fail(t(lang, 'file.unreadable', name), START, 'file-unreadable');
  }
  let buf: Buffer;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return fail(pathMessage(lang, 'notFile', name, root, 'file'), START, 'path-notFile');
    if (st.size > MAX_YAML_BYTES) return fail(t(lang, 'file.tooLarge', name, st.size, MAX_YAML_BYTES), START, 'file-too-large');
    buf = readCapped(fd, MAX_YAML_BYTES);
  } finally {
    closeSync(fd);
  }
  if (buf.length > MAX_YAML_BYTES) return fail(t(lang, 'file.tooLarge', name, `> ${MAX_YAML_BYTES}`, MAX_YAML_BYTES), START, 'file-too-large');
  const nul = buf.indexOf(0);
  const bad = isUtf8(buf) ? -1 : firstBadUtf8(buf);
  if (bad !== -1 && (nul === -1 || bad < nul)) {
    return fail(t(lang, 'file.notUtf8', bad, buf[bad].toString(16).toUpperCase().padStart(2, '0')), byteRange(buf, bad), 'not-utf8');
  }
  if (nul !== -1) return fail(t(lang, 'file.nul', nul), byteRange(buf, nul), 'nul-byte');
  return { text: buf.toString('utf8') };
}
