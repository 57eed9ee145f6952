// Issue 18, item 1: menus and views that fit, side panels that resize, collapse and remember it.
// Opens the lead-capture example in windows 1440 and 1280 wide with the simulator and the
// inspector open, and checks that the canvas keeps a usable width; resizes and hides panels with
// the mouse and the keyboard and reloads; drops a connection low on the canvas and picks from the
// node-type menu with the arrow keys; and fits the view clear of the minimap.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canvas,
  focusNode,
  handle,
  nodeIds,
  settleAnimations,
  settleView,
} from './designer-helpers';
import { expectNoSeriousViolations } from './axe';
import { startHarness, type Harness } from './harness';

const repo = new URL('../../', import.meta.url).pathname;
const shots = join(repo, 'test-results');

let app: Harness;
let dir: string;

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await settleAnimations(page);
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

async function width(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return box.width;
}

function separator(page: Page, name: string): Locator {
  return page.getByRole('separator', { name });
}

async function valueNow(locator: Locator): Promise<number> {
  return Number(await locator.getAttribute('aria-valuenow'));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'threadline-panels-'));
  const path = join(dir, 'lead-capture.flow.json');
  await copyFile(join(repo, 'flows/examples/lead-capture.flow.json'), path);
  app = await startHarness({ initialPath: path, viewport: { width: 1440, height: 900 } });
  await canvas(app.page).waitFor({ timeout: 60_000 });
  await settleView(app.page);
});

afterAll(async () => {
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('side panels', () => {
  it('keeps the canvas usable with the simulator and the inspector open', async () => {
    const { page } = app;
    const first = (await nodeIds(page))[0]!;
    await canvas(page).locator(`.react-flow__node[data-id="${first}"]`).click();
    await page
      .getByRole('toolbar', { name: 'Designer' })
      .getByRole('button', { name: 'Simulate' })
      .click();
    await page.getByRole('region', { name: 'Simulator' }).waitFor();
    await page.getByRole('region', { name: 'Inspector' }).waitFor();
    // 470 px before: now the palette gives way, by itself.
    expect(await width(canvas(page))).toBeGreaterThanOrEqual(520);
    await expect.poll(() => page.getByRole('button', { name: 'Show the palette' }).count()).toBe(1);
    await screenshot(page, 'panels-1440-simulating');
    await expectNoSeriousViolations(page, 'the panels with one hidden', { include: '.tl-side' });

    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => width(canvas(page))).toBeGreaterThanOrEqual(520);
    await screenshot(page, 'panels-1280-simulating');

    // The user shows the palette again: it stays, and the inspector gives way instead.
    await page.getByRole('button', { name: 'Show the palette' }).click();
    await page.getByRole('region', { name: 'Palette' }).waitFor();
    await expect.poll(() => width(canvas(page))).toBeGreaterThanOrEqual(520);
    await expect
      .poll(() => page.getByRole('button', { name: 'Show the inspector' }).isVisible())
      .toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('button', { name: 'Hide the palette' })
          .evaluate((b) => b === document.activeElement),
      )
      .toBe(true);
    // Hide it again (which leaves no exemption), and close the simulator.
    await page.getByRole('button', { name: 'Hide the palette' }).click();
    await page
      .getByRole('toolbar', { name: 'Designer' })
      .getByRole('button', { name: 'Simulate' })
      .click();
    await page.getByRole('region', { name: 'Simulator' }).waitFor({ state: 'detached' });
  });

  it('resizes with the keyboard and the mouse, hides, and remembers both after a reload', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Show the palette' }).click();
    const inspectorHandle = separator(page, 'Inspector width');
    await inspectorHandle.focus();
    const start = await valueNow(inspectorHandle);
    const panel = page.getByRole('region', { name: 'Inspector' });
    // The handle is on the inspector's left: Left widens it, Shift moves four steps.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await valueNow(inspectorHandle)).toBe(start + 32);
    await page.keyboard.press('Shift+ArrowRight');
    expect(await valueNow(inspectorHandle)).toBe(start + 32 - 64);
    await page.keyboard.press('End');
    expect(await valueNow(inspectorHandle)).toBe(640);
    await page.keyboard.press('Home');
    expect(await valueNow(inspectorHandle)).toBe(260);
    expect(Math.round(await width(panel))).toBe(260);

    // Drag the palette's handle 80 px to the right.
    const paletteHandle = separator(page, 'Palette width');
    const before = await valueNow(paletteHandle);
    const box = (await paletteHandle.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + 200;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 40, y, { steps: 4 });
    await page.mouse.move(x + 80, y, { steps: 4 });
    await page.mouse.up();
    expect(await valueNow(paletteHandle)).toBe(before + 80);
    await screenshot(page, 'panels-resized');
    await expectNoSeriousViolations(page, 'the resize handles', { include: '.tl-side' });

    // Enter on the handle hides the inspector; focus moves to the button that shows it.
    await inspectorHandle.focus();
    await page.keyboard.press('Enter');
    const show = page.getByRole('button', { name: 'Show the inspector' });
    await expect.poll(() => show.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.isVisible()).toBe(false);

    await page.reload();
    await canvas(page).waitFor({ timeout: 60_000 });
    await show.waitFor();
    expect(await panel.isVisible()).toBe(false);
    expect(await valueNow(separator(page, 'Palette width'))).toBe(before + 80);
    // "Edit in the inspector" shows the hidden inspector, with focus in its first field.
    await focusNode(page, 'n-start');
    await canvas(page).locator('.react-flow__node[data-id="n-start"]').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Edit in the inspector' }).click();
    await panel.waitFor();
    await expect.poll(() => panel.evaluate((p) => p.contains(document.activeElement))).toBe(true);
    expect(await valueNow(separator(page, 'Inspector width'))).toBe(260);
    await screenshot(page, 'panels-after-reload');
  });
});

describe('menus and views that fit', () => {
  it('keeps the node-type menu inside the window, low on the canvas, and arrow keys move in it', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 640 });
    // The start node, centred at full size; its output dragged down to 30 px above the bottom.
    await focusNode(page, 'n-start');
    const from = (await handle(page, 'n-start', 'out').boundingBox())!;
    const canvasBox = (await canvas(page).boundingBox())!;
    const dropY = canvasBox.y + canvasBox.height - 30;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 120, dropY, { steps: 10 });
    await page.mouse.up();
    const menu = page.getByRole('menu', { name: 'Add a connected node' });
    await menu.waitFor();
    const menuBox = (await menu.boundingBox())!;
    expect(menuBox.y).toBeGreaterThanOrEqual(0);
    expect(menuBox.y + menuBox.height).toBeLessThanOrEqual(640);
    await screenshot(page, 'connect-menu-low');

    const items = menu.getByRole('menuitem');
    const names = await items.allTextContents();
    const focusedName = () =>
      page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    expect(await focusedName()).toBe(names[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedName()).toBe(names[1]);
    await page.keyboard.press('End');
    expect(await focusedName()).toBe(names.at(-1));
    // Every item can be clicked: the last ones are inside the window (or scroll into it).
    await items.last().scrollIntoViewIfNeeded();
    const last = (await items.last().boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(640);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
  });

  it('fits the view with no node under the minimap', async () => {
    const { page } = app;
    for (const size of [
      { width: 1280, height: 640 },
      { width: 1440, height: 900 },
      { width: 1000, height: 900 },
    ]) {
      await page.setViewportSize(size);
      await page.getByRole('button', { name: 'Fit view', exact: true }).click();
      await settleView(page);
      const map = (await page.locator('.react-flow__minimap').boundingBox())!;
      const overlaps = await canvas(page)
        .locator('.react-flow__node')
        .evaluateAll(
          (nodes, m) =>
            nodes.filter((n) => {
              const r = n.getBoundingClientRect();
              return (
                r.right > m.x && r.left < m.x + m.width && r.bottom > m.y && r.top < m.y + m.height
              );
            }).length,
          map,
        );
      expect(overlaps, `at ${size.width}×${size.height}`).toBe(0);
    }
    await screenshot(page, 'fit-view-minimap');
  });
});
