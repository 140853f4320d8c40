import * as vscode from 'vscode';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { t, type Lang } from '../../core/i18n';
import { parseTarget } from '../../core/target';
import { readSshAliases } from './ssh-config';
import type { TargetEntry } from './store';

/** The private keys of ~/.ssh that have a `.pub` beside them (id_ed25519, id_rsa…). */
function privateKeys(): string[] {
  const dir = join(homedir(), '.ssh');
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pub') && existsSync(join(dir, f.slice(0, -4))))
      .map((f) => join(dir, f.slice(0, -4)));
  } catch {
    return [];
  }
}

/** Asks how to log in; undefined when the user gives up. */
export async function askAuth(lang: Lang, current?: TargetEntry): Promise<Pick<TargetEntry, 'auth' | 'identityFile'> | undefined> {
  type Choice = vscode.QuickPickItem & { value?: Pick<TargetEntry, 'auth' | 'identityFile'>; browse?: true };
  // The key already named in the settings comes first: it is the one the learner was told to use.
  const configured = vscode.workspace.getConfiguration('tssrLab').get<string>('ssh.identityFile') || undefined;
  const keys = [...new Set([...(configured ? [configured] : []), ...privateKeys()])];
  const items: Choice[] = [
    ...keys.map((k) => ({ label: t(lang, 'targets.authKey', k), value: { auth: 'key' as const, identityFile: k } })),
    { label: t(lang, 'targets.authAgent'), value: { auth: 'agent' } },
    { label: t(lang, 'targets.authOtherKey'), browse: true },
    { label: t(lang, 'targets.authPassword'), value: { auth: 'password' } },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: t(lang, 'targets.askAuth'), ignoreFocusOut: true });
  if (!picked) return undefined;
  if (!picked.browse) return picked.value;
  const files = await vscode.window.showOpenDialog({ canSelectMany: false, defaultUri: vscode.Uri.file(current?.identityFile ?? join(homedir(), '.ssh')) });
  return files?.[0] ? { auth: 'key', identityFile: files[0].fsPath } : undefined;
}

/** Asks for `user@host[:port]`; returns the `ssh://` target. */
export async function askAddress(lang: Lang, value = ''): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    prompt: t(lang, 'targets.askAddress'),
    value: value.replace(/^ssh:\/\//, ''),
    placeHolder: 'stagiaire@192.168.56.10',
    ignoreFocusOut: true,
    validateInput: (v) => {
      try {
        parseTarget(`ssh://${v.trim().replace(/^ssh:\/\//, '')}`, lang);
        return undefined;
      } catch {
        return t(lang, 'targets.badAddress');
      }
    },
  });
  return answer ? `ssh://${answer.trim().replace(/^ssh:\/\//, '')}` : undefined;
}

/** Asks for a name no other target has. */
export async function askName(lang: Lang, taken: string[], value: string): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    prompt: t(lang, 'targets.askName'),
    value,
    ignoreFocusOut: true,
    validateInput: (v) => (!v.trim() ? t(lang, 'targets.askName') : taken.includes(v.trim()) ? t(lang, 'targets.nameTaken') : undefined),
  });
  return answer?.trim() || undefined;
}

/** A new SSH target from a `~/.ssh/config` alias or typed in; undefined when the user gives up. */
export async function askNewTarget(lang: Lang, taken: string[]): Promise<TargetEntry | undefined> {
  type Choice = vscode.QuickPickItem & { alias?: ReturnType<typeof readSshAliases>[number] };
  const aliases = readSshAliases();
  const items: Choice[] = [
    { label: `$(add) ${t(lang, 'targets.newSsh')}`, detail: t(lang, 'targets.newSshDetail') },
    ...(aliases.length ? [{ label: t(lang, 'targets.sshAlias'), kind: vscode.QuickPickItemKind.Separator }] : []),
    ...aliases.map((a) => ({ label: `$(vm) ${a.alias}`, description: `${a.user ?? '?'}@${a.hostName}${a.port === 22 ? '' : ':' + a.port}`, alias: a })),
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: t(lang, 'targets.addKind'), ignoreFocusOut: true });
  if (!picked) return undefined;
  let target: string | undefined;
  let auth: Pick<TargetEntry, 'auth' | 'identityFile'> | undefined;
  const alias = picked.alias;
  if (alias) {
    const user =
      alias.user ??
      (await vscode.window.showInputBox({ prompt: t(lang, 'targets.askUser', alias.alias), value: process.env.USER ?? '', ignoreFocusOut: true }));
    if (!user) return undefined;
    const host = alias.hostName.includes(':') ? `[${alias.hostName}]` : alias.hostName;
    target = `ssh://${user}@${host}${alias.port === 22 ? '' : ':' + alias.port}`;
    if (alias.identityFile) auth = { auth: 'key', identityFile: alias.identityFile };
  } else target = await askAddress(lang);
  if (!target) return undefined;
  auth ??= await askAuth(lang);
  if (!auth) return undefined;
  const name = await askName(lang, taken, alias?.alias ?? target.replace(/^ssh:\/\/[^@]+@/, ''));
  return name ? { name, target, ...auth } : undefined;
}
