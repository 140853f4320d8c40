import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, type Prompt } from '../../extension/src/cli/start';
import { UsageError } from '../../extension/src/core/errors';
import { LocalScriptRunner, sudoRefused } from '../../extension/src/core/script-runner';
import { summariseScript } from '../../extension/src/core/script-summary';
import { CLI } from '../helpers/paths';

/** An exercise folder whose setup script is `setup`; returns the folder. */
function exercise(setup: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tssr-start-'));
  writeFileSync(
    join(dir, 'exercise.yaml'),
    JSON.stringify({
      id: 'demarrage',
      title: 'Démarrage',
      competences: ['CCS1'],
      setup: 'depart.sh',
      solution: { apply: 'depart.sh' },
      criteria: [{ id: 'c', title: 'c', referentiel: 'CCS1.1', points: 1, hint: 'h', checks: [{ type: 'file', path: '/etc/passwd' }] }],
    }),
  );
  writeFileSync(join(dir, 'enonce.md'), '# Démarrage\n');
  writeFileSync(join(dir, 'depart.sh'), setup);
  return dir;
}

const said = (answer: string, interactive = true): Prompt & { asked: string[] } => {
  const asked: string[] = [];
  return {
    interactive,
    asked,
    ask: async (q) => {
      asked.push(q);
      return answer;
    },
  };
};

describe('tssr-lab start: the exercise’s setup, shown then run as root', () => {
  it('summarises a script: its comments (not the header nor heredoc bodies), paths it changes, systemctl steps', () => {
    const s = summariseScript(
      [
        '#!/usr/bin/env bash',
        '# Description : Casse le service web.',
        '# Usage : bash x.sh',
        '# Auteur : moi',
        'set -eu',
        '# Écrit une configuration invalide.',
        "cat > /etc/nginx/sites-enabled/tssr <<'CONF'",
        '# pas un commentaire du script',
        'server {',
        'CONF',
        'if [ -d /run/systemd/system ]; then systemctl restart nginx || true; fi',
        'systemctl is-active nginx',
        'rm -rf /var/www/tssr',
      ].join('\n'),
    );
    assert.deepEqual(s.comments, ['Casse le service web.', 'Écrit une configuration invalide.']);
    assert.deepEqual(s.paths, ['/etc/nginx/sites-enabled/tssr', '/var/www/tssr']);
    assert.deepEqual(s.services, ['restart nginx']);
    assert.equal(s.commandLines, 5);
  });

  it('off a terminal without --yes, refuses with a usage error saying to add --yes, and runs nothing', async () => {
    const dir = exercise(`touch '${join(tmpdir(), 'never')}'\n`);
    const out: string[] = [];
    await assert.rejects(
      start(
        dir,
        { target: 'local', lang: 'fr' },
        (s) => out.push(s),
        () => undefined,
        said('o', false),
      ),
      (e: UsageError) => e.code === 'CONFIRMATION_NEEDED' && /--yes/.test(e.message),
    );
    assert.match(out.join('\n'), /va tourner en root/);
  });

  it('on a terminal, asks; a "no" leaves the target alone (exit 1)', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'tssr-start-m-')), 'fait');
    const prompt = said('n');
    const out: string[] = [];
    const code = await start(
      exercise(`# Crée le témoin.\ntouch '${marker}'\n`),
      { target: 'local', lang: 'fr' },
      (s) => out.push(s),
      () => undefined,
      prompt,
    );
    assert.deepEqual([code, existsSync(marker), prompt.asked], [1, false, ['Lancer la préparation ? [o/N] ']]);
    assert.match(out.join('\n'), /# Crée le témoin\.[\s\S]*Annulé : la cible n’a pas été modifiée/);
  });

  it('a "oui" runs the script as root with its output streamed; a failing setup exits 3 and says so', async function () {
    if (process.getuid?.() !== 0) this.skip(); // as another user the local runner goes through sudo
    const marker = join(mkdtempSync(join(tmpdir(), 'tssr-start-m-')), 'fait');
    const out: string[] = [];
    const code = await start(
      exercise(`id -u > '${marker}'\necho préparé\n`),
      { target: 'local', lang: 'fr' },
      (s) => out.push(s),
      () => undefined,
      said('oui'),
    );
    assert.deepEqual([code, readFileSync(marker, 'utf8')], [0, '0\n']);
    assert.match(out.join('\n'), /préparé\nExercice demarrage prêt sur local/);
    const err: string[] = [];
    const failed = await start(
      exercise('echo cassé >&2\nexit 4\n'),
      { target: 'local', lang: 'en', yes: true },
      () => undefined,
      (s) => err.push(s),
      said('', false),
    );
    assert.equal(failed, 3);
    assert.match(err.join('\n'), /cassé[\s\S]*The setup script .*depart\.sh failed on local \(code 4\)/);
  });

  it('says there is nothing to prepare for an exercise without setup (exit 0)', () => {
    const dir = exercise('true\n');
    writeFileSync(join(dir, 'exercise.yaml'), readFileSync(join(dir, 'exercise.yaml'), 'utf8').replace('"setup":"depart.sh",', ''));
    const r = spawnSync(process.execPath, [CLI, '--lang', 'en', 'start', dir], { encoding: 'utf8' });
    assert.deepEqual([r.status, r.stdout.trim()], [0, 'Exercise demarrage has no setup script: nothing to prepare on the target, you can start.']);
  });

  it('the built CLI, off a terminal: exit 2 with the message, in French by default', () => {
    const r = spawnSync(process.execPath, [CLI, 'start', exercise('true\n')], { encoding: 'utf8', env: { ...process.env, LANG: 'C', TSSR_LAB_LANG: '' } });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /Confirmation impossible : l’entrée n’est pas un terminal\. .*relancez avec --yes/);
  });

  it('as another user, goes through sudo: -n off a terminal (fails at once instead of waiting for a password)', () => {
    assert.deepEqual(new LocalScriptRunner(false, 0).argv(), ['bash', '-s']);
    assert.deepEqual(new LocalScriptRunner(false, 1000).argv(), ['sudo', '-n', '--', 'bash', '-s']);
    assert.deepEqual(new LocalScriptRunner(true, 1000).argv(), ['sudo', '--', 'bash', '-s']);
    assert.equal(sudoRefused(1, 'sudo: a password is required\n'), true);
    assert.equal(sudoRefused(1, 'grep: no match\n'), false);
  });
});
