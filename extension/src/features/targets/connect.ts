import * as vscode from 'vscode';
import { TransportError } from '../../core/errors';
import { t, type Lang } from '../../core/i18n';
import type { Transport } from '../../core/transport';
import type { SshTransport } from '../../ssh/ssh-transport';
import type { TargetEntry, TargetStore } from './store';

/** The questions a connection may need to ask; the editor's are dialogs, a test's are answers given in advance. */
export interface TargetPrompts {
  passphrase(identityFile: string): Promise<string | undefined>;
  password(entry: TargetEntry): Promise<string | undefined>;
  /** Shown for a NEW host key only: a changed key is an error, never a question. */
  trustKey(label: string, key: { type: string; fingerprint: string }): Promise<boolean>;
}

/** The short key name used in `/etc/ssh/ssh_host_<name>_key.pub`. */
function hostKeyFileName(type: string): string {
  if (type.startsWith('ecdsa')) return 'ecdsa';
  return type.replace(/^ssh-/, '');
}

/** The editor's prompts: input boxes and a modal that shows the fingerprint before anything is written. */
export function dialogPrompts(lang: () => Lang): TargetPrompts {
  return {
    passphrase: async (identityFile) =>
      vscode.window.showInputBox({ password: true, ignoreFocusOut: true, prompt: t(lang(), 'ui.passphrasePrompt', identityFile) }),
    password: async (entry) => vscode.window.showInputBox({ password: true, ignoreFocusOut: true, prompt: t(lang(), 'targets.askPassword', entry.target) }),
    trustKey: async (label, key) => {
      const trust = t(lang(), 'targets.trust');
      const text = t(lang(), 'targets.newKey', label, key.fingerprint, key.type, hostKeyFileName(key.type));
      return (await vscode.window.showWarningMessage(text, { modal: true }, trust)) === trust;
    },
  };
}

/**
 * Runs `attempt` on a fresh transport to `entry`, asking what is missing and trying again (at most three times):
 * a key's passphrase or a password (kept in SecretStorage), or trust in a NEW host key, recorded only if the key
 * presented again has the fingerprint the user saw. Any other error, a changed host key first, is thrown.
 */
export async function withTarget<T>(
  store: TargetStore,
  entry: TargetEntry,
  agentFile: string,
  prompts: TargetPrompts,
  attempt: (transport: Transport & Partial<SshTransport>) => Promise<T>,
  lang: Lang,
): Promise<T> {
  let acceptFingerprint: string | undefined;
  for (let tries = 0; ; tries++) {
    const transport = await store.transport(entry, { agentFile, acceptFingerprint });
    try {
      return await attempt(transport);
    } catch (e) {
      if (tries >= 3 || !(e instanceof TransportError)) throw e;
      const identityFile = store.resolved(entry).identityFile;
      if (e.code === 'KEY_PASSPHRASE' && identityFile) {
        const value = await prompts.passphrase(identityFile);
        if (!value) throw e;
        await store.storeSecret(store.passphraseKey(identityFile), value);
        continue;
      }
      if (e.code === 'AUTH_FAILED' && entry.auth === 'password') {
        const value = await prompts.password(entry);
        if (!value) throw e;
        await store.storeSecret(store.passwordKey(entry), value);
        continue;
      }
      const key = transport.presentedHostKey;
      if (e.code === 'HOST_KEY_UNKNOWN' && key && !acceptFingerprint) {
        if (!(await prompts.trustKey(transport.label, key))) throw new TransportError('HOST_KEY_UNKNOWN', `${e.message}\n${t(lang, 'targets.notTrusted')}`);
        acceptFingerprint = key.fingerprint;
        continue;
      }
      throw e;
    } finally {
      await transport.dispose();
    }
  }
}
