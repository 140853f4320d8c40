import { access, constants, stat } from 'node:fs/promises';
import type { System } from './system';
import { because, type Reason } from './reason';

/** A local user a program runs as: ids and groups resolved from the System's passwd and group. */
export interface Identity {
  name: string;
  uid: number;
  gid: number;
  groups: number[];
  home: string;
  shell: string;
}

/** How to run as a user: as the agent itself (it already is that user), switched, or why not. */
export type RunAs = { kind: 'self' } | { kind: 'switch'; identity: Identity } | { kind: 'failed'; reason: Reason };

/** What to spawn: a program, its arguments, a clean environment and a working directory. */
export interface Spawnable {
  file: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Resolves `name` to an identity; switching users needs root (`uid` is the agent's, injectable for tests). */
export async function resolveRunAs(system: System, name: string, uid = process.getuid?.()): Promise<RunAs> {
  let entry;
  try {
    entry = (await system.passwd()).find((u) => u.name === name);
  } catch (e) {
    return { kind: 'failed', reason: because('readFailed', { path: system.paths.passwd, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message }) };
  }
  if (!entry) return { kind: 'failed', reason: because('runAs.noUser', { user: name }) };
  if (uid === entry.uid) return { kind: 'self' };
  if (uid !== 0) return { kind: 'failed', reason: because('runAs.needsRoot', { user: name }) };
  const groups = (await system.groups().catch(() => [])).filter((g) => g.gid === entry.gid || g.members.includes(name)).map((g) => g.gid);
  return {
    kind: 'switch',
    identity: { name, uid: entry.uid, gid: entry.gid, groups: [...new Set([entry.gid, ...groups])], home: entry.home, shell: entry.shell },
  };
}

const SEARCH = ['/usr/bin', '/bin', '/usr/sbin', '/sbin'];
let setpriv: Promise<string | undefined> | undefined;

/** util-linux's setpriv, found once per run; undefined where it is missing (busybox systems). */
export function findSetpriv(): Promise<string | undefined> {
  return (setpriv ??= (async () => {
    for (const dir of SEARCH) {
      const path = `${dir}/setpriv`;
      if (
        await access(path, constants.X_OK).then(
          () => true,
          () => false,
        )
      )
        return path;
    }
    return undefined;
  })());
}

/**
 * The argv that runs `argv` as the identity, through setpriv: Node's own uid/gid spawn options drop the supplementary
 * groups (libuv calls setgroups(0)), and "alice can write in /srv/compta" usually holds through such a group.
 * The environment is rebuilt as a login would set it; the working directory is the user's home (`/` without one),
 * since the agent's workspace folder is private to root.
 */
export async function asUser(identity: Identity, argv: string[], setprivPath: string): Promise<Spawnable> {
  const home = (await stat(identity.home).then(
    (s) => s.isDirectory(),
    () => false,
  ))
    ? identity.home
    : '/';
  const path = identity.uid === 0 ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' : '/usr/local/bin:/usr/bin:/bin';
  // SHLVL 1, as a login shell's child: bash -c would otherwise read ~/.bashrc when its stdin is a socket (child-env.ts).
  const env: NodeJS.ProcessEnv = {
    HOME: identity.home,
    USER: identity.name,
    LOGNAME: identity.name,
    SHELL: identity.shell || '/bin/sh',
    PATH: path,
    SHLVL: '1',
  };
  for (const key of ['LANG', 'LC_ALL', 'TZ']) if (process.env[key]) env[key] = process.env[key];
  const groups = identity.groups.length ? ['--groups', identity.groups.join(',')] : ['--clear-groups'];
  return { file: setprivPath, args: ['--reuid', String(identity.uid), '--regid', String(identity.gid), ...groups, '--', ...argv], env, cwd: home };
}

/** setpriv's own words when the program could not be started (exit 126/127): the program is missing or not executable. */
export function setprivExecFailure(code: number | null, stderr: string): string | undefined {
  if (code !== 126 && code !== 127) return undefined;
  return /^setpriv: (?:failed to execute|cannot execute) .*?: (.+)$/m.exec(stderr)?.[1];
}
