import type { SshOptions } from '../core/ssh-options';
import type { SshTransport } from './ssh-transport';

/**
 * The SshFactory every caller hands to createTransport: ./ssh-transport (and with it ssh2) is required on the first
 * SSH connection only, so a local run, the CLI's start-up and the editor's activation never load it.
 */
export function sshFactory(options: SshOptions): SshTransport {
  const { SshTransport } = require('./ssh-transport') as typeof import('./ssh-transport');
  return new SshTransport(options);
}
