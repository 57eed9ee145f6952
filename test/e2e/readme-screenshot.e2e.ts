// The README's screenshot, taken the way a marketer works: the lead-capture example open, a
// conversation with it in the simulator, and the canvas showing the path it took. Every run
// checks that view in English and in German and writes test-results/readme.png and
// readme-de.png; `THREADLINE_UPDATE_SCREENSHOT=1` also replaces docs/screenshot.png and
// docs/screenshot-de.png (committed, so `npm test` leaves the checkout clean).
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canvas, focusNode, settleAnimations, settleView } from './designer-helpers';
import { startHarness, type Harness } from './harness';
import { localeOf, UI_LANGUAGES, uiText, type UiLanguage } from './ui-text';

const repo = new URL('../../', import.meta.url).pathname;

/** Where each language's screenshot goes: English above the README's fold, German further down. */
const SHOTS: Record<UiLanguage, string> = { en: 'screenshot.png', de: 'screenshot-de.png' };

describe.each(UI_LANGUAGES)('the README screenshot in %s', (language) => {
  let app: Harness | undefined;
  afterAll(async () => {
    await app?.close();
  });

  it('shows a real flow being designed and tried out', async () => {
    const text = uiText(language);
    const dir = await mkdtemp(join(tmpdir(), 'threadline-readme-'));
    const path = join(dir, 'lead-capture.flow.json');
    await copyFile(join(repo, 'flows/examples/lead-capture.flow.json'), path);
    app = await startHarness({
      initialPath: path,
      viewport: { width: 1600, height: 960 },
      locale: localeOf(language),
    });
    const page = app.page;
    await canvas(page).locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe(language);

    await page
      .getByRole('toolbar', { name: text.app.toolbar })
      .getByRole('button', { name: text.toolbar.simulate, exact: true })
      .click();
    const sim = page.getByRole('region', { name: text.simulator.label });
    const conversation = sim.getByRole('list', { name: text.simulator.conversation });
    // The flow's own words (the example is in English) stay as they are in either language.
    await sim
      .getByRole('textbox', { name: text.simulator.message })
      .fill('Can I get the running guide?');
    await sim.getByRole('button', { name: text.simulator.send, exact: true }).click();
    await sim.getByRole('button', { name: 'Yes please!' }).click();
    await expect.poll(() => conversation.textContent()).toContain('Where should we send it?');

    // Centre the question the chat is waiting at, zoomed out to show the path that led there.
    await focusNode(page, 'n-email');
    const zoomOut = canvas(page).locator('.react-flow__controls-zoomout');
    for (let i = 0; i < 3; i++) await zoomOut.click();
    await settleView(page);
    await settleAnimations(page);
    expect(await canvas(page).locator('[data-node-id="n-email"]').isVisible()).toBe(true);
    expect(await canvas(page).locator('.tl-node.is-simple').count()).toBe(0);

    await mkdir(join(repo, 'test-results'), { recursive: true });
    const shot = SHOTS[language];
    await page.screenshot({
      path: join(repo, 'test-results', shot.replace('screenshot', 'readme')),
    });
    if (process.env.THREADLINE_UPDATE_SCREENSHOT === '1')
      await page.screenshot({ path: join(repo, 'docs', shot) });
    expect(app.errors).toEqual([]);
  });
});
