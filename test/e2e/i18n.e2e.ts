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
