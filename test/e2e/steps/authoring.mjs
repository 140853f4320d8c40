// UI steps of issue 10's "For trainers" and "Script coach" parts: completion of référentiel ids in exercise.yaml, and
// the explain panel as a webview. Called from run.mjs phase 2, with a learner script (nettoyage.sh) open.

/** Declares the steps on the page that run.mjs prepared. */
export async function steps({ page, palette, step, shot }) {
  await step('the explain panel opens as a webview, TSSR findings first', async () => {
    await palette("TSSR Lab: Explain the script's findings");
    await page.locator('.tab', { hasText: 'Remarques : nettoyage.sh' }).waitFor({ timeout: 30_000 });
    // The page itself sits in nested iframes: its HTML is asserted by the in-host suite; here, the learner's view.
    await page.waitForTimeout(1_000);
    await shot('explain-panel');
  });

  await step('completion in exercise.yaml offers the référentiel’s critères with their text', async () => {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input.input').fill('poste/exercise.yaml');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'exercise.yaml' }).first().click();
    await page.locator('.tab.active', { hasText: 'exercise.yaml' }).waitFor({ timeout: 30_000 });
    // Line 9 is `    referentiel: CP9.1`: the cursor goes after `CP9`, as typed. Commands rather than shortcuts,
    // which the browser may keep for itself.
    await palette('Go to Line/Column');
    await page.locator('.quick-input-widget input.input').fill(':9:21');
    await page.keyboard.press('Enter');
    await palette('Trigger Suggest');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'CP9.1' }).first().waitFor({ timeout: 30_000 });
    await shot('authoring-completion');
    await page.keyboard.press('Escape');
  });
}
