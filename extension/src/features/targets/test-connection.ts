import { LabError } from '../../core/errors';
import { t, type Lang } from '../../core/i18n';
import { nodeMajor, MIN_NODE_MAJOR } from '../../ssh/remote';
import { withTarget, type TargetPrompts } from './connect';
import type { TargetEntry, TargetStore } from './store';

/** What a connection test found: the host key's fingerprint and the target's Node, or the error that stopped it. */
export interface TestOutcome {
  ok: boolean;
  /** The error's stable code when the test failed (HOST_KEY_CHANGED, UNREACHABLE, AUTH_FAILED…). */
  code?: string;
  /** One sentence for the user, in their language. */
  message: string;
  /** `SHA256:…` of the host key the target presented (SSH only). */
  fingerprint?: string;
  node?: string;
}

/** Connects to a target and reads its Node version; a NEW host key is recorded only after `prompts.trustKey` agrees. */
export async function testTarget(store: TargetStore, entry: TargetEntry, agentFile: string, prompts: TargetPrompts, lang: Lang): Promise<TestOutcome> {
  if (entry.target === 'local') return { ok: true, node: process.versions.node, message: t(lang, 'targets.testLocal', process.versions.node) };
  let fingerprint: string | undefined;
  try {
    const node = await withTarget(
      store,
      entry,
      agentFile,
      prompts,
      async (transport) => {
        const found = await transport.testConnection!(lang);
        fingerprint = transport.presentedHostKey?.fingerprint;
        return found.node;
      },
      lang,
    );
    const usable = node !== undefined && nodeMajor(node) >= MIN_NODE_MAJOR;
    return {
      ok: true,
      fingerprint,
      node,
      message: usable ? t(lang, 'targets.testOk', entry.target, fingerprint ?? '?', node) : t(lang, 'targets.testOkNoNode', entry.target, fingerprint ?? '?'),
    };
  } catch (e) {
    if (!(e instanceof LabError)) throw e;
    return { ok: false, code: e.code, message: e.message };
  }
}
