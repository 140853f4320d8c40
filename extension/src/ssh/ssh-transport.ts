import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client, type ClientChannel, type ConnectConfig, type SFTPWrapper } from 'ssh2';
import { TransportError } from '../core/errors';
import { addHostKey, fingerprint, keyTypeOf, verifyHostKey, type HostKeyVerdict } from '../core/known-hosts';
import { formatTarget } from '../core/target';
import { tailKeeper, type AgentExit, type Transport } from '../core/transport';
import { nodeMissingMessage, remoteAgentPath, MIN_NODE_MAJOR } from './remote';

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
  /** The bundled agent's source, uploaded under its content hash. */
  agentSource: string;
  agentSocket?: string;
  readyTimeoutMs?: number;
  /** Receives progress lines (never secrets). */
  log?: (line: string) => void;
  /** Receives timing marks (`ssh ready`, `ssh session: …`) for benches and tests. */
  trace?: (line: string) => void;
}

/** Runs the agent on a host over SSH (ssh2), uploading it over SFTP only when the target lacks it. */
export class SshTransport implements Transport {
  readonly label: string;
  /** What the last deploy did, for logs and tests. */
  lastDeploy: 'uploaded' | 'reused' | undefined;
  private client?: Promise<Client>;
  private agentPath?: string;
  private readonly hash: string;

  constructor(private readonly opts: SshOptions) {
    this.label = formatTarget({ kind: 'ssh', user: opts.user, host: opts.host, port: opts.port });
    this.hash = createHash('sha256').update(opts.agentSource).digest('hex').slice(0, 16);
  }

  private connect(): Promise<Client> {
    const o = this.opts;
    let verdict: HostKeyVerdict | undefined;
    let presented: Buffer | undefined;
    return new Promise((resolve, reject) => {
      const client = new Client();
      const config: ConnectConfig = {
        host: o.host, port: o.port, username: o.user,
        readyTimeout: o.readyTimeoutMs ?? 20_000,
        agent: o.agentSocket,
        hostVerifier: (key: Buffer) => {
          presented = key;
          verdict = verifyHostKey(o.knownHostsFile, o.host, o.port, key);
          if (verdict === 'unknown' && o.acceptNew) { addHostKey(o.knownHostsFile, o.host, o.port, key); verdict = 'known'; o.log?.(`accepted new host key ${fingerprint(key)} into ${o.knownHostsFile}`); }
          return verdict === 'known';
        },
      };
      try {
        if (o.identityFile) config.privateKey = readFileSync(o.identityFile);
      } catch (e) {
        reject(new TransportError('KEY_UNREADABLE', `Cannot read the private key ${o.identityFile}: ${(e as Error).message}. Check the path given with -i or in the settings.`));
        return;
      }
      if (o.passphrase) config.passphrase = o.passphrase;
      client.once('ready', () => { o.trace?.('ssh ready'); resolve(client); });
      client.once('error', (e: Error & { level?: string; code?: string }) => reject(this.explain(e, verdict, presented)));
      try {
        client.connect(config);
      } catch (e) {
        reject(this.explain(e as Error, verdict, presented));
      }
    });
  }

  /** Turns ssh2's errors into messages that say what to do. */
  private explain(e: Error & { level?: string; code?: string }, verdict?: HostKeyVerdict, key?: Buffer): TransportError {
    const o = this.opts;
    const where = this.label;
    if (verdict === 'changed' && key) {
      return new TransportError('HOST_KEY_CHANGED', `HOST KEY CHANGED for ${where}: it now presents ${keyTypeOf(key)} ${fingerprint(key)}, which differs from the key recorded in ${o.knownHostsFile}. This may be an attack, or the VM was reinstalled. Check the fingerprint with the VM's owner, then remove the old line (ssh-keygen -R "[${o.host}]:${o.port}" -f ${o.knownHostsFile}).`);
    }
    if ((verdict === 'unknown' || verdict === 'revoked') && key) {
      return new TransportError('HOST_KEY_UNKNOWN', `Unknown host key for ${where} (${keyTypeOf(key)} ${fingerprint(key)}), not in ${o.knownHostsFile}. Verify the fingerprint, then connect once with --accept-new (or ssh-keyscan it into known_hosts).`);
    }
    if (/passphrase/i.test(e.message)) {
      return new TransportError('KEY_PASSPHRASE', `The private key ${o.identityFile} is encrypted: give its passphrase (TSSR_LAB_SSH_PASSPHRASE for the CLI; the editor asks and stores it in its secret storage).`);
    }
    if (e.level === 'client-authentication') {
      return new TransportError('AUTH_FAILED', `Authentication refused by ${where}: ${o.identityFile ? `the key ${o.identityFile}` : 'no key'}${o.agentSocket ? ' nor ssh-agent' : ''} was accepted for user ${o.user}. Check the user name and that the public key is in ~/.ssh/authorized_keys on the target.`);
    }
    if (e.code === 'ECONNREFUSED') return new TransportError('UNREACHABLE', `Connection refused by ${where}: is sshd running and listening on port ${o.port}?`);
    if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return new TransportError('UNREACHABLE', `Host ${o.host} not found: check the name or use an IP address.`);
    if (/Timed out/i.test(e.message)) return new TransportError('TIMEOUT', `No SSH handshake with ${where} within ${(o.readyTimeoutMs ?? 20000) / 1000} s: check the address and the firewall.`);
    if (/Cannot parse privateKey|Unsupported key format/i.test(e.message)) return new TransportError('KEY_INVALID', `The file ${o.identityFile} is not a usable private key: ${e.message}.`);
    return new TransportError('SSH_ERROR', `SSH error with ${where}: ${e.message}`);
  }

  private async ready(): Promise<Client> {
    if (!this.client) {
      this.client = this.connect();
      this.client.catch(() => { this.client = undefined; });
    }
    return this.client;
  }

  /** Runs a command without a pseudo-terminal and collects its output. */
  private exec(client: Client, command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    this.opts.trace?.('ssh session: exec');
    return new Promise((resolve, reject) => {
      client.exec(command, (err, ch) => {
        if (err) return reject(new TransportError('EXEC_FAILED', `Cannot run a command on ${this.label}: ${err.message}`));
        let stdout = '';
        let stderr = '';
        ch.on('data', (d: Buffer) => { stdout += d.toString(); });
        ch.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
        ch.on('close', (code: number | null) => resolve({ code, stdout, stderr }));
      });
    });
  }

  private async checkNode(client: Client): Promise<void> {
    const r = await this.exec(client, 'node -e "process.stdout.write(process.versions.node)"');
    const major = Number(/^(\d+)\./.exec(r.stdout)?.[1] ?? NaN);
    if (r.code !== 0 || !(major >= MIN_NODE_MAJOR)) {
      throw new TransportError('NODE_MISSING', nodeMissingMessage(this.label, r.code === 0 ? r.stdout : undefined));
    }
  }

  private sftp(client: Client): Promise<SFTPWrapper> {
    this.opts.trace?.('ssh session: sftp');
    return new Promise((resolve, reject) => client.sftp((err, s) => (err ? reject(new TransportError('SFTP_FAILED', `SFTP is not available on ${this.label}: ${err.message}`)) : resolve(s))));
  }

  /** Uploads the agent under its content hash unless it is already there. */
  private async deploy(client: Client): Promise<string> {
    if (this.agentPath) return this.agentPath;
    await this.checkNode(client);
    const sftp = await this.sftp(client);
    try {
      const home = await new Promise<string>((res, rej) => sftp.realpath('.', (e, p) => (e ? rej(e) : res(p))));
      const { dir, file } = remoteAgentPath(home, this.hash);
      let prefix = '';
      for (const part of dir.split('/').filter(Boolean)) {
        prefix += '/' + part;
        await new Promise<void>((res) => sftp.mkdir(prefix, () => res()));
      }
      const size = Buffer.byteLength(this.opts.agentSource);
      const present = await new Promise<boolean>((res) => sftp.stat(file, (e, st) => res(!e && st.size === size)));
      if (!present) {
        const tmp = `${file}.${process.pid}.tmp`;
        await new Promise<void>((res, rej) => sftp.writeFile(tmp, this.opts.agentSource, (e) => (e ? rej(e) : res())));
        await new Promise<void>((res) => sftp.rename(tmp, file, () => res()));
      }
      this.lastDeploy = present ? 'reused' : 'uploaded';
      this.opts.log?.(`agent ${this.lastDeploy}: ${file}`);
      this.agentPath = file;
      return file;
    } catch (e) {
      if (e instanceof TransportError) throw e;
      throw new TransportError('UPLOAD_FAILED', `Cannot upload the agent to ${this.label}: ${(e as Error).message}. Is the home folder writable?`);
    } finally {
      sftp.end();
    }
  }

  async runAgent(requestLine: string, onData: (chunk: string) => void, signal?: AbortSignal): Promise<AgentExit> {
    const client = await this.ready();
    const path = await this.deploy(client);
    this.opts.trace?.('ssh session: agent');
    return new Promise((resolve, reject) => {
      client.exec(`node '${path.replace(/'/g, `'\\''`)}' serve`, (err, ch: ClientChannel) => {
        if (err) return reject(new TransportError('EXEC_FAILED', `Cannot start the agent on ${this.label}: ${err.message}`));
        const tail = tailKeeper();
        let settled = false;
        const done = (code: number | null): void => { if (!settled) { settled = true; resolve({ code, stderrTail: tail.text() }); } };
        ch.setEncoding('utf8');
        ch.on('data', onData);
        ch.stderr.on('data', (d: Buffer) => tail.push(d.toString()));
        ch.on('exit', (code: number | null) => { if (code === null) done(null); });
        ch.on('close', (code: number | null) => done(typeof code === 'number' ? code : null));
        // A dropped connection closes the client without closing the channel cleanly.
        client.once('close', () => { tail.push('\nSSH connection closed'); done(null); });
        signal?.addEventListener('abort', () => { ch.signal('TERM'); ch.close(); }, { once: true });
        ch.end(requestLine + '\n');
      });
    });
  }

  async dispose(): Promise<void> {
    const c = await this.client?.catch(() => undefined);
    c?.end();
    this.client = undefined;
    this.agentPath = undefined;
  }
}
