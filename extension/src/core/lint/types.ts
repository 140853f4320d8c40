import type { Range } from '../positions';
import type { Texts } from '../i18n';

/** Script languages the coach analyses. */
export type ScriptLanguage = 'bash' | 'powershell';
/** How serious a finding is. */
export type Severity = 'error' | 'warning' | 'info';
/** French text with its English translation, from the catalogue. */
export type Bilingual = Texts;

/** A text replacement; offsets are 0-based character offsets in the analysed text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A mechanical fix, offered as a quick fix. */
export interface Fix {
  title: Bilingual;
  edits: TextEdit[];
}

/** One problem found in a script. */
export interface Finding {
  /** Stable code: `TSSR-B004`, `TSSR-P002`, or `SC2086` for ShellCheck. */
  code: string;
  /** PSScriptAnalyzer rule name where one matches. */
  alias?: string;
  severity: Severity;
  message: Bilingual;
  /** 1-based range, as in pack problems. */
  range: Range;
  /** 0-based offsets of the same range. */
  start: number;
  end: number;
  /** Référentiel critère this finding bears on (e.g. CP11.4). */
  critere?: string;
  fix?: Fix;
  source: 'tssr' | 'shellcheck';
  /** Link to the explanation. */
  url?: string;
  /** Silenced by an inline directive: hidden from nobody, flagged as such for the evaluator. */
  suppressed?: boolean;
}

/** A rule of the TSSR set. */
export interface Rule {
  code: string;
  alias?: string;
  language: ScriptLanguage;
  severity: Severity;
  critere: string;
  title: Bilingual;
  /** Why it matters and how to fix it. */
  explanation: Bilingual;
  check(ctx: RuleContext): void;
}

/** What a rule sees: the text, the syntax tree, and a way to report. */
export interface RuleContext {
  text: string;
  root: SyntaxNode;
  report(node: { startIndex: number; endIndex: number }, message: Bilingual, fix?: Fix): void;
}

/** The part of a tree-sitter node the rules use. */
export interface SyntaxNode {
  type: string;
  text: string;
  startIndex: number;
  endIndex: number;
  parent: SyntaxNode | null;
  children: SyntaxNode[];
  namedChildren: SyntaxNode[];
  childForFieldName(name: string): SyntaxNode | null;
  childrenForFieldName(name: string): SyntaxNode[];
  hasError: boolean;
  isMissing: boolean;
}
