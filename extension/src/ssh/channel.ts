import { TransportError } from '../core/errors';
import { t, type Lang } from '../core/i18n';
import { sudoRefused, type ScriptIo } from '../core/script-runner';
import { tailKeeper, type AgentExit } from '../core/transport';
import { helloNode, launcherVerdict, MIN_NODE_MAJOR, nodeMajor, nodeMissingMessage, scriptCommand, type LauncherVerdict } from './remote';

/** How long a cancelled run waits for the remote agent to let go before it settles with what it received. */
const ABORT_SETTLE_MS = 1000;

/** The few calls of an exec channel the transport makes (ssh2's ClientChannel has them; only ssh-transport.ts imports ssh2). */
export interface ExecChannel {
  setEncoding(encoding: 'utf8'): unknown;
  signal(name: string): unknown;
  close(): unknown;
  end(data: string): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  on(event: 'error', listener: (e: Error) => void): unknown;
  on(event: 'exit' | 'close', listener: (code: number | null) => void): unknown;
  stderr: {
    setEncoding(encoding: 'utf8'): unknown;
    on(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
  };
}

/** The connection as the exec helpers use it (ssh2's Client). */
export interface ExecClient {
  exec(command: string, callback: (err: Error | undefined, channel: ExecChannel) => void): unknown;
  once(event: 'close', listener: () => void): unknown;
  removeListener(event: 'close', listener: () => void): unknown;
}

/** Where an exec runs and how its failures are worded. */
export interface ExecScope {
  label: string;
  lang: Lang;
  sudo?: boolean;
  /** Why the live connection ended, when it ended badly: preferred to a generic message. */
  lost(): TransportError | undefined;
}

/** One launcher exec's outcome: the agent's exit, or the launcher's verdict when the agent never spoke. */
export interface Launch {
  exit: AgentExit;
  verdict?: LauncherVerdict;
  sawStdout: boolean;
}

/** Execs the launcher; passes stdout on once the agent's `hello` shows a Node recent enough. */
export function launchAgent(
  client: ExecClient,
  scope: ExecScope,
  command: string,
  requestLine: string,
  onData: (chunk: string) => void,
  signal?: AbortSignal,
): Promise<Launch> {
  return new Promise((resolve, reject) => {
    client.exec(command, (err, ch) => {
      if (err) return reject(scope.lost() ?? new TransportError('EXEC_FAILED', t(scope.lang, 'ssh.execFailed', scope.label, err.message)));
      const tail = tailKeeper();
      let head: string | undefined = '';
      let sawStdout = false;
      let oldNode: string | undefined;
      let settled = false;
      const abort = (): void => {
        ch.signal('TERM');
        ch.close();
        // sshd closes the channel only when the remote command ends, which a check sleeping in a child may delay:
        // a stopped run settles within a second with what it received; the connection's end cleans up the rest.
        setTimeout(() => done(null), ABORT_SETTLE_MS).unref();
      };
      let lost: string | undefined;
      const onClose = (): void => {
        lost = scope.lost()?.message ?? t(scope.lang, 'ssh.closed', scope.label);
        done(null);
      };
      const done = (code: number | null): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', abort);
        client.removeListener('close', onClose);
        if (oldNode) return reject(new TransportError('NODE_MISSING', nodeMissingMessage(scope.lang, scope.label, oldNode)));
        resolve({
          exit: { code, stderrTail: tail.text(), ...(lost ? { connectionLost: lost } : {}) },
          verdict: sawStdout ? undefined : launcherVerdict(code, tail.text(), scope.sudo),
          sawStdout,
        });
      };
      ch.setEncoding('utf8');
      ch.on('data', (chunk: string) => {
        sawStdout = true;
        if (head === undefined) return onData(chunk);
        head += chunk;
        const nl = head.indexOf('\n');
        if (nl < 0) return;
        const first = head;
        head = undefined;
        const node = helloNode(first.slice(0, nl));
        // Settled at once: the channel's close may wait for a process that does not end.
        if (node && nodeMajor(node) < MIN_NODE_MAJOR) {
          oldNode = node;
          abort();
          done(null);
          return;
        }
        onData(first);
      });
      ch.on('error', (e: Error) => tail.push(`\n${e.message}`));
      ch.stderr.on('data', (d) => tail.push(d.toString()));
      ch.on('exit', (code) => {
        if (code === null) done(null);
      });
      ch.on('close', (code) => done(typeof code === 'number' ? code : null));
      // A dropped connection closes the client without closing the channel cleanly.
      client.once('close', onClose);
      signal?.addEventListener('abort', abort, { once: true });
      ch.end(requestLine + '\n');
    });
  });
}

/**
 * Runs a lifecycle script as root: `bash -s` as root, `sudo -n bash -s` as another user, the script on stdin.
 * The command is a constant.
 */
export async function runScriptOn(client: ExecClient, scope: ExecScope, user: string, script: string, io: ScriptIo): Promise<{ code: number | null }> {
  const tail = tailKeeper(4096);
  const code = await new Promise<number | null>((resolve, reject) => {
    client.exec(scriptCommand(user), (err, ch) => {
      if (err) return reject(scope.lost() ?? new TransportError('EXEC_FAILED', t(scope.lang, 'start.cannotRun', scope.label, err.message)));
      const abort = (): void => {
        ch.signal('TERM');
        ch.close();
      };
      const onClose = (): void => resolve(null);
      io.signal?.addEventListener('abort', abort, { once: true });
      client.once('close', onClose);
      ch.setEncoding('utf8');
      ch.on('data', (d: string) => io.onStdout(d));
      ch.stderr.setEncoding('utf8');
      ch.stderr.on('data', (d) => {
        tail.push(String(d));
        io.onStderr(String(d));
      });
      ch.on('error', () => undefined);
      ch.on('close', (c) => {
        io.signal?.removeEventListener('abort', abort);
        client.removeListener('close', onClose);
        resolve(typeof c === 'number' ? c : null);
      });
      ch.end(script);
    });
  });
  if (user !== 'root' && sudoRefused(code, tail.text())) throw new TransportError('SUDO_REFUSED', t(scope.lang, 'start.sudoRefused', scope.label));
  return { code };
}
