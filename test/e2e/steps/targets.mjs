// UI steps of the targets (issue 10): the status bar's target, its quick pick, adding an SSH target against the
// test sshd with the new host key's fingerprint shown before it is trusted, the Cibles view, switching and removing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the targets steps; `sshd` is the test sshd of run.mjs (its port, client key). */
export async function steps({ page, step, shot, workspace, sshd }) {
  const tmp = mkdtempSync(join(tmpdir(), 'tssr-e2e-targets-'));
  const knownHosts = join(tmp, 'known_hosts');
  const settingsFile = join(workspace, '.vscode/settings.json');
  const original = readFileSync(settingsFile, 'utf8');
  const name = `127.0.0.1:${sshd.port}`;
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  const toast = (text) => page.locator('.notifications-toasts .notification-toast', { hasText: text });
  // The learner's key and a private known_hosts: trusting a key in this test never touches ~/.ssh.
  writeFileSync(
    settingsFile,
    JSON.stringify({ ...JSON.parse(original), 'tssrLab.ssh.identityFile': sshd.clientKey, 'tssrLab.ssh.knownHostsFile': knownHosts }, null, 2),
  );
  const statusItem = page.locator('.statusbar-item', { hasText: /Cible : / });
  try {
    await step('the status bar shows the active target; a click opens the quick pick of targets', async () => {
      await page.getByRole('tab', { name: 'TSSR Lab' }).click({ timeout: 60_000 });
      await page.locator('.statusbar-item', { hasText: 'Cible : Cette machine (local)' }).waitFor({ timeout: 30_000 });
      await shot('target-status-bar');
      await statusItem.click();
      await rows.filter({ hasText: 'Ajouter une cible' }).waitFor({ timeout: 10_000 });
      await rows.filter({ hasText: 'Cette machine (local)' }).waitFor();
      await shot('target-quick-pick');
    });

    await step('adds an SSH target, shows the new host key fingerprint, and records it only once trusted', async () => {
      await rows.filter({ hasText: 'Ajouter une cible' }).click();
      await rows.filter({ hasText: 'Nouvelle machine SSH' }).click({ timeout: 10_000 });
      await page.locator('.quick-input-widget', { hasText: 'Adresse SSH de la cible' }).waitFor({ timeout: 10_000 });
      await page.locator('.quick-input-widget input.input').fill(`root@${name}`);
      await page.keyboard.press('Enter');
      await rows.filter({ hasText: sshd.clientKey }).click({ timeout: 10_000 });
      await page.locator('.quick-input-widget', { hasText: 'Nom de la cible' }).waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await toast('ajoutée et choisie').getByRole('button', { name: 'Tester la connexion' }).click({ timeout: 10_000 });
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.getByText(/SHA256:/).waitFor({ timeout: 30_000 });
      await shot('target-new-host-key');
      let before = '';
      try {
        before = readFileSync(knownHosts, 'utf8');
      } catch {
        /* not yet written: the key is not trusted yet */
      }
      if (before.includes('ssh-ed25519')) throw new Error('the key was recorded before the learner trusted it');
      await dialog.getByRole('button', { name: 'Faire confiance et enregistrer' }).click();
      await toast('réussie').waitFor({ timeout: 30_000 });
      if (!readFileSync(knownHosts, 'utf8').includes('ssh-ed25519')) throw new Error('the trusted key was not recorded');
      await shot('target-test-ok');
    });

    await step('the Cibles view lists the local and the SSH target, the SSH one active and in the status bar', async () => {
      await page.getByRole('treeitem', { name: new RegExp(`${name.replace(/\./g, '\\.')}, ssh://root@.*, cible active`) }).waitFor({ timeout: 10_000 });
      await page.getByRole('treeitem', { name: /Cette machine \(local\)/ }).waitFor();
      await page.locator('.statusbar-item', { hasText: `Cible : ${name}` }).waitFor();
      await shot('targets-view');
    });

    await step('switches back to local from the status bar, then removes the SSH target from the Cibles view', async () => {
      await statusItem.click();
      await rows.filter({ hasText: 'Cette machine (local)' }).click({ timeout: 10_000 });
      await page.locator('.statusbar-item', { hasText: 'Cible : Cette machine (local)' }).waitFor({ timeout: 10_000 });
      const row = page.getByRole('treeitem', { name: new RegExp(`${name.replace(/\./g, '\\.')}, ssh://`) });
      await row.hover();
      await row.locator('.action-label.codicon-trash').click({ timeout: 10_000 });
      await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Supprimer' }).click({ timeout: 10_000 });
      await row.waitFor({ state: 'detached', timeout: 10_000 });
    });
  } finally {
    await page.keyboard.press('Escape');
    writeFileSync(settingsFile, original);
    rmSync(tmp, { recursive: true, force: true });
  }
}
