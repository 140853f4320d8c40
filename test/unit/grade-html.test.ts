import assert from 'node:assert/strict';
import { candidateGrid } from '../../extension/src/core/grade/html-candidate';
import { classSummary, competenceAverages, passRates } from '../../extension/src/core/grade/html-class';
import { validate } from '../../extension/src/core/schemas';
import { sampleEvaluation } from '../helpers/evaluation';

describe('grade: printable HTML grids', () => {
  const ev = sampleEvaluation();

  it('the sample evaluation is schema-valid', () => {
    assert.deepEqual(validate('evaluation.schema.json', ev), []);
  });

  it('a candidate grid is organised bloc → competence → critère, with status, points and evidence', () => {
    const html = candidateGrid(ev, 1, 'fr');
    const order = [
      'CCS — Administrer les serveurs Linux',
      'CCS1 — Installer, paramétrer un service sous Linux',
      '<b>CCS1.1</b>',
      '<b>CCS1.2</b>',
      '<b>CCS1.4</b>',
    ].map((s) => html.indexOf(s));
    assert.ok(
      order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1])),
      `order ${order}`,
    );
    assert.match(html, /Bruno Petit/);
    assert.match(html, /Le fichier ne contient pas ssl_certificate<\/span> — fichier \/etc\/nginx\/sites-enabled\/intranet, ligne 2/);
    // The file excerpt is numbered, the failing line marked.
    assert.match(html, / {3}2 ▶ {3}listen 443;/);
    assert.match(html, /0 \/ 2/);
    // The jury critère is left as boxes to fill in, its points open.
    assert.match(html, /<span class="box"><\/span>acquis<span class="box"><\/span>non acquis/);
    assert.match(html, /… \/ 1/);
    assert.match(html, /Trace du candidat/);
  });

  it('words an expected matcher as the learner sentence does, never as JSON', () => {
    const copy = structuredClone(ev);
    const failing = copy.hosts[1].runs.flatMap((run) => run.criteria.flatMap((c) => c.results)).find((r) => r.status === 'fail');
    assert.ok(failing, 'the sample has a failing result');
    failing.expected = { matches: '[Uu]sage' };
    const html = candidateGrid(copy, 1, 'fr');
    assert.match(html, /Attendu :\s*<code>correspond au motif « \[Uu\]sage »<\/code>/);
    assert.doesNotMatch(html, /&quot;matches&quot;|"matches"/);
    assert.match(candidateGrid(copy, 1, 'en'), /<code>matches the pattern &quot;\[Uu\]sage&quot;<\/code>/);
  });

  it('keeps a multi-line observed value as lines, the first 12, and says how many more', () => {
    const copy = structuredClone(ev);
    const failing = copy.hosts[1].runs.flatMap((run) => run.criteria.flatMap((c) => c.results)).find((r) => r.status === 'fail');
    assert.ok(failing);
    delete failing.line;
    failing.actual = Array.from({ length: 15 }, (_, i) => `ligne ${i + 1} <b>`).join('\n') + '\n';
    const html = candidateGrid(copy, 1, 'fr');
    // Without a line number, the file is named alone (never "ligne " with nothing after it).
    assert.match(html, /— fichier \/etc\/nginx\/sites-enabled\/intranet<br>/);
    assert.match(html, /Observé :<pre>ligne 1 &lt;b&gt;\nligne 2 &lt;b&gt;/);
    assert.match(html, /ligne 12 &lt;b&gt;\n… et 3 ligne\(s\) de plus<\/pre>/);
    assert.doesNotMatch(html, /ligne 13/);
  });

  it('is self-contained and printable: no script, no external resource, print CSS, escaped names', () => {
    const html = candidateGrid(ev, 0, 'fr');
    assert.doesNotMatch(html, /<script|https?:\/\/|<link /);
    assert.match(html, /@media print/);
    assert.match(html, /Alice &lt;Martin&gt;/);
  });

  it('an unreachable candidate is named as such, with no evidence invented', () => {
    const html = candidateGrid(ev, 2, 'fr');
    assert.match(html, /injoignable<\/span> — Connexion refusée/);
    assert.match(html, /Aucun contrôle n'a pu s'exécuter/);
  });

  it('the class summary colours candidates × critères, charts pass rates and averages competences', () => {
    assert.deepEqual(passRates(ev), [
      { id: 'CCS1.1', passed: 2, graded: 3 },
      { id: 'CCS1.2', passed: 1, graded: 3 },
      { id: 'CCS1.4', passed: 0, graded: 0 },
    ]);
    // Alice 4/4, Bruno 2/4, Chloé 0/4 (unreachable counts as graded, nothing earned): average 50 %.
    assert.deepEqual(competenceAverages(ev), [{ id: 'CCS1', title: 'Installer, paramétrer un service sous Linux', percent: 50 }]);
    const html = classSummary(ev, 'fr');
    assert.equal((html.match(/class="cell c-passed"/g) ?? []).length, 3);
    assert.equal((html.match(/class="cell c-failed"/g) ?? []).length, 1);
    assert.equal((html.match(/class="cell c-jury"/g) ?? []).length, 3);
    assert.match(html, /<svg [^>]*role="img"/);
    assert.match(html, /67 % \(2\/3\)/);
    assert.match(html, /50 %<\/td>/);
  });

  it('renders in English on request', () => {
    assert.match(candidateGrid(ev, 1, 'en'), /TSSR assessment grid — Bruno Petit/);
  });
});
