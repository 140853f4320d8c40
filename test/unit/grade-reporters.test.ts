import assert from 'node:assert/strict';
import { reporters } from '../../extension/src/core/grade/reporters';
import { xmlSafe } from '../../extension/src/core/report/safe-text';
import { sampleEvaluation } from '../helpers/evaluation';

const one = (format: keyof typeof reporters, ev = sampleEvaluation()): string => reporters[format].render(ev, { lang: 'fr' })[0].content;

describe('grade: report formats', () => {
  it('html: the class summary and one grid per candidate', () => {
    assert.deepEqual(
      reporters.html.render(sampleEvaluation(), { lang: 'fr' }).map((f) => f.name),
      ['index.html', 'c01.html', 'c02.html', 'c03.html'],
    );
  });

  it('csv: Moodle grade import, one row per candidate, CRLF, formulas defused', () => {
    const ev = sampleEvaluation();
    ev.hosts[1].candidate.name = '=HYPERLINK("http://x")';
    const rows = one('csv', ev).split('\r\n');
    assert.equal(rows[0], 'ID number,Full name,Serveur web,Total,État');
    assert.equal(rows[1], 'c01,Alice <Martin>,4,4,évalué');
    assert.equal(rows[2], `c02,"'=HYPERLINK(""http://x"")",2,2,évalué`);
    assert.equal(rows[3], 'c03,Chloé Durand,,0,injoignable');
    assert.equal(rows.length, 5);
  });

  it('junit: the failure message is the reason, not the hint; passes are silent; control characters removed', () => {
    const ev = sampleEvaluation();
    ev.hosts[1].runs[0].criteria[1].results[0].message = 'Le fichier ne contient pas ssl_certificate\u0007\u001b[31m';
    const xml = one('junit', ev);
    assert.match(xml, /<failure message="Le fichier ne contient pas ssl_certificate\[31m">/);
    assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    assert.match(xml, /<testcase classname="c01" name="web › vhost \(CCS1\.1\)" time="0\.003"><\/testcase>/);
    assert.match(xml, /name="web › oral \(CCS1\.4\)" time="0\.000"><skipped message="jury"\/>/);
    assert.match(xml, /<testcase classname="c03" name="connexion"><error message="Connexion refusée"\/>/);
    assert.match(xml, /<testsuite name="c02 Bruno Petit" tests="3" failures="1" errors="0">/);
  });

  it('tap: version 13, a plan, a point per critère, reasons in the diagnostic block', () => {
    const tap = one('tap').split('\n');
    assert.equal(tap[0], 'TAP version 13');
    assert.equal(tap[1], '1..7');
    assert.ok(tap.includes('ok 1 - c01 web › vhost (CCS1.1)'));
    assert.ok(tap.includes('ok 3 - c01 web › oral (CCS1.4) # SKIP jury'));
    assert.ok(tap.includes('not ok 5 - c02 web › tls (CCS1.2)'));
    assert.ok(tap.includes('  message: "Le fichier ne contient pas ssl_certificate"'));
    assert.ok(tap.includes('not ok 7 - c03 connexion'));
  });

  it('json: the evaluation itself', () => {
    assert.deepEqual(JSON.parse(one('json')), sampleEvaluation());
  });

  it('xmlSafe keeps tabs, newlines, accents and emoji, drops NUL, ESC and lone surrogates', () => {
    assert.equal(xmlSafe('a\tb\nc\u0000d\u001be\uD800f é 😀'), 'a\tb\ncdef é 😀');
  });
});
