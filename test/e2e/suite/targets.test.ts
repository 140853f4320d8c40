import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TssrLabApi } from '../../../extension/src/extension';
import type { TargetPrompts } from '../../../extension/src/features/targets/connect';
import type { TargetEntry } from '../../../extension/src/features/targets/store';
import type { RunReport } from '../../../schemas/generated/types';
import { activeApi } from './helpers';

/** Prompts answered in advance; a question not expected fails the test. */
function answers(trust: boolean, asked: Array<{ type: string; fingerprint: string }>): TargetPrompts {
  return {
    passphrase: () => Promise.reject(new Error('no passphrase was expected')),
    password: () => Promise.reject(new Error('no password was expected')),
    trustKey: async (_label, key) => {
      asked.push(key);
      return trust;
    },
  };
}

/** A known_hosts line with another ed25519 key for the host: the target's key has "changed". */
function changedKnownHosts(dir: string, port: number): string {
  const type = Buffer.from('ssh-ed25519');
  const blob = Buffer.concat([Buffer.from([0, 0, 0, type.length]), type, Buffer.from([0, 0, 0, 32]), randomBytes(32)]);
  const file = join(dir, 'known_hosts.changed');
  writeFileSync(file, `[127.0.0.1]:${port} ssh-ed25519 ${blob.toString('base64')}\n`);
  return file;
}

/** In-host tests of the Cibles view's commands against the test sshd. */
export function targetTests(): void {
  let api: TssrLabApi;
  before(async () => {
    api = await activeApi();
  });

  describe('Targets (Cibles): add an SSH target, test it, run on it, remove it', () => {
    const port = Number(process.env.TSSR_E2E_SSH_PORT);
    const key = process.env.TSSR_E2E_SSH_KEY ?? '';
    const target = `ssh://root@127.0.0.1:${port}`;

    it('adds an SSH target, shows the new host key fingerprint before trusting it, then runs Vérifier on it', async function () {
      if (!port) this.skip();
      const dir = mkdtempSync(join(tmpdir(), 'tssr-targets-'));
      const knownHostsFile = join(dir, 'known_hosts');
      const entry = await vscode.commands.executeCommand<TargetEntry>('tssrLab.targets.add', {
        name: 'vm-test',
        target,
        auth: 'key',
        identityFile: key,
        knownHostsFile,
      });
      try {
        assert.equal(api.services.targets.active().name, 'vm-test');
        const refused: Array<{ type: string; fingerprint: string }> = [];
        const no = await api.targets.test(entry, answers(false, refused));
        assert.equal(no.ok, false);
        assert.equal(refused.length, 1, 'the new key was not shown before trusting it');
        assert.match(refused[0].fingerprint, /^SHA256:[A-Za-z0-9+/]{43}$/);
        assert.equal(readFileSync(knownHostsFile, { encoding: 'utf8', flag: 'a+' }), '', 'a refused key was recorded');
        const asked: Array<{ type: string; fingerprint: string }> = [];
        const yes = await api.targets.test(entry, answers(true, asked));
        assert.ok(yes.ok, yes.message);
        assert.equal(yes.fingerprint, asked[0].fingerprint);
        assert.match(yes.message, /Connexion à ssh:\/\/root@127\.0\.0\.1:\d+ réussie\. Clé d’hôte SHA256:/);
        assert.ok(readFileSync(knownHostsFile, 'utf8').includes('ssh-ed25519'));
        const again: Array<{ type: string; fingerprint: string }> = [];
        assert.ok((await api.targets.test(entry, answers(false, again))).ok);
        assert.equal(again.length, 0, 'a recorded key was asked about again');
        const report = await vscode.commands.executeCommand<RunReport>('tssrLab.verify', 'poste');
        assert.equal(report?.target, target);
        assert.deepEqual(
          report.criteria.map((c) => c.status),
          ['passed', 'failed'],
        );
        const remote = await vscode.workspace.openTextDocument(
          vscode.Uri.from({ scheme: 'tssr-lab-remote', path: '/etc/passwd', query: new URLSearchParams({ target }).toString() }),
        );
        assert.equal(remote.getText(), readFileSync('/etc/passwd', 'utf8'));
      } finally {
        await vscode.commands.executeCommand('tssrLab.targets.remove', 'vm-test', true);
      }
      assert.equal(api.services.targets.active().target, 'local');
      assert.ok(!api.services.targets.list().some((e) => e.name === 'vm-test'));
    });

    it('never accepts a changed host key: the test fails with a clear error and asks nothing', async function () {
      if (!port) this.skip();
      const dir = mkdtempSync(join(tmpdir(), 'tssr-targets-'));
      const knownHostsFile = changedKnownHosts(dir, port);
      const before = readFileSync(knownHostsFile, 'utf8');
      const asked: Array<{ type: string; fingerprint: string }> = [];
      const outcome = await api.targets.test({ name: 'changée', target, auth: 'key', identityFile: key, knownHostsFile }, answers(true, asked));
      assert.equal(outcome.ok, false);
      assert.equal(outcome.code, 'HOST_KEY_CHANGED');
      assert.match(outcome.message, /A CHANGÉ/);
      assert.equal(asked.length, 0);
      assert.equal(readFileSync(knownHostsFile, 'utf8'), before);
    });
  });
}
