import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '../../extension/src/core/schemas';
import { CLI } from '../helpers/paths';
import { freePort, startSshd, type Sshd } from '../helpers/sshd';
import { writeExercise } from './fault-exercises';

interface Run {
  code: number | null;
  out: string;
}

const cli = (args: string[], cwd: string, signalAfter?: RegExp): Promise<Run> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, SSH_AUTH_SOCK: '', TSSR_LAB_LANG: 'fr', HOME: cwd } });
    let out = '';
    let signalled = false;
    const take = (d: Buffer): void => {
      out += d.toString();
      if (signalAfter && !signalled && signalAfter.test(out)) {
        signalled = true;
        // The quick critère passes within a second of the agent's start; the slow one sleeps 25 s.
        setTimeout(() => child.kill('SIGINT'), 2000);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) => resolve({ code, out }));
  });

describe('tssr-lab grade, report and verify over real sshd', function () {
  this.timeout(180_000);
  let sshd: Sshd;
  let work: string;
  let roster: string;

  before(async () => {
    sshd = await startSshd();
    work = mkdtempSync(join(tmpdir(), 'tssr-grade-cli-'));
    writeExercise(work);
    const closed = await freePort();
    const entry = (id: string, name: string, port: number): string =>
      `  - { id: ${id}, name: "${name}", host: 127.0.0.1, port: ${port}, user: root, key: ${sshd.clientKey} }`;
    roster = join(work, 'salle.yaml');
    writeFileSync(
      roster,
      ['candidates:', entry('c01', 'Alice Martin', sshd.port), entry('c02', 'Bruno Petit', sshd.port), entry('c03', 'Chloé Durand', closed), ''].join('\n'),
    );
    execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', join(work, 'jury.pem')]);
    execFileSync('openssl', ['pkey', '-in', join(work, 'jury.pem'), '-pubout', '-out', join(work, 'jury.pub.pem')]);
  });
  after(() => {
    sshd?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('grades the room: plain progress lines off a terminal, a run folder, exit 3 naming the unreachable host', async () => {
    const r = await cli(
      ['grade', join(work, 'quick'), '--inventory', roster, '--out', 'salle-a', '--known-hosts', sshd.knownHosts, '--sign', join(work, 'jury.pem')],
      work,
    );
    assert.equal(r.code, 3, r.out);
    assert.match(r.out, /^c01 +Alice Martin +terminé 1\/1 · 1\/1 pts$/m);
    assert.match(r.out, /^c03 +Chloé Durand +injoignable — .*refus/m);
    assert.match(r.out, /2 machine\(s\) évaluée\(s\) sur 3\. Résultats : salle-a\/evaluation\.json/);
    assert.match(r.out, /Injoignables ou en erreur : c03\. Pour les réévaluer : tssr-lab grade --resume salle-a --retry-failed/);
    for (const id of ['c01', 'c02', 'c03']) assert.ok(existsSync(join(work, 'salle-a', 'hosts', `${id}.ndjson`)));
    const ev = JSON.parse(readFileSync(join(work, 'salle-a', 'evaluation.json'), 'utf8'));
    assert.deepEqual(validate('evaluation.schema.json', ev), []);
  });

  it('resumes with --retry-failed: only the failed host is graded again, the others are not touched', async () => {
    const before = readFileSync(join(work, 'salle-a', 'hosts', 'c01.ndjson'), 'utf8');
    const r = await cli(['grade', '--resume', 'salle-a', '--retry-failed', '--known-hosts', sshd.knownHosts, '--sign', join(work, 'jury.pem')], work);
    assert.match(r.out, /Reprise de salle-a : 1 machine\(s\) sur 3 restent à évaluer\./);
    assert.doesNotMatch(r.out, /^c01 /m);
    assert.equal(readFileSync(join(work, 'salle-a', 'hosts', 'c01.ndjson'), 'utf8'), before);
  });

  it('writes every format: printable grids, Moodle CSV, JUnit, TAP', async () => {
    for (const format of ['html', 'csv', 'junit', 'tap']) {
      const r = await cli(['report', 'salle-a', '--format', format], work);
      assert.equal(r.code, 0, r.out);
    }
    const grid = readFileSync(join(work, 'salle-a', 'rapport', 'c02.html'), 'utf8');
    assert.match(grid, /Grille d'évaluation TSSR — Bruno Petit/);
    assert.match(readFileSync(join(work, 'salle-a', 'rapport', 'index.html'), 'utf8'), /Synthèse de la session/);
    assert.match(readFileSync(join(work, 'salle-a', 'rapport', 'notes-moodle.csv'), 'utf8'), /^c02,Bruno Petit,1,1,évalué\r$/m);
    assert.match(readFileSync(join(work, 'salle-a', 'rapport', 'junit.xml'), 'utf8'), /<testcase classname="c03" name="connexion"><error message="[^"]*refus/);
    assert.match(readFileSync(join(work, 'salle-a', 'rapport', 'results.tap'), 'utf8'), /^1\.\.3$/m);
  });

  it('--pdf prints each grid through headless Chromium', async function () {
    if (!existsSync('/usr/bin/chromium')) this.skip();
    const r = await cli(['report', 'salle-a', '--format', 'html', '--pdf', '--out', 'pdf'], work);
    assert.equal(r.code, 0, r.out);
    for (const name of ['index', 'c01', 'c02', 'c03'])
      assert.equal(
        readFileSync(join(work, 'pdf', `${name}.pdf`))
          .subarray(0, 5)
          .toString(),
        '%PDF-',
      );
  });

  it('verify: a signed report is intact; one byte of evidence edited is found and named', async () => {
    const file = join(work, 'salle-a', 'evaluation.json');
    const ok = await cli(['verify', file, '--pubkey', join(work, 'jury.pub.pem')], work);
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /Signature valide \(clé SHA256:/);
    const tampered = readFileSync(file, 'utf8').replace('"durationMs": ', '"durationMs": 1');
    writeFileSync(join(work, 'edite.json'), tampered);
    const bad = await cli(['verify', 'edite.json', '--pubkey', join(work, 'jury.pub.pem')], work);
    assert.equal(bad.code, 1, bad.out);
    assert.match(bad.out, /Le rapport a été modifié après sa signature, ici :/);
  });

  it('Ctrl-C keeps what was received and says how to finish', async () => {
    const started = Date.now();
    const r = await cli(
      ['grade', join(work, 'midrun'), '--inventory', roster, '--out', 'salle-b', '--known-hosts', sshd.knownHosts],
      work,
      /c0[12] .*contrôles/,
    );
    assert.equal(r.code, 3, r.out);
    // Stopped 2 s into a 25 s check: the run ends within seconds, not when the check would have.
    assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
    assert.match(r.out, /Arrêt demandé : les résultats déjà reçus sont conservés/);
    assert.match(r.out, /Pour terminer : tssr-lab grade --resume salle-b/);
    const journal = readFileSync(join(work, 'salle-b', 'hosts', 'c01.ndjson'), 'utf8');
    assert.match(journal, /"criterionId":"rapide".*"property":"exists","status":"pass"/);
    const ev = JSON.parse(readFileSync(join(work, 'salle-b', 'evaluation.json'), 'utf8'));
    assert.equal(ev.hosts[0].status, 'interrupted');
    assert.equal(ev.hosts[0].runs[0].criteria[0].status, 'passed');
  });
});
