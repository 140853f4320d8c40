import * as vscode from 'vscode';
import { createTransport } from '../../core/create-transport';
import type { Lang } from '../../core/i18n';
import { parseTarget } from '../../core/target';
import type { Transport } from '../../core/transport';
import { sshFactory } from '../../ssh/lazy';
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

  /** The identity file and known_hosts an entry uses, falling back to the `tssrLab.ssh.*` settings (then createTransport's defaults). */
  resolved(entry: TargetEntry): { identityFile?: string; knownHostsFile?: string; sudo: boolean } {
    const cfg = this.cfg();
    const identityFile =
      entry.auth === 'agent' || entry.auth === 'password' ? undefined : entry.identityFile || cfg.get<string>('ssh.identityFile') || undefined;
    return {
      identityFile,
      knownHostsFile: entry.knownHostsFile || cfg.get<string>('ssh.knownHostsFile') || undefined,
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

  /** A kept secret (a key's passphrase, a target's password), from SecretStorage. */
  async secret(key: string): Promise<string | undefined> {
    return this.secrets.get(key);
  }

  /** Stores a secret; SecretStorage only, never settings or logs. */
  async storeSecret(key: string, value: string): Promise<void> {
    await this.secrets.store(key, value);
  }

  /** Forgets a kept secret. */
  async forgetSecret(key: string): Promise<void> {
    await this.secrets.delete(key);
  }

  /** Forgets an entry's password (on removal). */
  async forget(entry: TargetEntry): Promise<void> {
    await this.secrets.delete(this.passwordKey(entry));
  }

  /** A transport to the entry: local, or SSH with its secrets read from SecretStorage. */
  async transport(entry: TargetEntry, opts: TransportOptions): Promise<Transport & Partial<SshTransport>> {
    const target = parseTarget(entry.target, this.lang());
    const r = this.resolved(entry);
    const ssh = target.kind === 'ssh';
    return createTransport(
      {
        target,
        agentFile: opts.agentFile,
        lang: this.lang(),
        identityFile: r.identityFile,
        knownHostsFile: r.knownHostsFile,
        // `tssrLab.ssh.sudo` is for remote agents: a local check keeps the editor's rights.
        sudo: ssh && r.sudo,
        acceptFingerprint: opts.acceptFingerprint,
        auth: entry.auth,
        passphrase: ssh && r.identityFile ? await this.secrets.get(this.passphraseKey(r.identityFile)) : undefined,
        password: ssh && entry.auth === 'password' ? await this.secrets.get(this.passwordKey(entry)) : undefined,
        log: (l) => this.log.trace(l),
        notify: (l) => this.log.info(l),
      },
      sshFactory,
    );
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
