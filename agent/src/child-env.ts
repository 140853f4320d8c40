import { extraCaRestored } from './extra-ca';

/** What marks a process as started by sshd for a remote command: the agent's children must not inherit it. */
const SSH_SESSION = ['SSH_CLIENT', 'SSH2_CLIENT', 'SSH_CONNECTION', 'SSH_TTY'];

/**
 * The agent's environment for the commands it runs, as a terminal's child gets it. bash reads ~/.bashrc in a
 * non-interactive `bash -c` when it believes sshd or rshd started it: SSH_CLIENT set, or stdin a socket (Node's pipes
 * are sockets), with a shell level below 2. Over SSH the agent has none (sshd's shell lowers it to 0 when it execs the
 * agent) and SSH_CLIENT is set: a `command` check would run the user's .bashrc over SSH and not from a terminal, so give
 * another result and cost what the .bashrc costs (150 ms for one that sets up pyenv). So the markers go, and the level
 * is at least 1, as in a login shell. NODE_EXTRA_CA_CERTS, which tssr-lab's launchers move aside, is given back.
 */
export function childEnv(): NodeJS.ProcessEnv {
  const env = { ...extraCaRestored(process.env) };
  for (const key of SSH_SESSION) delete env[key];
  if (!(Number(env.SHLVL) >= 1)) env.SHLVL = '1';
  return env;
}
