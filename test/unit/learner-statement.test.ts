import assert from 'node:assert/strict';
import { renderStatement } from '../../extension/src/features/statement/markdown';
import { liveHtml, pageHtml, type StatementPage } from '../../extension/src/features/statement/page';

const page: StatementPage = {
  lang: 'fr',
  title: 'Script <bonjour>',
  meta: 'débutant · environ 10 min · CP11',
  statementHtml: '<p>Complétez</p>',
  canStart: true,
  canPrepare: false,
  exam: false,
  criteria: [
    {
      id: 'aide',
      title: '« --help »',
      referentiel: 'CCS4.2',
      state: 'échoué',
      status: 'failed',
      score: '0/2',
      hints: ['Relisez le point 2', 'Un case'],
      hintTotal: 3,
    },
    { id: 'oral', title: 'Présentation', referentiel: 'CP11.1', state: 'évalué par le jury', status: 'jury', hints: [], hintTotal: 1 },
  ],
};

describe('the statement page', () => {
  it('renders enonce.md without running its HTML, with images only from the exercise folder', () => {
    const html = renderStatement(
      'Un `$dossier"/*` et <script>alert(1)</script>\n\n![a](schema.png) ![b](../secret.png) ![c](file:///etc/passwd)',
      '/ex',
      (f) => `vw:${f}`,
    );
    assert.match(html, /<code>\$dossier&quot;\/\*<\/code>/);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /src="vw:\/ex\/schema.png" alt="a"/);
    assert.match(html, /src="" alt="b"/);
    assert.doesNotMatch(html, /src="file:/);
  });

  it('has a strict CSP with a nonce, the learner’s buttons in French, and hints only once revealed', () => {
    const html = pageHtml(page, { source: 'vscode-webview://x', nonce: 'N0nce' });
    assert.match(html, /default-src 'none'; img-src vscode-webview:\/\/x https: data:; style-src 'nonce-N0nce'; script-src 'nonce-N0nce';/);
    assert.equal((html.match(/<script nonce="N0nce">/g) ?? []).length, 1);
    assert.deepEqual(
      [...html.matchAll(/data-action="(\w+)"[^>]*>([^<]+)</g)].map((m) => [m[1], m[2]]),
      [
        ['start', 'Commencer'],
        ['verify', 'Vérifier'],
        ['hint', 'Indice'],
      ],
    );
    assert.match(html, /<title>Script &lt;bonjour&gt;<\/title>/);
    assert.match(html, /Indice 1\/3 : Relisez le point 2.*Indice 2\/3 : Un case/);
    assert.match(html, /évalué par le jury/);
  });

  it('in exam mode shows no Indice button and no hint, and says so', () => {
    const exam = { ...page, exam: true, canPrepare: true, criteria: page.criteria.map((c) => ({ ...c, hints: [] })) };
    const html = pageHtml(exam, { source: 's', nonce: 'n' });
    assert.doesNotMatch(html, /data-action="hint"/);
    assert.match(html, /data-action="prepare"[^>]*>Préparer la VM/);
    assert.match(liveHtml(exam), /Mode examen : les indices et les valeurs attendues sont masqués/);
    assert.doesNotMatch(liveHtml(exam), /Indice 1/);
  });
});
