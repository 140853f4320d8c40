import type { Reason } from '../../schemas/generated/types';

export type { Reason };

/** Why a property got its status, as data: the client renders the code in the user's language (core/i18n). */
export function because(code: string, params?: Record<string, unknown>): Reason {
  return params === undefined ? { code } : { code, params };
}
