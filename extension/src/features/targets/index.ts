import * as vscode from 'vscode';
import { join } from 'node:path';
import { TransportError, UsageError } from '../../core/errors';
import { t } from '../../core/i18n';
import { parseTarget } from '../../core/target';
import type { Services } from '../services';
import { dialogPrompts, type TargetPrompts } from './connect';
import { TargetCommandIds } from './ids';
import { askAddress, askAuth, askName, askNewTarget } from './prompts';
import type { TargetEntry } from './store';
import { testTarget, type TestOutcome } from './test-connection';
import { TargetTree } from './view';

/** A command's target argument: a view row (the entry itself), a name, or nothing (the active target). */
function entryOf(services: Services, arg: unknown): TargetEntry {
  if (arg && typeof arg === 'object' && typeof (arg as TargetEntry).target === 'string') return arg as TargetEntry;
  if (typeof arg === 'string') {
    const found = services.targets.list().find((e) => e.name === arg || e.target === arg);
    if (!found) throw new UsageError('UNKNOWN_TARGET', t(services.lang(), 'targets.unknown', arg));
    return found;
  }
  return services.targets.active();
}

/** What the targets feature offers the rest of the extension (and the in-host tests). */
export interface TargetsApi {
  /** Tests a target; `prompts` replaces the dialogs (tests answer in advance). */
  test(entry: TargetEntry, prompts?: TargetPrompts): Promise<TestOutcome>;
}

/** The Cibles view, the status bar's target, and the commands to add, edit, remove, test and switch targets. */
export function registerTargets(context: vscode.ExtensionContext, services: Services): TargetsApi {
  const { targets: store, errors } = services;
  const lang = services.lang;
  const agentFile = context.asAbsolutePath(join('dist', 'agent.js'));
  const tree = new TargetTree(store, lang);
  const status = vscode.window.createStatusBarItem('tssrLab.target', vscode.StatusBarAlignment.Left, 50);
  status.name = 'TSSR Lab';
  status.command = TargetCommandIds.pick;
  const redraw = (): void => {
    const active = store.active();
    const shown = active.target === 'local' ? t(lang(), 'targets.local') : active.name;
    status.text = t(lang(), 'targets.statusBar', shown);
    status.tooltip = t(lang(), 'targets.statusTooltip', active.target);
    status.accessibilityInformation = { label: t(lang(), 'targets.statusTooltip', active.target) };
    tree.refresh();
  };

  /** Tests a target with the given prompts (dialogs by default), showing the outcome. */
  const test = async (entry: TargetEntry, prompts: TargetPrompts = dialogPrompts(lang)): Promise<TestOutcome> => {
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t(lang(), 'targets.testing', entry.target) },
      () => testTarget(store, entry, agentFile, prompts, lang()),
    );
    services.log.info(`target test ${entry.target}: ${outcome.ok ? 'ok' : outcome.code} ${outcome.fingerprint ?? ''}`);
    if (outcome.ok) void vscode.window.showInformationMessage(outcome.message);
    else errors.show(new TransportError(outcome.code ?? 'SSH_ERROR', outcome.message));
    return outcome;
  };

  const add = async (arg?: Partial<TargetEntry>): Promise<TargetEntry | undefined> => {
    const taken = store.list().map((e) => e.name);
    let entry: TargetEntry | undefined;
    if (arg?.target && arg.name) {
      parseTarget(arg.target, lang());
      if (taken.includes(arg.name)) throw new UsageError('TARGET_NAME_TAKEN', t(lang(), 'targets.nameTaken'));
      entry = { ...arg, name: arg.name, target: arg.target };
    } else entry = await askNewTarget(lang(), taken);
    if (!entry) return undefined;
    await store.save([...store.list(), entry]);
    await store.use(entry);
    if (!arg?.target) {
      const testNow = t(lang(), 'targets.testNow');
      void vscode.window.showInformationMessage(t(lang(), 'targets.added', entry.name), testNow).then((b) => (b === testNow ? test(entry) : undefined));
    }
    return entry;
  };

  const edit = async (arg: unknown): Promise<void> => {
    const entry = entryOf(services, arg);
    if (entry.target === 'local') return;
    const l = lang();
    const yesNo = (b?: boolean): string => t(l, b ? 'targets.yes' : 'targets.no');
    const what = await vscode.window.showQuickPick(
      [
        { label: t(l, 'targets.editAddress', entry.target), key: 'address' },
        { label: t(l, 'targets.editName', entry.name), key: 'name' },
        { label: t(l, 'targets.editAuth', entry.identityFile ?? entry.auth ?? '—'), key: 'auth' },
        { label: t(l, 'targets.editSudo', yesNo(entry.sudo)), key: 'sudo' },
      ],
      { placeHolder: t(l, 'targets.editWhat', entry.name) },
    );
    if (!what) return;
    const next: TargetEntry = { ...entry };
    if (what.key === 'address') next.target = (await askAddress(l, entry.target)) ?? entry.target;
    if (what.key === 'name')
      next.name =
        (await askName(
          l,
          store
            .list()
            .map((e) => e.name)
            .filter((n) => n !== entry.name),
          entry.name,
        )) ?? entry.name;
    if (what.key === 'auth')
      Object.assign(next, { identityFile: undefined, auth: undefined }, (await askAuth(l, entry)) ?? { auth: entry.auth, identityFile: entry.identityFile });
    if (what.key === 'sudo') {
      const yes = t(l, 'targets.sudoYes');
      const picked = await vscode.window.showQuickPick([t(l, 'targets.sudoNo'), yes], { placeHolder: t(l, 'targets.askSudo') });
      if (picked) next.sudo = picked === yes;
    }
    const wasActive = store.active().target === entry.target;
    await store.save(store.list().map((e) => (e.name === entry.name ? next : e)));
    if (wasActive) await store.use(next);
  };

  const remove = async (arg: unknown, confirmed = false): Promise<void> => {
    const entry = entryOf(services, arg);
    if (entry.target === 'local') throw new UsageError('LOCAL_TARGET', t(lang(), 'targets.cannotRemoveLocal'));
    const yes = t(lang(), 'targets.remove');
    if (!confirmed && (await vscode.window.showWarningMessage(t(lang(), 'targets.removeConfirm', entry.name), { modal: true }, yes)) !== yes) return;
    const wasActive = store.active().target === entry.target;
    await store.save(store.list().filter((e) => e.name !== entry.name));
    await store.forget(entry);
    if (wasActive) await store.use({ name: 'local', target: 'local' });
  };

  const use = async (arg: unknown): Promise<void> => {
    const entry = entryOf(services, arg);
    await store.use(entry);
    vscode.window.setStatusBarMessage(t(lang(), 'targets.switched', entry.target === 'local' ? t(lang(), 'targets.local') : entry.name), 4000);
  };

  const pick = async (): Promise<void> => {
    const l = lang();
    const active = store.active();
    const items = [
      ...store.list().map((e) => ({
        label: `${e.target === active.target ? '$(check) ' : ''}${e.target === 'local' ? t(l, 'targets.local') : e.name}`,
        description: e.target === 'local' ? '' : e.target,
        entry: e as TargetEntry | undefined,
      })),
      { label: t(l, 'targets.addItem'), description: '', entry: undefined },
    ];
    const picked = await vscode.window.showQuickPick(items, { placeHolder: t(l, 'targets.pick') });
    if (!picked) return;
    if (picked.entry) await use(picked.entry);
    else await add();
  };

  context.subscriptions.push(
    tree,
    status,
    vscode.window.createTreeView('tssrLab.targets', { treeDataProvider: tree }),
    store.onDidChange(redraw),
    errors.register(TargetCommandIds.add, add),
    errors.register(TargetCommandIds.edit, edit),
    errors.register(TargetCommandIds.remove, remove),
    errors.register(TargetCommandIds.test, (arg: unknown) => test(entryOf(services, arg))),
    errors.register(TargetCommandIds.use, use),
    errors.register(TargetCommandIds.pick, pick),
  );
  redraw();
  status.show();
  return { test };
}
