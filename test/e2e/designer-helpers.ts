// Small helpers for the designer's end-to-end tests: find nodes and handles on the canvas, drag
// edges with the mouse, and wait for the document to settle.
import type { Locator, Page } from 'playwright-core';
import { inAnyLanguage } from './ui-text';

// The regions and the search are found by their English or German names, so the helpers work in
// either UI language.
const CANVAS = inAnyLanguage((t) => t.app.canvas);
const INSPECTOR = inAnyLanguage((t) => t.inspector.label);
const PALETTE = inAnyLanguage((t) => t.palette.label);
const SEARCH = inAnyLanguage((t) => t.toolbar.searchLabel);
const SEARCH_RESULTS = inAnyLanguage((t) => t.toolbar.searchResults);

export function canvas(page: Page): Locator {
  return page.getByRole('region', { name: CANVAS });
}

export function inspector(page: Page): Locator {
  return page.getByRole('region', { name: INSPECTOR });
}

export function paletteButton(page: Page, name: string): Locator {
  return page.getByRole('region', { name: PALETTE }).getByRole('button', { name, exact: true });
}

export function nodeIds(page: Page): Promise<string[]> {
  return canvas(page)
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
}

export function handle(page: Page, nodeId: string, handleId: string): Locator {
  return canvas(page).locator(
    `.react-flow__node[data-id="${nodeId}"] .react-flow__handle[data-handleid="${handleId}"]`,
  );
}

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags from one handle to another with the mouse, as a user connects two nodes. */
export async function connectHandles(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await centreOf(from);
  const b = await centreOf(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 6 });
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
}

/** Drags an edge out of a handle and drops it on empty canvas, `dx`/`dy` away. */
export async function dropEdgeOnCanvas(
  page: Page,
  from: Locator,
  dx: number,
  dy: number,
): Promise<void> {
  const a = await centreOf(from);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + dx, a.y + dy, { steps: 10 });
  await page.mouse.up();
}

/** The node added last (the palette selects what it adds). */
export async function selectedNodeId(page: Page): Promise<string> {
  const id = await canvas(page)
    .locator('.react-flow__node.selected')
    .first()
    .getAttribute('data-id');
  if (!id) throw new Error('no node is selected');
  return id;
}

/**
 * Waits for the node just added (every way of adding selects the new node and brings it into
 * view) and returns its id. It reads the selection, not the list of drawn nodes: the canvas draws
 * only what is on screen, so nodes that scroll into view are not new.
 */
export async function waitForNewNode(page: Page, before: readonly string[]): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const selected = await canvas(page)
      .locator('.react-flow__node.selected')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
    const added = selected.filter((id) => id && !before.includes(id));
    if (added.length === 1) return added[0]!;
    if (added.length > 1) throw new Error(`expected one new node, found ${added.length}`);
    await page.waitForTimeout(100);
  }
  throw new Error('no new node appeared');
}

/** Finds a node with the toolbar search (by id), which selects it and centres the view on it. */
export async function focusNode(page: Page, id: string): Promise<void> {
  const search = page.getByRole('searchbox', { name: SEARCH });
  await search.fill(id);
  await page.getByRole('listbox', { name: SEARCH_RESULTS }).getByRole('option').first().waitFor();
  await search.press('Enter');
  // Centring animates; a handle's position is only final once the view stops moving.
  await settleView(page);
}

/**
 * The flow's edges as drawn once the whole flow is in view. The canvas draws only what is on
 * screen (onlyRenderVisibleElements), and adding or centring a node moves the view, so counting
 * edges in the DOM without fitting first counts what happens to be visible.
 */
export async function edgeCount(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await settleView(page);
  return canvas(page).locator('.react-flow__edge').count();
}

/** Waits until the canvas view stops moving (fit and centre animate for a few hundred ms). */
export async function settleView(page: Page): Promise<void> {
  const transform = () => page.locator('.react-flow__viewport').first().getAttribute('style');
  let last = await transform();
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(150);
    const now = await transform();
    if (now === last) return;
    last = now;
  }
}

/**
 * Waits until no CSS transition or finite animation is running (hover and focus colours, panels
 * sliding), so that what axe or a screenshot reads is the final look. Endless animations (the
 * typing dots, a spinner) are not waited for.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const finite = document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/**
 * After "New flow": the templates dialog opens with the empty flow chosen and the list focused;
 * Enter creates it. Works in any language (the dialog is found by its list).
 */
export async function chooseEmptyTemplate(page: Page): Promise<void> {
  const list = page.getByRole('dialog').getByRole('listbox');
  await list.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'listbox');
  await page.keyboard.press('Enter');
  await list.waitFor({ state: 'detached' });
}
