import type { Rule } from '../types';
import { bashDocs } from './bash-docs';
import { bashErrors } from './bash-errors';
import { bashQuoting } from './bash-quoting';
import { bashStyle } from './bash-style';
import { psDocs } from './ps-docs';
import { psSafety } from './ps-safety';
import { psStyle } from './ps-style';

/** The TSSR rule set, bash then PowerShell, in code order. */
export const RULES: Rule[] = [...bashDocs, ...bashQuoting, ...bashErrors, ...bashStyle, ...psDocs, ...psSafety, ...psStyle].sort((a, b) =>
  a.code.localeCompare(b.code),
);
