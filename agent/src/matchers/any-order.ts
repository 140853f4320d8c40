import type { Matcher } from '../../../schemas/generated/types';

/**
 * A plain list from a pack means these elements in any order (`consistOf`) for facts whose order carries no
 * meaning: addresses, DNS answers, SAN entries. Any other matcher is kept as written.
 */
export const anyOrder = (m: Matcher | undefined): Matcher | undefined => (Array.isArray(m) ? { consistOf: m } : m);
