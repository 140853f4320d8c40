import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { TssrLabApi } from '../../../extension/src/extension';

/** In-host: the Évaluation view grades a room over the test sshd and opens a candidate's grid. */
export function evaluationTests(): void {
  describe('Évaluation view', () => {
    let api: TssrLabApi;
    before(async () => {
      api = await vscode.extensions.getExtension<TssrLabApi>('tssr-lab.tssr-lab')!.activate();
    });

    it('opens a roster, grades it live over SSH, and opens the grid of a graded candidate', async function () {
      const port = process.env.TSSR_E2E_SSH_PORT;
      if (!port) this.skip();
      const dir = mkdtempSync(join(tmpdir(), 'tssr-e2e-grade-'));
      const roster = join(dir, 'salle.yaml');
      const key = process.env.TSSR_E2E_SSH_KEY;
      writeFileSync(
        roster,
        [
          'candidates:',
          `  - { id: c01, name: Alice Martin, host: 127.0.0.1, port: ${port}, user: root, key: ${key} }`,
          `  - { id: c02, name: Bruno Petit, host: 127.0.0.1, port: 1, user: root, key: ${key} }`,
          '',
        ].join('\n'),
      );
      const cfg = vscode.workspace.getConfiguration('tssrLab');
      await cfg.update('ssh.knownHostsFile', process.env.TSSR_E2E_SSH_KNOWN_HOSTS, vscode.ConfigurationTarget.Workspace);
      try {
        await vscode.commands.executeCommand('tssrLab.grade.openInventory', vscode.Uri.file(roster));
        assert.deepEqual(
          api.evaluation.candidates.map((c) => c.id),
          ['c01', 'c02'],
        );
        const poste = api.services.packs.packs.flatMap((p) => p.exercises).find((e) => e.data?.id === 'poste');
        assert.ok(poste, 'the e2e workspace has the exercise "poste"');
        const seen: string[] = [];
        const sub = api.evaluation.onDidChangeTreeData((c) => c && seen.push(`${c.id}:${api.evaluation.states.get(c.id)?.state}`));
        await vscode.commands.executeCommand('tssrLab.grade.run', [poste.dir], join(dir, 'run'));
        sub.dispose();
        // Live: the view saw the candidate connecting and running before it was done.
        assert.ok(seen.includes('c01:connecting') && seen.includes('c01:done'), seen.join(' '));
        assert.equal(api.evaluation.states.get('c01')?.state, 'done');
        assert.equal(api.evaluation.states.get('c02')?.state, 'unreachable');
        const html = api.evaluation.gridHtml(api.evaluation.candidates[0]) ?? '';
        assert.match(html, /(Grille d'évaluation TSSR|TSSR assessment grid) — Alice Martin/);
        await vscode.commands.executeCommand('tssrLab.grade.openGrid', api.evaluation.candidates[0]);
      } finally {
        await cfg.update('ssh.knownHostsFile', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it("grades with a passphrase-protected key, the passphrase read from SecretStorage (the Cibles view's entry)", async function () {
      const port = process.env.TSSR_E2E_SSH_PORT;
      const clientKey = process.env.TSSR_E2E_SSH_KEY;
      if (!port || !clientKey) this.skip();
      const dir = mkdtempSync(join(tmpdir(), 'tssr-e2e-grade-key-'));
      const key = join(dir, 'jury');
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'phrase du jury', '-f', key], { stdio: 'ignore' });
      // The test sshd reads authorized_keys beside its client key at each login.
      appendFileSync(join(dirname(clientKey), 'authorized_keys'), readFileSync(`${key}.pub`, 'utf8'));
      const roster = join(dir, 'salle.yaml');
      writeFileSync(roster, `candidates:\n  - { id: c03, name: Chloé Roux, host: 127.0.0.1, port: ${port}, user: root, key: ${key} }\n`);
      const store = api.services.targets;
      await store.storeSecret(store.passphraseKey(key), 'phrase du jury');
      const cfg = vscode.workspace.getConfiguration('tssrLab');
      await cfg.update('ssh.knownHostsFile', process.env.TSSR_E2E_SSH_KNOWN_HOSTS, vscode.ConfigurationTarget.Workspace);
      try {
        await vscode.commands.executeCommand('tssrLab.grade.openInventory', vscode.Uri.file(roster));
        const poste = api.services.packs.packs.flatMap((p) => p.exercises).find((e) => e.data?.id === 'poste');
        assert.ok(poste);
        await vscode.commands.executeCommand('tssrLab.grade.run', [poste.dir], join(dir, 'run'));
        const state = api.evaluation.states.get('c03');
        assert.equal(state?.state, 'done', state?.error?.message);
      } finally {
        await store.forgetSecret(store.passphraseKey(key));
        await cfg.update('ssh.knownHostsFile', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });
}
