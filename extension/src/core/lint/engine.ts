import { Edit, type Tree } from 'web-tree-sitter';
import { INDEXED, withIndex } from './ast';
import { shellcheckTwins } from './codes';
import { isSilenced, readDirectives } from './directives';
import { LineIndex } from './lines';
import type { ScriptParser } from './parser';
import { RULES } from './rules';
import type { Bilingual, Finding, Fix, Rule, ScriptLanguage, SyntaxNode } from './types';

/** Options of an analysis. */
export interface LintOptions {
  /** Codes to leave out entirely (settings); unlike inline directives, nothing is reported for them. */
  ignore?: string[];
}

/** Runs the TSSR rules of a language on a parsed tree (`lines` when the caller already indexed the text). */
export function runRules(text: string, root: SyntaxNode, language: ScriptLanguage, opts: LintOptions = {}, lines = new LineIndex(text)): Finding[] {
  const silenced = readDirectives(lines);
  const ignore = new Set((opts.ignore ?? []).map((c) => c.toUpperCase()));
  const findings: Finding[] = [];
  withIndex(root, INDEXED[language], () => {
    for (const rule of RULES) {
      if (rule.language !== language || ignore.has(rule.code) || (rule.alias && ignore.has(rule.alias.toUpperCase()))) continue;
      const report = (node: { startIndex: number; endIndex: number }, message: Bilingual, fix?: Fix): void => {
        findings.push(make(rule, lines, node.startIndex, node.endIndex, message, fix));
      };
      rule.check({ text, root, report });
    }
  });
  if (silenced.file.size || silenced.lines.size)
    for (const f of findings) {
      const names = [f.code, ...(f.alias ? [f.alias.toUpperCase()] : []), ...shellcheckTwins(f.code)];
      if (names.some((n) => isSilenced(silenced, f.range.line, n))) f.suppressed = true;
    }
  return findings.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
}

function make(rule: Rule, lines: LineIndex, start: number, end: number, message: Bilingual, fix?: Fix): Finding {
  return {
    code: rule.code,
    ...(rule.alias ? { alias: rule.alias } : {}),
    severity: rule.severity,
    message,
    critere: rule.critere,
    range: lines.range(start, end),
    start,
    end,
    source: 'tssr',
    ...(fix ? { fix } : {}),
  };
}

/**
 * A document analysed repeatedly. It keeps its syntax tree: edits only move the tree along (cheap, on every
 * keystroke), and the next `findings()` re-parses incrementally and runs the rules once, however many edits came.
 */
export class LintDocument {
  private tree?: Tree;
  private text = '';
  private lines = new LineIndex('');
  /** The tree has been edited since it was parsed. */
  private stale = false;

  /** The text after every edit so far. */
  get current(): string {
    return this.text;
  }

  constructor(
    private readonly parser: ScriptParser,
    readonly language: ScriptLanguage,
  ) {}

  /** Full analysis of a new text. */
  analyse(text: string, opts?: LintOptions): Finding[] {
    this.tree?.delete();
    this.tree = undefined;
    this.text = text;
    this.lines = new LineIndex(text);
    return this.findings(opts);
  }

  /** Replaces [start, end) of the current text with `newText`; the tree follows, the parse waits for `findings()`. */
  edit(start: number, end: number, newText: string): void {
    const text = this.text.slice(0, start) + newText + this.text.slice(end);
    const before = this.lines;
    const after = new LineIndex(text);
    const point = (idx: LineIndex, o: number): { row: number; column: number } => {
      const p = idx.position(o);
      return { row: p.line - 1, column: p.col - 1 };
    };
    this.tree?.edit(
      new Edit({
        startIndex: start,
        oldEndIndex: end,
        newEndIndex: start + newText.length,
        startPosition: point(before, start),
        oldEndPosition: point(before, end),
        newEndPosition: point(after, start + newText.length),
      }),
    );
    this.text = text;
    this.lines = after;
    this.stale = true;
  }

  /** Findings of the current text: an incremental parse when the tree was edited, then the rules. */
  findings(opts?: LintOptions): Finding[] {
    if (!this.tree || this.stale) {
      const next = this.parser.parse(this.language, this.text, this.tree);
      this.tree?.delete();
      this.tree = next;
      this.stale = false;
    }
    return runRules(this.text, this.tree.rootNode as unknown as SyntaxNode, this.language, opts, this.lines);
  }

  dispose(): void {
    this.tree?.delete();
    this.tree = undefined;
  }
}

/** One-shot analysis. */
export function lintText(parser: ScriptParser, text: string, language: ScriptLanguage, opts?: LintOptions): Finding[] {
  const doc = new LintDocument(parser, language);
  try {
    return doc.analyse(text, opts);
  } finally {
    doc.dispose();
  }
}

/** Applies a fix's edits (from the end, so offsets hold). */
export function applyFix(text: string, fix: Fix): string {
  return [...fix.edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}
