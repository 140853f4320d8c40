import assert from 'node:assert/strict';
import { escapeHtml, explainHtml } from '../../extension/src/core/lint/explain-html';
import { lintText } from '../../extension/src/core/lint/engine';
import type { Finding } from '../../extension/src/core/lint/types';
import { testParser } from '../helpers/lint';

const SCRIPT = '#!/usr/bin/env bash\ndossier=$1\nrm -f $dossier"/*.tmp\nfor f in $(ls "$dossier"); do echo "$f"; done\n';

/** A ShellCheck finding as shellcheck.ts makes them. */
const sc: Finding = {
  code: 'SC2045',
  severity: 'error',
  message: { fr: 'Iterating over ls output is fragile. Use globs.', en: 'Iterating over ls output is fragile. Use globs.' },
  range: { line: 4, col: 10, endLine: 4, endCol: 24 },
  start: 0,
  end: 1,
  source: 'shellcheck',
  url: 'https://www.shellcheck.net/wiki/SC2045',
};

describe('the explain panel’s page', () => {
  let html: string;
  before(async () => {
    const own = lintText(await testParser(), SCRIPT, 'bash');
    html = explainHtml('nettoyage.sh', [sc, ...own], 'fr', 'NONCE123');
  });

  const escapes: Array<[string, string]> = [
    ['$dossier"/*', '$dossier&quot;/*'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ["l'a & <b>", 'l&#39;a &amp; &lt;b&gt;'],
  ];
  for (const [raw, escaped] of escapes) it(`escapes ${raw}`, () => assert.equal(escapeHtml(raw), escaped));

  it('puts the TSSR findings (French, by critère) before ShellCheck’s', () => {
    const tssr = html.indexOf('<section id="tssr">');
    const shellcheck = html.indexOf('<section id="shellcheck"');
    assert.ok(tssr > 0 && shellcheck > tssr, 'TSSR section first');
    assert.match(html, /<h3>CP11\.3 — Les scripts sur le serveur Linux sont testés/);
    assert.match(html, /n’est pas entre guillemets/);
  });

  it('makes each "Ligne N" a link that posts the line to the editor', () => {
    const links = [...html.matchAll(/<a href="#" class="line" data-line="(\d+)" data-col="(\d+)"[^>]*>Ligne (\d+)<\/a>/g)];
    assert.ok(links.length >= 3, `${links.length} line links`);
    for (const [, line, , shown] of links) assert.equal(line, shown);
    assert.ok(links.some(([, line]) => line === '4'));
    assert.match(html, /vscode\.postMessage\(\{type:'reveal',line:Number\(a\.dataset\.line\)/);
  });

  it('keeps the script’s text as text: no markup, no maths, nothing unescaped from a finding', () => {
    assert.ok(!/\$dossier"\/\*/.test(html.replace(/<script[\s\S]*?<\/script>/, '')), 'a raw quote from the script');
    assert.ok(!/katex|\$\$/i.test(html));
  });

  it('has a strict CSP: no source but its own nonce’d style and script, no inline handler', () => {
    assert.match(html, /content="default-src 'none'; style-src 'nonce-NONCE123'; script-src 'nonce-NONCE123';"/);
    assert.equal([...html.matchAll(/<script nonce="NONCE123">/g)].length, 1);
    assert.equal([...html.matchAll(/<script/g)].length, 1);
    assert.ok(!/\son\w+=/.test(html), 'an inline event handler');
    assert.match(html, /var\(--vscode-editor-background\)/);
  });

  it('says so when the script has no finding', () => {
    assert.match(explainHtml('propre.sh', [], 'fr', 'N'), /Aucune remarque : le script passe l’analyse\./);
    assert.match(explainHtml('clean.sh', [], 'en', 'N'), /No findings/);
  });
});
