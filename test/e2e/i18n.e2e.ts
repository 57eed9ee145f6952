// Issue 14: the designer follows the browser's language (Chromium with --lang=de shows German),
// and the language setting overrides it, at once and for the next start.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

describe('the designer in German', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startHarness({ locale: 'de-DE' });
    // The canvas's accessible name is German too, so find it by its nodes.
    await app.page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('speaks German in the toolbar, palette, status bar and on the canvas', async () => {
    const page = app.page;
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    const toolbar = page.getByRole('toolbar', { name: 'Designer' });
    await toolbar.getByRole('button', { name: 'Rückgängig', exact: true }).waitFor();
    await toolbar.getByRole('button', { name: 'Veröffentlichen', exact: true }).waitFor();
    expect(await toolbar.getByRole('button', { name: 'Rückgängig' }).getAttribute('title')).toBe(
      'Rückgängig (Ctrl+Z)',
    );
    await page.getByRole('searchbox', { name: 'Knoten suchen' }).waitFor();
    const palette = page.getByRole('region', { name: 'Palette' });
    await palette.getByRole('button', { name: 'Nachricht', exact: true }).waitFor();
    await palette.getByRole('heading', { name: 'Senden' }).waitFor();
    expect(await page.getByRole('contentinfo').textContent()).toMatch(/\d+ Knoten/);
    await page.getByRole('region', { name: 'Arbeitsfläche' }).waitFor();
    expect(await page.locator('.tl-node-type').allTextContents()).toContain('Auslöser');
  });

  it('simulates in German', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Simulieren', exact: true }).click();
    const sim = page.getByRole('region', { name: 'Simulator' });
    await sim.getByRole('tab', { name: 'Variablen' }).waitFor();
    await sim.getByRole('button', { name: 'Los geht’s' }).waitFor();
    await sim.getByRole('textbox', { name: 'Nachricht' }).waitFor();
    await page.getByRole('button', { name: 'Simulieren', exact: true }).click();
  });

  it('shows flow settings, the message form, lint messages and the publish dialog in German', async () => {
    const page = app.page;
    const inspector = page.getByRole('region', { name: 'Eigenschaften' });
    // Nothing selected: the flow's settings, with locale names from Intl.DisplayNames.
    await page.keyboard.press('Escape');
    await inspector.getByRole('heading', { name: 'Flow-Einstellungen' }).waitFor();
    const locale = inspector.getByLabel('Standard-Gebietsschema');
    expect(await locale.locator('option[value="de-DE"]').textContent()).toBe(
      'Deutsch (Deutschland), de-DE',
    );
    await inspector.getByRole('heading', { name: 'Messenger-Profil' }).waitFor();
    await inspector.getByRole('group', { name: /Variablen/ }).waitFor();

    // A message node's form, then an empty text: the linter's finding in German.
    await page.locator('.react-flow__node-message').first().click();
    await inspector.getByRole('group', { name: /Bausteine/ }).waitFor();
    await inspector.getByRole('group', { name: /Schnellantworten/ }).waitFor();
    await inspector.locator('[data-field="data.blocks.0.text"]').fill('');
    const empty = 'Dieser Text ist leer; Messenger kann keine leere Nachricht senden.';
    await inspector.getByRole('status').filter({ hasText: empty }).waitFor();
    const problems = page.getByRole('region', { name: 'Probleme' });
    if ((await problems.locator('[aria-expanded="true"]').count()) === 0)
      await problems
        .getByRole('button', { name: /Probleme/ })
        .first()
        .click();
    await problems.getByText(empty).waitFor();

    // Publishing stops at the linter, in German.
    await page.keyboard.press('Control+Shift+P');
    const dialog = page.getByRole('dialog', { name: 'Veröffentlichen' });
    const alert = dialog
      .getByRole('alert')
      .filter({ hasText: '1 Fehler muss vor dem Veröffentlichen behoben werden' });
    await alert.waitFor();
    expect(await alert.getByRole('list', { name: 'Fehler' }).textContent()).toContain(
      `${empty} (text-empty)`,
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => problems.getByText(empty).count()).toBe(0);

    // Without a runtime, the dialog asks for one in German.
    await page.keyboard.press('Control+Shift+P');
    const noRuntime = dialog.getByRole('alert').filter({ hasText: 'Keine Runtime verbunden' });
    await noRuntime.waitFor();
    expect(await noRuntime.textContent()).toContain(
      'Geben Sie unten die URL der Runtime und ihr Admin-Token ein.',
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('switches to English from the shortcuts dialog and keeps the choice', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Tastenkürzel', exact: true }).click();
    const help = page.getByRole('dialog', { name: 'Tastenkürzel' });
    await help.getByText('Alles auswählen', { exact: true }).waitFor();
    const picker = help.getByRole('combobox', { name: 'Sprache' });
    expect(await picker.inputValue()).toBe('system');
    expect(await picker.locator('option[value="system"]').textContent()).toBe('System (Deutsch)');

    await picker.selectOption('en');
    const english = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await english.getByText('Select all', { exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await english.getByRole('button', { name: 'Close' }).click();
    const toolbar = page.getByRole('toolbar', { name: 'Designer' });
    await toolbar.getByRole('button', { name: 'Undo', exact: true }).waitFor();
    await page
      .getByRole('region', { name: 'Palette' })
      .getByRole('button', { name: 'Message', exact: true })
      .waitFor();
    expect(await page.locator('.tl-node-type').allTextContents()).toContain('Trigger');

    await expect
      .poll(async () =>
        JSON.parse(
          await readFile(join(app.userDataDir, 'settings.json'), 'utf8').catch(() => '{}'),
        ),
      )
      .toMatchObject({ language: 'en' });
    // The next start keeps English although the browser still prefers German.
    await page.reload();
    await page
      .getByRole('toolbar', { name: 'Designer' })
      .getByRole('button', { name: 'Undo' })
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(app.errors).toEqual([]);
  });
});
