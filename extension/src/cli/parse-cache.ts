import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ParseCache } from '../core/pack';

/** Set by the launcher: the CLI bundle's content hash, when its code cache is on. */
declare const __tssrLabBundleHash: string | undefined;

/** True when JSON gives `value` back unchanged: plain objects, arrays, strings, booleans, null and finite numbers. */
function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value as object).every(jsonSafe);
}

/**
 * The YAML parse results of the last run, one slot per file in the user's cache folder (beside the code cache), each with
 * the hash of the bundle and of the text it came from: a changed file or a rebuilt CLI parses again. Parsing is most of
 * the load phase (about 20 ms for a 40-check exercise); a learner re-checks the same exercise many times. Off with
 * TSSR_LAB_NO_CODE_CACHE, like the code cache.
 */
export function diskParseCache(): ParseCache | undefined {
  if (typeof __tssrLabBundleHash !== 'string') return undefined;
  const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tssr-lab');
  const sha = (...parts: string[]): string => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex');
  const slot = (file: string): string => join(dir, `yaml-${sha(file).slice(0, 20)}.json`);
  return {
    get(file, text) {
      try {
        const entry = JSON.parse(readFileSync(slot(file), 'utf8')) as { key?: string; value?: unknown };
        return entry.key === sha(__tssrLabBundleHash, text) ? entry.value : undefined;
      } catch {
        return undefined; // no slot yet, or unreadable: parse
      }
    },
    set(file, text, value) {
      if (!jsonSafe(value)) return;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const tmp = `${slot(file)}.${process.pid}`;
        writeFileSync(tmp, JSON.stringify({ key: sha(__tssrLabBundleHash, text), value }), { mode: 0o600 });
        renameSync(tmp, slot(file));
      } catch {
        /* a read-only home: parse every time */
      }
    },
  };
}
