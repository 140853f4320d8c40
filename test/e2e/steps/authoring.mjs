// UI steps of issue 10's script coach part: the explain panel as a webview. Called from run.mjs phase 2, with a learner
// script (nettoyage.sh) open. (Completion in exercise.yaml is covered in-host: test/e2e/suite/authoring.test.ts.)

/** Declares the steps on the page that run.mjs prepared. */
export async function steps({ page, palette, step, shot }) {
  await step('the explain panel opens as a webview, TSSR findings first', async () => {
    // The learner's script must be the active editor: earlier steps closed every editor.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input.input').fill('nettoyage.sh');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'nettoyage.sh' }).first().click();
    await page
      .getByRole('tab', { name: /nettoyage\.sh/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await palette("TSSR Lab: Explain the script's findings");
    await page.locator('.tab', { hasText: 'Remarques : nettoyage.sh' }).waitFor({ timeout: 30_000 });
    // The page itself sits in nested iframes: its HTML is asserted by the in-host suite; here, the learner's view.
    await shot('explain-panel');
  });
}
