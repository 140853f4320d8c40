import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { Client, utils, type ConnectConfig, type SFTPWrapper } from 'ssh2';
import { TransportError } from '../core/errors';
import { detectLang, t, type Lang } from '../core/i18n';
import { addHostKey, fingerprint, keyTypeOf, verifyHostKey, type HostKeyVerdict } from '../core/known-hosts';
import { formatTarget } from '../core/target';
import type { ScriptIo, ScriptRunner } from '../core/script-runner';
import type { AgentExit, Transport } from '../core/transport';
import { launchAgent, runScriptOn, type ExecScope, type Launch } from './channel';
import { agentRelativePath, launcherCommand, MIN_NODE_MAJOR, nodeMajor, nodeMissingMessage } from './remote';
import { connectError, keyError, type Ssh2Error } from './ssh-errors';
import { failureContext, type SshOptions } from './ssh-options';
import { uploadAgent } from './upload';

export type { SshOptions };

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

  /** How execs on this connection word their failures. */
  private scope(): ExecScope {
    return { label: this.label, lang: this.lang, sudo: this.opts.sudo, lost: () => this.lost };
  }

  /** The jump hosts' connections (ProxyJump), closed with this one. */
  private readonly jumps: SshTransport[] = [];

  private async connect(): Promise<Client> {
    return this.connectOver(this.opts.jump?.length ? await this.tunnel() : undefined);
  }

  /**
   * ProxyJump: connects to the last hop (itself through the hops before it) and opens a direct-tcpip channel from it to
   * this target; the SSH session to the target then runs inside that channel, with the same host-key rules.
   */
  private async tunnel(): Promise<Duplex> {
    const hops = this.opts.jump!;
    const last = hops[hops.length - 1];
    const hop = new SshTransport({
      ...this.opts,
      host: last.host,
      port: last.port,
      user: last.user,
      identityFile: last.key ?? this.opts.identityFile,
      jump: hops.slice(0, -1),
      sudo: false,
      password: undefined,
      agentSource: '',
    });
    this.jumps.push(hop);
    const client = await hop.ready();
    return new Promise((resolve, reject) =>
      client.forwardOut('127.0.0.1', 0, this.opts.host, this.opts.port, (err, channel) =>
        err ? reject(new TransportError('JUMP_FAILED', t(this.lang, 'ssh.jumpFailed', hop.label, this.label, err.message))) : resolve(channel),
      ),
    );
  }

  private connectOver(through: Duplex | undefined): Promise<Client> {
    const o = this.opts;
    const ctx = failureContext(o, this.lang, this.label);
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
      // Our own socket: TCP_NODELAY, or each request/response waits for a delayed ACK (~40 ms a step). Through a jump
      // host, the channel it opened is the socket.
      const sock: Duplex = through ?? new Socket().setNoDelay(o.tcpNoDelay ?? true);
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
      if (!through) (sock as Socket).connect(o.port, o.host);
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
    return launchAgent(client, this.scope(), command, requestLine, onData, signal);
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
    return runScriptOn(client, this.scope(), this.opts.user, script, io);
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
    await this.closeOwn();
    await Promise.all(this.jumps.splice(0).map((j) => j.dispose()));
  }

  private async closeOwn(): Promise<void> {
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
