import { lstat } from 'node:fs/promises';
import type { ScriptCheck } from '../../../schemas/generated/types';
import type { CheckContext, CheckRunner } from '../context';
import { expectThat, skipBecause } from '../compare';
import { MAX_CONTENTS, MAX_OUTPUT } from '../limits';
import { because, type Reason } from '../reason';
import { createSandbox, type Sandbox } from '../sandbox/dir';
import { expectText } from '../sandbox/expect-text';
import { diffManifests, manifest } from '../sandbox/manifest';
import { insideSandbox, installScript, readScript, scriptArgv, writeFixtures } from '../sandbox/script-source';
import { cleanEnv, isRoot, spawnCaptured, type Captured, type RunAsUser } from '../sandbox/spawn-as';
import { readBounded } from '../system/read-bounded';

/** Asserted properties after the run, for skips. */
function properties(c: ScriptCheck): string[] {
  const list = (key: 'stdout' | 'stderr', m: ScriptCheck['stdout']): string[] =>
    m === undefined ? [] : Array.isArray(m) ? m.map((_, i) => `${key}[${i}]`) : [key];
  return [
    'exitStatus',
    ...list('stdout', c.stdout),
    ...list('stderr', c.stderr),
    ...(c.creates ?? []).map((_, i) => `creates[${i}]`),
    ...(c.idempotent ? ['idempotent'] : []),
  ];
}

/** Reports the script property as not runnable and skips the rest with the same reason. */
function cannotRun(ctx: CheckContext, c: ScriptCheck, status: 'fail' | 'error', reason: Reason): void {
  ctx.report({ property: 'script', status, expected: c.script, actual: null, reason });
  skipBecause(ctx, properties(c), reason);
}

/** The run-as user from the System's passwd, or why the script cannot run as them. */
async function resolveUser(ctx: CheckContext, name: string): Promise<RunAsUser | Reason> {
  if (!isRoot()) return because('script.needsRoot', { user: name });
  const entry = (await ctx.system.passwd().catch(() => [])).find((u) => u.name === name);
  return entry ? { name, uid: entry.uid, gid: entry.gid } : because('script.unknownUser', { user: name });
}

/** script: runs a learner's script in a sandbox; asserts exit status, output, created files and idempotence. */
export const script: CheckRunner<ScriptCheck> = async (c, ctx) => {
  let as: RunAsUser | undefined;
  if (c.runAs !== undefined) {
    const user = await resolveUser(ctx, c.runAs);
    if ('code' in user) return cannotRun(ctx, c, 'error', user);
    as = user;
  }
  const source = await readScript(ctx.cwd, c.script);
  if ('missing' in source) return cannotRun(ctx, c, 'fail', because('script.missing', { script: c.script }));
  if ('error' in source) return cannotRun(ctx, c, 'error', source.error);
  let box: Sandbox;
  try {
    box = await createSandbox(as);
  } catch (e) {
    return cannotRun(ctx, c, 'error', because('script.sandboxFailed', { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  try {
    await runInSandbox(c, ctx, box, source.text, as);
  } finally {
    await box.dispose();
  }
};

async function runInSandbox(c: ScriptCheck, ctx: CheckContext, box: Sandbox, text: Buffer, as: RunAsUser | undefined): Promise<void> {
  const bad = await writeFixtures(c.fixtures ?? [], ctx.cwd, box.work, as);
  if (bad) {
    ctx.report({ property: `fixtures[${bad.index}]`, status: 'error', actual: null, reason: bad.reason });
    skipBecause(ctx, properties(c), bad.reason);
    return;
  }
  const file = await installScript(box.bin, text, as);
  const argv = scriptArgv(file, text, c.interpreter, c.args);
  const env = cleanEnv(box.work, c.env);
  const run = (): Promise<Captured> => spawnCaptured({ argv, cwd: box.work, env, stdin: c.stdin, signal: ctx.signal, as });
  let first: Captured;
  try {
    first = await run();
  } catch (e) {
    return cannotRun(ctx, c, 'error', because('script.spawnFailed', { program: argv[0], error: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  if (ctx.signal.aborted) return;
  await expectThat(ctx, 'exitStatus', c.exitStatus ?? 0, first.code ?? first.signal);
  await expectText(ctx, 'stdout', c.stdout, { text: first.stdout, truncatedAt: first.truncated.stdout ? MAX_OUTPUT : undefined });
  await expectText(ctx, 'stderr', c.stderr, { text: first.stderr, truncatedAt: first.truncated.stderr ? MAX_OUTPUT : undefined });
  await checkCreated(c, ctx, box.work);
  if (c.idempotent) await checkIdempotent(ctx, box.work, first, run);
}

/** Each `creates` entry: the path exists in the sandbox, and its contents match. */
async function checkCreated(c: ScriptCheck, ctx: CheckContext, work: string): Promise<void> {
  for (const [i, entry] of (c.creates ?? []).entries()) {
    if (ctx.signal.aborted) return;
    const spec = typeof entry === 'string' ? { path: entry } : entry;
    const property = `creates[${i}]`;
    const abs = insideSandbox(work, spec.path);
    const st = abs ? await lstat(abs).catch(() => null) : null;
    if (!abs || !st) {
      ctx.report({ property, status: 'fail', expected: spec.path, actual: null, reason: because('script.notCreated', { path: spec.path }) });
      continue;
    }
    ctx.report({ property, status: 'pass', expected: spec.path, actual: spec.path, reason: because('pass', { property }) });
    if (!('contents' in spec) || spec.contents === undefined) continue;
    const read = await readBounded(abs, MAX_CONTENTS, ctx.signal, st);
    if (read.kind === 'aborted') return;
    if (read.kind !== 'text') {
      const detail = read.kind === 'notRegular' ? read.filetype : read.error;
      ctx.report({ property: `${property}.contents`, status: 'error', actual: null, reason: because('script.createdUnreadable', { path: spec.path, detail }) });
      continue;
    }
    await expectText(ctx, `${property}.contents`, spec.contents, { text: read.text, truncatedAt: read.truncated ? MAX_CONTENTS : undefined });
  }
}

/** Runs the script again in the same sandbox: same exit status, same tree (paths, types, sizes, SHA-256). */
async function checkIdempotent(ctx: CheckContext, work: string, first: Captured, run: () => Promise<Captured>): Promise<void> {
  try {
    const before = await manifest(work, ctx.signal);
    const second = await run();
    if (ctx.signal.aborted) return;
    const after = await manifest(work, ctx.signal);
    const differences = diffManifests(before, after, ['type', 'size', 'sha256', 'target']);
    const exits = { first: first.code ?? first.signal, second: second.code ?? second.signal };
    const ok = exits.first === exits.second && differences.length === 0;
    const actual = { exitStatus: exits, differences: differences.slice(0, 10), count: differences.length };
    const reason = ok
      ? because('pass', { property: 'idempotent' })
      : exits.first !== exits.second
        ? because('script.exitChanged', exits)
        : because('script.treeChanged', { count: differences.length, path: differences[0].path, what: differences[0].what });
    ctx.report({ property: 'idempotent', status: ok ? 'pass' : 'fail', expected: true, actual, reason });
  } catch (e) {
    if (ctx.signal.aborted) return;
    ctx.report({
      property: 'idempotent',
      status: 'error',
      actual: null,
      reason: because('script.sandboxFailed', { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message }),
    });
  }
}
