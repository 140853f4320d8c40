import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '../../core/i18n';
import { LocalTransport } from '../../core/local-transport';
import { parseTarget } from '../../core/target';
import type { Transport } from '../../core/transport';
import { progressText } from '../../ssh/progress';
import type { SshTransport } from '../../ssh/ssh-transport';

/** A target as the Cibles view keeps it in the `tssrLab.targets` setting; secrets are never here (SecretStorage). */
export interface TargetEntry {
  name: string;
  /** `local` or `ssh://user@host[:port]`. */
  target: string;
  /** How to log in: ssh-agent, a private key, or a password kept in SecretStorage. */
  auth?: 'agent' | 'key' | 'password';
  identityFile?: string;
  knownHostsFile?: string;
  sudo?: boolean;
}

/** The implicit local target, always first. */
export const LOCAL: TargetEntry = { name: 'local', target: 'local' };

/** Options for building a transport: the agent file, and an unknown host key the user approved. */
export interface TransportOptions {
  agentFile: string;
  acceptFingerprint?: string;
}

/** The saved targets, the active one (`tssrLab.target`), their secrets, and the transports built from them. */
export class TargetStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the targets or the active target change. */
  readonly onDidChange = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly lang: () => Lang,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('tssrLab.target') || e.affectsConfiguration('tssrLab.targets') || e.affectsConfiguration('tssrLab.ssh')) this.changed.fire();
    });
  }

  private cfg(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('tssrLab');
  }

  /** The local target, then the saved ones. */
  list(): TargetEntry[] {
    const saved = this.cfg().get<TargetEntry[]>('targets', []) ?? [];
    return [LOCAL, ...saved.filter((e) => e && typeof e.name === 'string' && typeof e.target === 'string' && e.target !== 'local')];
  }

  /** The active target: the saved entry matching `tssrLab.target`, else one built from the `tssrLab.ssh.*` settings. */
  active(): TargetEntry {
    const value = this.cfg().get<string>('target', 'local') || 'local';
    const saved = this.list().find((e) => e.target === value || e.name === value);
    if (saved) return saved;
    return { name: value, target: value };
  }

  /** Makes an entry the active target, where `tssrLab.target` is set today (the workspace's value wins over the user's). */
  async use(entry: TargetEntry): Promise<void> {
    const inspect = this.cfg().inspect<string>('target');
    const where = inspect?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await this.cfg().update('target', entry.target === 'local' && where === vscode.ConfigurationTarget.Global ? undefined : entry.target, where);
  }

  /** Replaces the saved list (user settings: targets follow the learner, not the pack). */
  async save(entries: TargetEntry[]): Promise<void> {
    const clean = entries.filter((e) => e.target !== 'local').map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined && v !== '')));
    await this.cfg().update('targets', clean, vscode.ConfigurationTarget.Global);
  }

  /** The identity file and known_hosts an entry uses, falling back to the `tssrLab.ssh.*` settings. */
  resolved(entry: TargetEntry): { identityFile?: string; knownHostsFile: string; sudo: boolean } {
    const cfg = this.cfg();
    const identityFile =
      entry.auth === 'agent' || entry.auth === 'password' ? undefined : entry.identityFile || cfg.get<string>('ssh.identityFile') || undefined;
    return {
      identityFile,
      knownHostsFile: entry.knownHostsFile || cfg.get<string>('ssh.knownHostsFile') || join(homedir(), '.ssh', 'known_hosts'),
      sudo: entry.sudo ?? cfg.get<boolean>('ssh.sudo', false),
    };
  }

  /** SecretStorage key of a key's passphrase (the same key as before targets existed). */
  passphraseKey(identityFile: string | undefined): string {
    return `tssrLab.passphrase:${identityFile ?? ''}`;
  }

  /** SecretStorage key of a target's password. */
  passwordKey(entry: TargetEntry): string {
    return `tssrLab.password:${entry.target}`;
  }

  /** Stores a secret; SecretStorage only, never settings or logs. */
  async storeSecret(key: string, value: string): Promise<void> {
    await this.secrets.store(key, value);
  }

  /** Forgets an entry's password (on removal). */
  async forget(entry: TargetEntry): Promise<void> {
    await this.secrets.delete(this.passwordKey(entry));
  }

  /** A transport to the entry: local, or SSH with its secrets read from SecretStorage. */
  async transport(entry: TargetEntry, opts: TransportOptions): Promise<Transport & Partial<SshTransport>> {
    const spec = parseTarget(entry.target, this.lang());
    if (spec.kind === 'local') return new LocalTransport(opts.agentFile);
    const r = this.resolved(entry);
    // Loaded on first SSH use: ssh2 costs the activation of a learner who checks locally for nothing.
    const { SshTransport } = await import('../../ssh/ssh-transport');
    return new SshTransport({
      ...spec,
      identityFile: r.identityFile,
      knownHostsFile: r.knownHostsFile,
      sudo: r.sudo,
      acceptFingerprint: opts.acceptFingerprint,
      passphrase: r.identityFile ? await this.secrets.get(this.passphraseKey(r.identityFile)) : undefined,
      password: entry.auth === 'password' ? await this.secrets.get(this.passwordKey(entry)) : undefined,
      agentSource: readFileSync(opts.agentFile, 'utf8'),
      agentSocket: entry.auth === 'password' ? undefined : process.env.SSH_AUTH_SOCK,
      lang: this.lang(),
      log: (l) => this.log.trace(l),
      progress: (p) => this.log.info(progressText(this.lang(), p)),
    });
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
