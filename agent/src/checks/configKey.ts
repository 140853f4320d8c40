import type { ConfigKeyCheck } from '../../../schemas/generated/types';
import type { CheckContext, CheckRunner } from '../context';
import type { ConfigEntry } from '../system/config-files';
import type { ConfigRead } from '../system/config-key';
import { expectThat, skipBecause, type Evidence } from '../compare';
import { because, type Reason } from '../reason';

/** Formats where a repeated key keeps its last value; nginx and apache collect every occurrence. */
const LAST_WINS = new Set(['ini', 'keyValue', 'loginDefs']);

/** Why a configuration could not be read, as a reason for every asserted property. */
function problem(read: Exclude<ConfigRead, { kind: 'entries' }>): Reason | null {
  switch (read.kind) {
    case 'missingTool':
      return because('configKey.toolMissing', { tool: read.tool, package: read.package });
    case 'toolFailed':
      return because('configKey.toolFailed', { tool: read.tool, code: read.code, detail: read.detail });
    case 'needsRoot':
      return because('configKey.needsRoot', { what: read.what, detail: read.detail });
    case 'unreadable':
      return because('configKey.unreadable', { path: read.path, error: read.error });
    default:
      return null;
  }
}

/** The effective value of the key and where it was set; undefined when the configuration does not set it. */
function effective(c: ConfigKeyCheck, read: Extract<ConfigRead, { kind: 'entries' }>): { value: string | string[]; evidence: Evidence } | undefined {
  const folded = c.format === 'sshd' || c.format === 'apache';
  const same = (k: string): boolean => (folded ? k.toLowerCase() === c.key.toLowerCase() : k === c.key);
  const found = read.entries.filter((e: ConfigEntry) => same(e.key));
  const at = (e: ConfigEntry | undefined): Evidence => (e ? { path: e.path, line: e.line } : {});
  if (read.effective) {
    // sshd -T has the last word (defaults, Match-free value); the files only say where it was set: the first wins.
    const values = read.effective.get(c.key.toLowerCase());
    if (!values) return undefined;
    return { value: values.length === 1 ? values[0] : values, evidence: at(found[0]) };
  }
  if (!found.length) return undefined;
  if (LAST_WINS.has(c.format)) return { value: found[found.length - 1].value, evidence: at(found[found.length - 1]) };
  return { value: found.length === 1 ? found[0].value : found.map((e) => e.value), evidence: at(found[0]) };
}

/** A number in a pack means its decimal text: configuration values are text. */
const asText = (v: ConfigKeyCheck['value']): ConfigKeyCheck['value'] => (typeof v === 'number' ? String(v) : v);

/** configKey: the effective value of one key of sshd, ini, key=value, login.defs, nginx or apache configuration, with the file:line that set it. */
export const configKey: CheckRunner<ConfigKeyCheck> = async (c, ctx: CheckContext) => {
  const wantExists = c.exists ?? true;
  let read: ConfigRead;
  try {
    read = await ctx.system.config(c.format, c.path, ctx.signal, c.connection);
  } catch (e) {
    read = { kind: 'toolFailed', tool: c.format, code: null, detail: (e as Error).message };
  }
  if (read.kind === 'aborted' || ctx.signal.aborted) return;
  // A configuration file that does not exist is the learner's work not done yet: a fail (or a pass for `exists: false`).
  if (read.kind === 'unreadable' && read.error === 'ENOENT') {
    const reason = because('configKey.noFile', { path: read.path });
    ctx.report({
      property: 'exists',
      status: wantExists ? 'fail' : 'pass',
      expected: wantExists,
      actual: false,
      reason: wantExists ? reason : because('pass', { property: 'exists' }),
      path: read.path,
    });
    if (wantExists && c.value !== undefined) skipBecause(ctx, ['value'], reason);
    return;
  }
  if (read.kind !== 'entries') {
    const reason = problem(read)!;
    ctx.report({ property: 'exists', status: 'error', expected: wantExists, actual: null, reason });
    if (c.value !== undefined) skipBecause(ctx, ['value'], reason);
    return;
  }
  const found = effective(c, read);
  await expectThat(ctx, 'exists', wantExists, found !== undefined, found?.evidence);
  if (!found) {
    if (wantExists && c.value !== undefined) skipBecause(ctx, ['value'], because('configKey.noKey', { key: c.key, source: c.path ?? c.format }));
    return;
  }
  if (wantExists) await expectThat(ctx, 'value', asText(c.value), found.value, found.evidence);
};
