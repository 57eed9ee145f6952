// The README's screenshot, taken the way a marketer works: the lead-capture example open, a
// conversation with it in the simulator, and the canvas showing the path it took. Every run
// checks that view and writes test-results/readme.png; `THREADLINE_UPDATE_SCREENSHOT=1` also
// replaces docs/screenshot.png (committed, so `npm test` leaves the checkout clean).
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canvas, focusNode } from './designer-helpers';
import { startHarness, type Harness } from './harness';

const repo = new URL('../../', import.meta.url).pathname;

describe('the README screenshot', () => {
  let app: Harness | undefined;
  afterAll(async () => {
    await app?.close();
  });

  it('shows a real flow being designed and tried out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'threadline-readme-'));
    const path = join(dir, 'lead-capture.flow.json');
    await copyFile(join(repo, 'flows/examples/lead-capture.flow.json'), path);
    app = await startHarness({ initialPath: path, viewport: { width: 1600, height: 960 } });
    const page = app.page;
    await canvas(page).locator('.react-flow__node').first().waitFor({ timeout: 60_000 });

    await page
      .getByRole('toolbar', { name: 'Designer' })
      .getByRole('button', { name: 'Simulate' })
      .click();
    const sim = page.getByRole('region', { name: 'Simulator' });
    const conversation = sim.getByRole('list', { name: 'Conversation' });
    await sim.getByRole('textbox', { name: 'Message' }).fill('Can I get the running guide?');
    await sim.getByRole('button', { name: 'Send', exact: true }).click();
    await sim.getByRole('button', { name: 'Yes please!' }).click();
    await expect.poll(() => conversation.textContent()).toContain('Where should we send it?');

    // Centre the question the chat is waiting at, zoomed out to show the path that led there.
    await focusNode(page, 'n-email');
    const zoomOut = canvas(page).getByRole('button', { name: /zoom out/i });
    for (let i = 0; i < 3; i++) await zoomOut.click();
    await page.waitForTimeout(600);
    expect(await canvas(page).locator('[data-node-id="n-email"]').isVisible()).toBe(true);
    expect(await canvas(page).locator('.tl-node.is-simple').count()).toBe(0);

    await mkdir(join(repo, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(repo, 'test-results/readme.png') });
    if (process.env.THREADLINE_UPDATE_SCREENSHOT === '1')
      await page.screenshot({ path: join(repo, 'docs/screenshot.png') });
    expect(app.errors).toEqual([]);
  });
});
