import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../helpers/paths';
import { freePort, startSshd, type Sshd } from '../helpers/sshd';
import { writeExercise } from './fault-exercises';

interface Fault {
  name: string;
  flags(sshd: Sshd, port: number): string[];
  fr: RegExp;
  en: RegExp;
}

// Each fault as a learner meets it: French unless the run asks for English, never the other language's words.
const FAULTS: Fault[] = [
  {
    name: 'a refused connection',
    flags: (s, port) => ['--target', `ssh://root@127.0.0.1:${port}`, '-i', s.clientKey, '--known-hosts', s.knownHosts],
    fr: /Connexion refusée par ssh:\/\/root@127\.0\.0\.1:\d+ : sshd tourne-t-il et écoute-t-il sur le port \d+ \?/,
    en: /Connection refused by ssh:\/\/root@127\.0\.0\.1:\d+: is sshd running and listening on port \d+\?/,
  },
  {
    name: 'a wrong key',
    flags: (s) => ['--target', `ssh://root@127.0.0.1:${s.port}`, '-i', s.otherKey, '--known-hosts', s.knownHosts],
    fr: /Authentification refusée par ssh:\/\/\S+ : la clé \S+other_client a été refusée pour l’utilisateur root/,
    en: /Authentication refused by ssh:\/\/\S+: the key \S+other_client was refused for user root/,
  },
  {
    name: 'a changed host key',
    flags: (s) => ['--target', `ssh://root@127.0.0.1:${s.port}`, '-i', s.clientKey, '--known-hosts', s.wrongKnownHosts],
    fr: /LA CLÉ D’HÔTE DE ssh:\/\/\S+ A CHANGÉ.*Vérifiez l’empreinte/s,
    en: /HOST KEY CHANGED for ssh:\/\/\S+: .*Check the fingerprint/s,
  },
];

describe('SSH errors speak the run’s language (CLI against a real sshd)', function () {
  this.timeout(60_000);
  let sshd: Sshd;
  let work: string;

  before(async () => {
    sshd = await startSshd();
    work = mkdtempSync(join(tmpdir(), 'tssr-ssh-lang-'));
    writeExercise(work);
  });
  after(() => {
    sshd?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`a host key recorded with --accept-new is said ${lang === 'fr' ? 'in French by default' : 'in English with --lang en'}`, () => {
      const knownHosts = join(work, `known_hosts-${lang}`);
      writeFileSync(knownHosts, '');
      const args = [
        CLI,
        ...(lang === 'en' ? ['--lang', 'en'] : []),
        'check',
        join(work, 'quick'),
        '--target',
        `ssh://root@127.0.0.1:${sshd.port}`,
        '-i',
        sshd.clientKey,
        '--known-hosts',
        knownHosts,
        '--accept-new',
      ];
      const r = spawnSync(process.execPath, args, {
        env: { ...process.env, SSH_AUTH_SOCK: '', TSSR_LAB_LANG: '', LANG: 'C.UTF-8' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(
        r.stderr,
        lang === 'fr'
          ? /clé d’hôte SHA256:\S+ acceptée et enregistrée dans \S+known_hosts-fr/
          : /host key SHA256:\S+ accepted and recorded in \S+known_hosts-en/,
      );
      assert.doesNotMatch(r.stderr, /accepted new host key|agent uploaded/);
    });
  }

  for (const f of FAULTS) {
    for (const lang of ['fr', 'en'] as const) {
      it(`${f.name}: ${lang === 'fr' ? 'French by default' : 'English with --lang en'}, exit 3`, async () => {
        const args = [CLI, ...(lang === 'en' ? ['--lang', 'en'] : []), 'check', join(work, 'quick'), ...f.flags(sshd, await freePort())];
        // The English run has a French locale: --lang alone must choose English.
        const env = { ...process.env, SSH_AUTH_SOCK: '', TSSR_LAB_LANG: '', LANG: lang === 'fr' ? 'C.UTF-8' : 'fr_FR.UTF-8' };
        const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 30_000 });
        const out = r.stdout + r.stderr;
        assert.equal(r.status, 3, out);
        assert.match(out, lang === 'fr' ? f.fr : f.en);
        assert.doesNotMatch(out, lang === 'fr' ? f.en : f.fr);
      });
    }
  }
});
