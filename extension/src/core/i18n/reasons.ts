import type { Reason } from '../../../../schemas/generated/types';
import type { Lang } from '../i18n';
import { fill, type Entries } from './define';
import { common } from './checks/common';
import { lintCheck } from './checks/lint';

/** Every reason the agent may send, by code. A check type adds its group here (one import, one spread). */
export const reasons: Entries = { ...common, ...lintCheck };

/** Words a reason from the agent in the user's language; an unknown code (a newer agent) is shown as data. */
export function renderReason(lang: Lang, reason: Reason): string {
  const entry = reasons[reason.code];
  if (!entry) return `${reason.code} ${JSON.stringify(reason.params ?? {})}`;
  return fill(entry[lang], reason.params, (nested) => renderReason(lang, nested), lang);
}
