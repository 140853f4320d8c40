import { readFileSync } from 'node:fs';

/**
 * NODE_EXTRA_CA_CERTS, moved aside by tssr-lab's launchers. Node 18 to 22 read and parse every certificate of that file
 * when they start, before any code runs: 55 to 60 ms on every start on a machine whose variable names the system bundle
 * (144 certificates), and 24 ms even for a missing file. tssr-lab's launchers (`bin/tssr-lab`, the SSH launcher, the
 * local agent process) start Node with the file's name in TSSR_LAB_EXTRA_CA_CERTS instead. The agent adds those
 * certificates to the TLS connections it makes itself, as Node would have, and gives the variable back, unchanged, to
 * the commands it runs.
 */
export const EXTRA_CA = 'NODE_EXTRA_CA_CERTS';
export const MOVED_EXTRA_CA = 'TSSR_LAB_EXTRA_CA_CERTS';

/** `env` for starting Node: NODE_EXTRA_CA_CERTS moved aside (the same object when it is not set). */
export function extraCaMovedAside(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const file = env[EXTRA_CA];
  if (!file) return env;
  const out: NodeJS.ProcessEnv = { ...env, [MOVED_EXTRA_CA]: file };
  delete out[EXTRA_CA];
  return out;
}

/** `env` for a command the user could have typed: NODE_EXTRA_CA_CERTS as the user set it, and no trace of the move. */
export function extraCaRestored(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const file = env[MOVED_EXTRA_CA];
  if (file === undefined) return env;
  const out: NodeJS.ProcessEnv = { ...env };
  delete out[MOVED_EXTRA_CA];
  if (file && !out[EXTRA_CA]) out[EXTRA_CA] = file;
  return out;
}

let store: string[] | null | undefined;

/**
 * The trust store of a TLS connection the agent makes, when NODE_EXTRA_CA_CERTS was moved aside: Node's own roots plus
 * the file's certificates, which is what Node's default store holds when it reads the variable itself. Undefined when
 * nothing was moved (Node's default store is right), or when the file cannot be read (Node warns and keeps its roots).
 * Read once per run, on the first TLS connection: a run without one never pays for it.
 */
export function extraCaStore(): string[] | undefined {
  if (store !== undefined) return store ?? undefined;
  const file = process.env[MOVED_EXTRA_CA];
  store = null;
  if (!file || process.env[EXTRA_CA]) return undefined;
  try {
    const extra = readFileSync(file, 'utf8');
    const { rootCertificates } = require('node:tls') as typeof import('node:tls');
    store = [...rootCertificates, extra];
  } catch {
    /* as Node does with an unreadable file: its own roots only */
  }
  return store ?? undefined;
}
