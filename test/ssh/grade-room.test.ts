import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Evaluation } from '../../schemas/generated/types';
import { CLI } from '../helpers/paths';
import { startRoom, type Room } from '../helpers/room';

const HOSTS = 5;
const CHECKS = 4;
/** file: exists + contents, file: exists + filetype, port: listening, command: exitStatus. */
const RESULTS = 6;

/** A small exercise whose checks pass on any room host: a file, a command, the host's own sshd port, its loopback. */
function writeRoomExercise(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'enonce.md'), '# Salle\n');
  writeFileSync(join(dir, 'x.sh'), '#!/bin/sh\n');
  writeFileSync(
    join(dir, 'exercise.yaml'),
    [
      'id: salle',
      'title: Salle',
      'competences: [CP9]',
      'solution: { apply: x.sh }',
      'criteria:',
      "  - { id: fichiers, title: Fichiers, referentiel: CP9.1, points: 1, hint: h, checks: [{ type: file, path: /etc/passwd, contents: ['root:'] }, { type: file, path: /tmp, filetype: directory }] }",
      '  - { id: reseau, title: Réseau, referentiel: CP9.1, points: 1, hint: h, checks: [{ type: port, port: 22, protocol: tcp, listening: true }, { type: command, exec: [ip, -o, link, show, lo], exitStatus: 0 }] }',
      '',
    ].join('\n'),
  );
}

describe('tssr-lab grade fans out over a room of namespaced hosts', function () {
  this.timeout(180_000);
  let room: Room | undefined;
  let work: string;

  before(async function () {
    if (process.getuid?.() !== 0) this.skip();
    // Its own /16 and prefix, so a bench room (10.214) or another test's namespaces never clash with it.
    room = await startRoom({ prefix: `tssr-rm${process.pid % 10000}`, net: '10.216', count: HOSTS });
    work = mkdtempSync(join(tmpdir(), 'tssr-grade-room-'));
    writeRoomExercise(join(work, 'salle'));
  });
  after(() => {
    room?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('grades every host once, each with its own host key, and keeps every verdict', async () => {
    const r = room!;
    const roster = join(work, 'salle.yaml');
    writeFileSync(roster, ['candidates:', ...r.hosts.map((h) => `  - { id: ${h.id}, name: "Poste ${h.id}", host: ${h.address}, user: root }`), ''].join('\n'));
    const out = join(work, 'run');
    const args = [CLI, 'grade', join(work, 'salle'), '--inventory', roster, '--out', out, '--concurrency', '3', '--known-hosts', r.knownHosts];
    const res = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(r.hubExec[0], [...r.hubExec.slice(1), process.execPath, ...args, '-i', r.clientKey], {
        cwd: work,
        env: { ...process.env, SSH_AUTH_SOCK: '', TSSR_LAB_LANG: 'fr', HOME: work },
      });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.stderr.on('data', (d) => (text += d));
      child.on('close', (code) => resolve({ code, text }));
    });
    assert.equal(res.code, 0, res.text);
    const ev = JSON.parse(readFileSync(join(out, 'evaluation.json'), 'utf8')) as Evaluation;
    assert.deepEqual(
      ev.hosts.map((h) => h.candidate.id).sort(),
      r.hosts.map((h) => h.id),
    );
    for (const h of ev.hosts) {
      assert.equal(h.status, 'done', `${h.candidate.id}: ${JSON.stringify(h.error)}`);
      assert.equal(h.runs.length, 1);
      const results = h.runs.flatMap((run) => run.criteria.flatMap((c) => c.results));
      // A check asserts one or more properties: count its verdicts by (critère, check index), and the results exactly.
      assert.equal(new Set(results.map((x) => `${x.criterionId}#${x.checkIndex}`)).size, CHECKS, h.candidate.id);
      assert.equal(results.length, RESULTS, h.candidate.id);
      assert.ok(
        results.every((x) => x.status === 'pass'),
        `${h.candidate.id}: ${JSON.stringify(results.filter((x) => x.status !== 'pass'))}`,
      );
    }
    // Graded once: each host's journal ends exactly once, and each host shows in the progress lines.
    for (const h of r.hosts) {
      const ends = readFileSync(join(out, 'hosts', `${h.id}.ndjson`), 'utf8')
        .split('\n')
        .filter((l) => l.includes('"event":"hostEnd"'));
      assert.equal(ends.length, 1, h.id);
      assert.match(res.text, new RegExp(`^${h.id}\\s`, 'm'), `${h.id} missing from the progress lines`);
    }
  });
});
