import type { CriterionReport, Evaluation, HostEvaluation } from '../../../../schemas/generated/types';
import { referentiel } from '../referentiel';

/** Escapes text for HTML content and double-quoted attribute values (the only quoting used here). */
export function esc(s: unknown): string {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/** Points a host can earn from the checks: every critère but the jury's. */
export function possiblePoints(ev: Evaluation): number {
  return ev.exercises.reduce((n, e) => n + e.criteria.reduce((m, c) => m + (c.assessment === 'jury' ? 0 : c.points), 0), 0);
}

/** A self-contained page: no CDN, no script, printable on A4. */
export function page(title: string, lang: string, body: string): string {
  return `<!doctype html>
<html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body>${body}</body></html>
`;
}

const CSS = `
:root { --ok: #1e7b34; --ko: #b3261e; --err: #b35c00; --na: #6b6b6b; --line: #c8c8c8; }
body { font: 11pt/1.4 "DejaVu Sans", Arial, sans-serif; margin: 1.5em; color: #111; }
h1 { font-size: 16pt; margin: 0 0 .2em; } h2 { font-size: 13pt; margin: 1.2em 0 .3em; border-bottom: 2px solid #333; }
h3 { font-size: 11.5pt; margin: .9em 0 .3em; } .meta { color: #444; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .8em; } th, td { border: 1px solid var(--line); padding: .25em .4em; vertical-align: top; text-align: left; }
th { background: #f0f0f0; } td.num { text-align: right; white-space: nowrap; }
.passed { color: var(--ok); font-weight: bold; } .failed { color: var(--ko); font-weight: bold; } .error { color: var(--err); font-weight: bold; } .notRun, .pending, .jury { color: var(--na); }
.evidence { font-size: 9.5pt; margin: .2em 0; } .evidence code, pre { font: 9pt "DejaVu Sans Mono", monospace; }
pre { background: #f7f7f7; border: 1px solid #ddd; padding: .3em; white-space: pre-wrap; margin: .2em 0; }
.box { display: inline-block; width: .9em; height: .9em; border: 1px solid #333; vertical-align: middle; margin: 0 .2em 0 .6em; }
.write { border-bottom: 1px dotted #777; height: 1.4em; margin-top: .3em; }
.heat td.cell { text-align: center; font-size: 9pt; color: #fff; } .heat td.c-passed { background: var(--ok); } .heat td.c-failed { background: var(--ko); }
.heat td.c-error { background: var(--err); } .heat td.c-notRun, .heat td.c-pending, .heat td.c-jury { background: #bdbdbd; color: #222; }
.heat th.rot { writing-mode: vertical-rl; transform: rotate(180deg); font-size: 8.5pt; white-space: nowrap; }
.sign { margin-top: 2em; display: flex; gap: 3em; } .sign div { flex: 1; border-top: 1px solid #333; padding-top: .3em; }
@media print { body { margin: 0; } h2 { break-after: avoid; } tr, .evidence { break-inside: avoid; } .candidate { break-after: page; } a { color: inherit; text-decoration: none; } }
@page { size: A4; margin: 14mm 12mm; }
`;

/** A graded critère found in a host's runs, with the exercise it belongs to. */
export interface Row {
  exerciseId: string;
  exerciseTitle: string;
  criterion: CriterionReport;
  assessment: 'auto' | 'evidence' | 'jury';
}

/** The host's critères (or the grid's, when the host has no run for an exercise), keyed by référentiel critère id. */
export function rowsByCritere(ev: Evaluation, host: HostEvaluation): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const ex of ev.exercises) {
    const run = host.runs.find((r) => r.exercise.id === ex.id);
    for (const c of ex.criteria) {
      const got = run?.criteria.find((k) => k.id === c.id);
      const criterion: CriterionReport = got ?? {
        id: c.id,
        title: c.title,
        referentiel: c.referentiel,
        points: c.points,
        earned: 0,
        status: 'notRun',
        results: [],
      };
      const list = out.get(c.referentiel) ?? [];
      list.push({ exerciseId: ex.id, exerciseTitle: ex.title, criterion, assessment: c.assessment ?? 'auto' });
      out.set(c.referentiel, list);
    }
  }
  return out;
}

/** The blocs → competences → critères of the référentiel that the evaluation's exercises touch, in the référentiel's order. */
export function gridOf(ev: Evaluation): Array<{ block: { id: string; title: string }; competences: Array<{ id: string; title: string; criteres: string[] }> }> {
  const cited = new Set(ev.exercises.flatMap((e) => e.criteria.map((c) => c.referentiel)));
  return referentiel
    .blocks()
    .map((block) => ({
      block,
      competences: referentiel
        .competencesOf(block.id)
        .map((c) => ({ id: c.id, title: c.title, criteres: [...cited].filter((k) => referentiel.critere(k)?.competence === c.id).sort(byCritereId) }))
        .filter((c) => c.criteres.length),
    }))
    .filter((b) => b.competences.length);
}

/** CP9.10 after CP9.9: numeric order within a competence. */
export function byCritereId(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
