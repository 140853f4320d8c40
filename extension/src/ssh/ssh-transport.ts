import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { Client, utils, type ClientChannel, type ConnectConfig, type SFTPWrapper } from 'ssh2';
import { TransportError } from '../core/errors';
import { detectLang, t, type Lang } from '../core/i18n';
import { addHostKey, fingerprint, keyTypeOf, verifyHostKey, type HostKeyVerdict } from '../core/known-hosts';
import { formatTarget } from '../core/target';
import { sudoRefused, type ScriptIo, type ScriptRunner } from '../core/script-runner';
import { tailKeeper, type AgentExit, type Transport } from '../core/transport';
import {
  agentRelativePath,
  helloNode,
  launcherCommand,
  launcherVerdict,
  MIN_NODE_MAJOR,
  nodeMajor,
  nodeMissingMessage,
  scriptCommand,
  type LauncherVerdict,
} from './remote';
import { connectError, keyError, type FailureContext, type Ssh2Error } from './ssh-errors';
import type { SshProgress } from './progress';
import { uploadAgent } from './upload';

/** How to reach and trust an SSH target. */
export interface SshOptions {
  host: string;
  port: number;
  user: string;
  /** Path of a private key; ssh-agent is also tried when SSH_AUTH_SOCK is set. */
  identityFile?: string;
  passphrase?: string;
  /** known_hosts file that host keys are verified against. */
  knownHostsFile: string;
  /** Trust and record a host key that is unknown (never one that changed). */
  acceptNew?: boolean;
  /** Trust and record an unknown host key only if it has this fingerprint (the one the user saw and approved). */
  acceptFingerprint?: string;
  /** Password authentication (kept by the editor in SecretStorage, never in settings). */
  password?: string;
  /** The bundled agent's source, uploaded under its content hash. */
  agentSource: string;
  agentSocket?: string;
  /** Language of error messages; else the run's, else French unless TSSR_LAB_LANG or LANG says English. */
  lang?: Lang;
  /** TCP connect + SSH handshake + authentication must finish within this (default 15 s). */
  readyTimeoutMs?: number;
  /** Keepalive probe period once connected (default 5 s). */
  keepaliveIntervalMs?: number;
  /** Unanswered probes before the connection is declared dead (default 3: dead within 20 s of silence). */
  keepaliveCountMax?: number;
  /** Backstop: nothing received for this long ends the connection (default 30 s). */
  idleTimeoutMs?: number;
  /** TCP_NODELAY on the connection (default true; false only to measure what it saves). */
  tcpNoDelay?: boolean;
  /** Runs the agent as root with `sudo -n` (a NOPASSWD rule for the agent's command is needed). */
  sudo?: boolean;
  /** Receives trace lines for developers and tests, in English (never secrets). */
  log?: (line: string) => void;
  /** Receives what a user may want to know (an upload, a recorded host key) as data, to word in their language. */
  progress?: (p: SshProgress) => void;
  /** Receives timing marks (`ssh ready`, `ssh session: …`) for benches and tests. */
  trace?: (line: string) => void;
}

interface Launch {
  exit: AgentExit;
  verdict?: LauncherVerdict;
  sawStdout: boolean;
}

/** Runs the agent on a host over SSH (ssh2): one connection, one exec; SFTP only when the target lacks the agent. */
export class SshTransport implements Transport, ScriptRunner {
  readonly label: string;
  /** What the last deploy did, for logs and tests. */
  lastDeploy: 'uploaded' | 'reused' | undefined;
  private client?: Promise<Client>;
  /** Why the live connection ended, when it ended badly (keepalive, idle, socket error). */
  private lost?: TransportError;
  private readonly hash: string;
  private lang: Lang;
  /** The host key the server presented on the last connection attempt, whatever the verdict. */
  presentedHostKey?: { type: string; fingerprint: string };

  constructor(private readonly opts: SshOptions) {
    this.label = formatTarget({ kind: 'ssh', user: opts.user, host: opts.host, port: opts.port });
    this.hash = createHash('sha256').update(opts.agentSource).digest('hex').slice(0, 16);
    // Without an explicit choice, the same rule as the CLI's: TSSR_LAB_LANG, then LANG; French by default.
    this.lang = opts.lang ?? detectLang();
  }

  private context(): FailureContext {
    const o = this.opts;
    return {
      lang: this.lang,
      label: this.label,
      host: o.host,
      port: o.port,
      user: o.user,
      identityFile: o.identityFile,
      passphraseGiven: !!o.passphrase,
      agentSocket: o.agentSocket,
      knownHostsFile: o.knownHostsFile,
      serverSpoke: false,
      readyTimeoutMs: o.readyTimeoutMs ?? 15_000,
      deadAfterS: this.deadAfterS(),
    };
  }

  private deadAfterS(): number {
    const o = this.opts;
    return Math.round(((o.keepaliveIntervalMs ?? 5000) * ((o.keepaliveCountMax ?? 3) + 1)) / 1000);
  }

  private connect(): Promise<Client> {
    const o = this.opts;
    const ctx = this.context();
    return new Promise((resolve, reject) => {
      const config: ConnectConfig = {
        username: o.user,
        agent: o.agentSocket,
        readyTimeout: ctx.readyTimeoutMs,
        keepaliveInterval: o.keepaliveIntervalMs ?? 5000,
        keepaliveCountMax: o.keepaliveCountMax ?? 3,
        hostVerifier: (key: Buffer) => {
          ctx.hostKey = key;
          this.presentedHostKey = { type: keyTypeOf(key), fingerprint: fingerprint(key) };
          let verdict: HostKeyVerdict = verifyHostKey(o.knownHostsFile, o.host, o.port, key);
          if (verdict === 'unknown' && (o.acceptNew || (o.acceptFingerprint !== undefined && o.acceptFingerprint === fingerprint(key)))) {
            addHostKey(o.knownHostsFile, o.host, o.port, key);
            verdict = 'known';
            o.log?.(`accepted new host key ${fingerprint(key)} into ${o.knownHostsFile}`);
            o.progress?.({ kind: 'hostKeyRecorded', fingerprint: fingerprint(key), knownHostsFile: o.knownHostsFile });
          }
          ctx.verdict = verdict;
          return verdict === 'known';
        },
      };
      if (o.identityFile) {
        try {
          config.privateKey = readFileSync(o.identityFile);
        } catch (e) {
          return reject(new TransportError('KEY_UNREADABLE', t(this.lang, 'ssh.keyUnreadable', o.identityFile, (e as Error).message)));
        }
        // Parsed here so that a missing and a wrong passphrase get their own messages.
        const parsed = utils.parseKey(config.privateKey, o.passphrase);
        if (parsed instanceof Error) return reject(keyError(parsed, ctx));
        if (o.passphrase) config.passphrase = o.passphrase;
      }
      if (o.password) config.password = o.password;
      // Our own socket: TCP_NODELAY, or each request/response waits for a delayed ACK (~40 ms a step).
      const sock = new Socket();
      sock.setNoDelay(o.tcpNoDelay ?? true);
      const client = new Client();
      let ready = false;
      let lastRx = Date.now();
      let idle: NodeJS.Timeout | undefined;
      // One listener for the client's whole life: ssh2 may emit several errors (timeout, then lost before handshake).
      client.on('error', (e: Ssh2Error) => {
        if (!ready) return reject(connectError(e, ctx));
        this.lost ??= connectError(e, ctx);
      });
      client.once('ready', () => {
        ready = true;
        o.trace?.('ssh ready');
        const idleMs = o.idleTimeoutMs ?? 30_000;
        idle = setInterval(
          () => {
            if (Date.now() - lastRx < idleMs) return;
            this.lost ??= new TransportError('CONNECTION_LOST', t(this.lang, 'ssh.noResponse', this.label, Math.round(idleMs / 1000)));
            sock.destroy();
          },
          Math.min(1000, idleMs),
        );
        idle.unref();
        resolve(client);
      });
      client.on('close', () => {
        clearInterval(idle);
        if (!ready) reject(connectError(new Error('Connection lost before handshake'), ctx));
        this.client = undefined;
      });
      sock.connect(o.port, o.host);
      client.connect({ ...config, sock });
      // Attached after connect(), which pauses the socket: ssh2 resumes it once its parser listens.
      sock.on('data', () => {
        ctx.serverSpoke = true;
        lastRx = Date.now();
      });
    });
  }

  private ready(): Promise<Client> {
    if (!this.client) {
      this.lost = undefined;
      this.client = this.connect();
      this.client.catch(() => {
        this.client = undefined;
      });
    }
    return this.client;
  }

  /** Execs the launcher; passes stdout on once the agent's `hello` shows a Node recent enough. */
  private launch(client: Client, command: string, requestLine: string, onData: (chunk: string) => void, signal?: AbortSignal): Promise<Launch> {
    this.opts.trace?.('ssh session: agent');
    return new Promise((resolve, reject) => {
      client.exec(command, (err, ch: ClientChannel) => {
        if (err) return reject(this.lost ?? new TransportError('EXEC_FAILED', t(this.lang, 'ssh.execFailed', this.label, err.message)));
        const tail = tailKeeper();
        let head: string | undefined = '';
        let sawStdout = false;
        let oldNode: string | undefined;
        let settled = false;
        const abort = (): void => {
          ch.signal('TERM');
          ch.close();
        };
        let lost: string | undefined;
        const onClose = (): void => {
          lost = this.lost?.message ?? t(this.lang, 'ssh.closed', this.label);
          done(null);
        };
        const done = (code: number | null): void => {
          if (settled) return;
          settled = true;
          signal?.removeEventListener('abort', abort);
          client.removeListener('close', onClose);
          if (oldNode) return reject(new TransportError('NODE_MISSING', nodeMissingMessage(this.lang, this.label, oldNode)));
          resolve({
            exit: { code, stderrTail: tail.text(), ...(lost ? { connectionLost: lost } : {}) },
            verdict: sawStdout ? undefined : launcherVerdict(code, tail.text(), this.opts.sudo),
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
        ch.stderr.on('data', (d: Buffer) => tail.push(d.toString()));
        ch.on('exit', (code: number | null) => {
          if (code === null) done(null);
        });
        ch.on('close', (code: number | null) => done(typeof code === 'number' ? code : null));
        // A dropped connection closes the client without closing the channel cleanly.
        client.once('close', onClose);
        signal?.addEventListener('abort', abort, { once: true });
        ch.end(requestLine + '\n');
      });
    });
  }

  async runAgent(requestLine: string, onData: (chunk: string) => void, signal?: AbortSignal, lang?: Lang): Promise<AgentExit> {
    // The run's language (the CLI's --lang, the editor's) unless the transport was given one.
    this.lang = this.opts.lang ?? lang ?? this.lang;
    const client = await this.ready();
    const command = launcherCommand(this.hash, this.opts.sudo);
    let r = await this.launch(client, command, requestLine, onData, signal);
    let deploy: 'uploaded' | 'reused' = 'reused';
    if (r.verdict === 'no-agent') {
      const file = await uploadAgent(await this.sftp(client), agentRelativePath(this.hash), this.opts.agentSource, this.label, this.lang);
      deploy = 'uploaded';
      this.opts.log?.(`agent uploaded: ${file}`);
      this.opts.progress?.({ kind: 'agentUploaded', file });
      r = await this.launch(client, command, requestLine, onData, signal);
    }
    if (r.verdict === 'no-node') throw new TransportError('NODE_MISSING', nodeMissingMessage(this.lang, this.label));
    if (r.verdict === 'no-sudo') throw new TransportError('SUDO_MISSING', t(this.lang, 'ssh.sudoMissing', this.label));
    if (r.verdict === 'sudo-refused') throw await this.sudoRefused(client, r.exit.stderrTail);
    if (r.verdict === 'no-agent')
      throw new TransportError('UPLOAD_FAILED', t(this.lang, 'ssh.uploadFailed', this.label, t(this.lang, 'transport.agentStillMissing')));
    if (!r.sawStdout && typeof r.exit.code === 'number' && r.exit.code !== 0 && !this.lost) {
      const version = await this.probeNodeVersion(client);
      if (version && nodeMajor(version) < MIN_NODE_MAJOR) throw new TransportError('NODE_MISSING', nodeMissingMessage(this.lang, this.label, version));
    }
    if (deploy === 'reused') this.opts.log?.(`agent reused: ~/${agentRelativePath(this.hash).file}`);
    this.lastDeploy = deploy;
    return r.exit;
  }

  /**
   * Runs a lifecycle script as root on the same connection as the checks (a hardened sshd may refuse a new login):
   * `bash -s` as root, `sudo -n bash -s` as another user, the script on stdin. The command is a constant.
   */
  async runScript(script: string, io: ScriptIo): Promise<{ code: number | null }> {
    this.lang = this.opts.lang ?? io.lang ?? this.lang;
    const client = await this.ready();
    this.opts.trace?.('ssh session: script');
    const tail = tailKeeper(4096);
    const code = await new Promise<number | null>((resolve, reject) => {
      client.exec(scriptCommand(this.opts.user), (err, ch: ClientChannel) => {
        if (err) return reject(this.lost ?? new TransportError('EXEC_FAILED', t(this.lang, 'start.cannotRun', this.label, err.message)));
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
        ch.stderr.on('data', (d: string) => {
          tail.push(d);
          io.onStderr(d);
        });
        ch.on('error', () => undefined);
        ch.on('close', (c: number | null) => {
          io.signal?.removeEventListener('abort', abort);
          client.removeListener('close', onClose);
          resolve(typeof c === 'number' ? c : null);
        });
        ch.end(script);
      });
    });
    if (this.opts.user !== 'root' && sudoRefused(code, tail.text())) throw new TransportError('SUDO_REFUSED', t(this.lang, 'start.sudoRefused', this.label));
    return { code };
  }

  private sftp(client: Client): Promise<SFTPWrapper> {
    this.opts.trace?.('ssh session: sftp');
    return new Promise((resolve, reject) =>
      client.sftp((err, s) => {
        if (err) return reject(this.lost ?? new TransportError('SFTP_FAILED', t(this.lang, 'ssh.sftpFailed', this.label, err.message)));
        s.on('error', () => {
          /* reported by the pending operation's callback */
        });
        resolve(s);
      }),
    );
  }

  /** sudo refused to run the agent: the error gives the exact sudoers rule, with the target's node path and home. */
  private async sudoRefused(client: Client, stderr: string): Promise<TransportError> {
    const line = /^sudo: .*$/m.exec(stderr)?.[0] ?? stderr.trim();
    const where = await this.probe(client, 'printf "%s\\n%s" "$(command -v node)" "$HOME"');
    const [node, home] = (where ?? '').split('\n');
    return new TransportError('SUDO_REFUSED', t(this.lang, 'ssh.sudoRefused', this.label, line, this.opts.user, node || '/usr/bin/node', home || '~'));
  }

  /** Runs a fixed command (no input in it) and returns its stdout when it exits 0. */
  private probe(client: Client, command: string): Promise<string | undefined> {
    return new Promise((resolve) => {
      client.exec(command, (err, ch) => {
        if (err) return resolve(undefined);
        let out = '';
        ch.on('data', (d: Buffer) => {
          out += d.toString();
        });
        ch.on('error', () => resolve(undefined));
        ch.stderr.resume();
        ch.on('close', (code: number | null) => resolve(code === 0 ? out.trim() : undefined));
      });
    });
  }

  /** Connects (verifying the host key) and reads the target's Node version: the editor's connection test. */
  async testConnection(lang?: Lang): Promise<{ node?: string }> {
    this.lang = this.opts.lang ?? lang ?? this.lang;
    const client = await this.ready();
    return { node: await this.probeNodeVersion(client) };
  }

  /** Reads a file of the target over SFTP, at most `maxBytes` (a read-only view for the editor). */
  async readFile(path: string, maxBytes: number, lang?: Lang): Promise<{ text: string; truncated: boolean }> {
    this.lang = this.opts.lang ?? lang ?? this.lang;
    const sftp = await this.sftp(await this.ready());
    return new Promise((resolve, reject) => {
      sftp.open(path, 'r', (err, handle) => {
        if (err) return reject(err);
        const buf = Buffer.alloc(maxBytes + 1);
        // One SFTP read returns at most a packet's worth: read on until end of file or the limit.
        const next = (at: number): void =>
          sftp.read(handle, buf, at, buf.length - at, at, (e, n) => {
            if (!e && n > 0 && at + n < buf.length) return next(at + n);
            sftp.close(handle, () => sftp.end());
            if (e && !/EOF|end of file/i.test(e.message)) return reject(e);
            const size = at + (e ? 0 : n);
            resolve({ text: buf.subarray(0, Math.min(size, maxBytes)).toString('utf8'), truncated: size > maxBytes });
          });
        next(0);
      });
    });
  }

  /** On the failure path only: the target's Node version, to tell an old Node from a crashed agent. */
  private probeNodeVersion(client: Client): Promise<string | undefined> {
    return this.probe(client, 'node -p process.versions.node');
  }

  async dispose(): Promise<void> {
    const c = await this.client?.catch(() => undefined);
    this.client = undefined;
    if (!c) return;
    c.end();
    // A frozen peer never answers the close: do not let its socket hold the process.
    const force = setTimeout(() => c.destroy(), 1000);
    force.unref();
    c.once('close', () => clearTimeout(force));
  }
}
