// Issue 18, item 5: the small ones. A connection dragged near the canvas edge no longer pans the
// canvas away from the drop; a press on the canvas takes focus out of a field so Space pans; the
// shortcuts dialog opens at its top; modal dialogs keep keys, undo and paste from the designer
// behind them; counters use Messenger's limits; the simulator shows a declared default.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvas, focusNode, handle, inspector, nodeIds, settleView } from './designer-helpers';
import { startHarness, type Harness } from './harness';

const repo = new URL('../../', import.meta.url).pathname;

let app: Harness;
let dir: string;

const viewport = (page: Page) =>
  page.locator('.react-flow__viewport').first().getAttribute('style');

/** Where focus is: inside the app behind the dialogs, inside a dialog, or on the body. */
const focusIn = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'body';
    if (active.closest('[role="dialog"], [role="alertdialog"]')) return 'dialog';
    return active.closest('.tl-app') ? 'app' : 'elsewhere';
  });

async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const box = (await canvas(page).boundingBox())!;
  // Fit view leaves a margin along the top: no node is drawn there.
  return { x: box.x + box.width / 2, y: box.y + 10 };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'threadline-small-'));
  const flow = JSON.parse(
    await readFile(join(repo, 'flows/examples/lead-capture.flow.json'), 'utf8'),
  ) as { profile: Record<string, unknown> };
  flow.profile['persistentMenu'] = [{ title: 'Start over', target: 'n-start' }];
  const path = join(dir, 'lead-capture.flow.json');
  await writeFile(path, JSON.stringify(flow, null, 2));
  app = await startHarness({ initialPath: path, viewport: { width: 1400, height: 900 } });
  await canvas(app.page).waitFor({ timeout: 60_000 });
  await settleView(app.page);
});

afterAll(async () => {
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('small fixes', () => {
  it('counts a persistent-menu title against the limit of 20', async () => {
    const settings = inspector(app.page);
    await settings.locator('[aria-label="10 of 20 characters"]').waitFor();
    expect(await settings.locator('[aria-label="10 of 30 characters"]').count()).toBe(0);
  });

  it('lets Space pan after a press on the canvas, instead of typing into a field', async () => {
    const { page } = app;
    const name = inspector(page).getByRole('textbox', { name: 'Name', exact: true }).first();
    const before = await name.inputValue();
    await name.click();
    const point = await emptyCanvasPoint(page);
    await page.mouse.click(point.x, point.y);
    expect(await focusIn(page)).toBe('app');
    const view = await viewport(page);
    await page.keyboard.down('Space');
    await page.mouse.move(point.x, point.y + 20);
    await page.mouse.down();
    await page.mouse.move(point.x + 60, point.y + 80, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    expect(await name.inputValue()).toBe(before);
    expect(await viewport(page)).not.toBe(view);
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await settleView(page);
  });

  it('does not pan the canvas while a connection is dragged to its edge', async () => {
    const { page } = app;
    await focusNode(page, 'n-start');
    await page.keyboard.press('Escape');
    const box = (await canvas(page).boundingBox())!;
    const from = (await handle(page, 'n-start', 'out').boundingBox())!;
    const view = await viewport(page);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    // 12 px inside the canvas's right edge, held there as a user aiming at the drop would.
    await page.mouse.move(box.x + box.width - 12, box.y + box.height / 3, { steps: 12 });
    await page.waitForTimeout(400);
    await page.mouse.up();
    const menu = page.getByRole('menu', { name: 'Add a connected node' });
    await menu.waitFor();
    expect(await viewport(page)).toBe(view);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await settleView(page);
  });

  it('opens the shortcuts dialog at its top', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1400, height: 560 });
    const point = await emptyCanvasPoint(page);
    await page.mouse.click(point.x, point.y);
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.evaluate((d) => d.scrollHeight > d.clientHeight)).toBe(true);
    expect(await help.evaluate((d) => d.scrollTop)).toBe(0);
    expect(await focusIn(page)).toBe('dialog');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('keeps undo, paste and Tab away from the designer behind "Discard unsaved changes?"', async () => {
    const { page } = app;
    // A node on the clipboard, as the designer copies it.
    const first = (await nodeIds(page))[0]!;
    await canvas(page).locator(`.react-flow__node[data-id="${first}"]`).click();
    const fragment = await page.evaluate(() => {
      const data = new DataTransfer();
      document.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true }));
      return data.getData('text/plain');
    });
    expect(fragment).toContain(first);
    await page.keyboard.press('Escape');

    const name = inspector(page).getByRole('textbox', { name: 'Name', exact: true }).first();
    await name.fill('Renamed guide');
    await name.press('Tab');
    const count = (await nodeIds(page)).length;
    await page.getByRole('button', { name: 'New flow' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
    await dialog.waitFor();
    expect(await page.locator('.tl-app').getAttribute('inert')).not.toBeNull();

    await page.keyboard.press('Control+z');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, fragment);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await focusIn(page)).not.toBe('app');
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('.tl-app').getAttribute('inert')).toBeNull();
    expect((await nodeIds(page)).length).toBe(count);
    expect(await name.inputValue()).toBe('Renamed guide');
    // Behind no dialog, the same undo does undo.
    await page.mouse.click((await emptyCanvasPoint(page)).x, (await emptyCanvasPoint(page)).y);
    await page.keyboard.press('Control+z');
    await expect.poll(() => name.inputValue()).not.toBe('Renamed guide');
  });

  it("shows a declared default in the simulator's variables, not 'unset'", async () => {
    const { page } = app;
    await page
      .getByRole('toolbar', { name: 'Designer' })
      .getByRole('button', { name: 'Simulate' })
      .click();
    const sim = page.getByRole('region', { name: 'Simulator' });
    await sim.getByRole('tab', { name: 'Variables' }).click();
    const wantsCall = sim.getByLabel('Variable wants_call');
    expect(await wantsCall.inputValue()).toBe('false');
    expect(await wantsCall.getAttribute('aria-description')).toMatch(/declared default/);
    expect(await sim.getByLabel('Variable email').inputValue()).toBe('');
  });
});

describe('an error dialog', () => {
  let broken: Harness;
  afterAll(async () => broken?.close());

  it('is modal: the designer behind it takes no keys and no focus', async () => {
    const path = join(dir, 'broken.flow.json');
    await writeFile(path, '{"format": "not a flow"');
    broken = await startHarness({ initialPath: path });
    const { page } = broken;
    const notice = page.getByRole('alertdialog', { name: 'Cannot open broken.flow.json' });
    await notice.waitFor({ timeout: 60_000 });
    expect(await page.locator('.tl-app').getAttribute('inert')).not.toBeNull();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await focusIn(page)).not.toBe('app');
    }
    await page.keyboard.press('F1');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);
    await notice.getByRole('button', { name: 'OK' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await page.locator('.tl-app').getAttribute('inert')).toBeNull();
  });
});
