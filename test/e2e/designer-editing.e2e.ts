// Issue 5: editing on the canvas and in the inspector is undoable in sensible steps, problems
// lead to their field, and the keyboard reaches every command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canvas,
  chooseEmptyTemplate,
  inspector,
  nodeIds,
  paletteButton,
  selectedNodeId,
  settleView,
} from './designer-helpers';
import { startHarness, type Harness } from './harness';

describe('editing in the designer', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startHarness();
    await canvas(app.page).locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.close();
  });

  const edgeCount = () => canvas(app.page).locator('.react-flow__edge').count();
  const menuText = () =>
    canvas(app.page).locator('[data-node-id="n-hours"] .tl-bubble-text').textContent();

  it('undoes typing in one step per burst, not per letter, and redoes it', async () => {
    const page = app.page;
    await canvas(page).locator('[data-node-id="n-hours"]').click();
    const text = inspector(page).getByLabel('Text', { exact: true });
    await text.fill('');
    await page.waitForTimeout(1200);
    await text.pressSequentially('Open every day', { delay: 30 });
    await page.waitForTimeout(1200);
    await text.pressSequentially(' from 9', { delay: 30 });
    await expect.poll(menuText).toBe('Open every day from 9');
    await page.keyboard.press('Control+z');
    await expect.poll(() => text.inputValue()).toBe('Open every day');
    await page.keyboard.press('Control+z');
    await expect.poll(() => text.inputValue()).toBe('');
    await page.keyboard.press('Control+z');
    await expect.poll(menuText).toContain("We're open Monday to Saturday");
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(menuText).toBe('Open every day');
  });

  it('undoes a multi-node drag in one step', async () => {
    const page = app.page;
    const a = canvas(page).locator('.react-flow__node[data-id="n-start"]');
    const b = canvas(page).locator('.react-flow__node[data-id="n-menu-keyword"]');
    await a.click();
    await b.click({ modifiers: ['Control'] });
    const before = await a.boundingBox();
    const box = (await b.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 15);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 40 + i * 12, box.y + 15 + i * 6);
    // Mid-drag the nodes follow the pointer (the moves only reach the document at the drop).
    await expect.poll(async () => (await a.boundingBox())!.x).toBeGreaterThan(before!.x + 60);
    await page.mouse.up();
    // Dropped, they stay put when the canvas draws the document again (a new selection).
    await a.click();
    await expect.poll(async () => (await a.boundingBox())!.x).toBeGreaterThan(before!.x + 60);
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => Math.round((await a.boundingBox())!.x))
      .toBe(Math.round(before!.x));
  });

  it('deletes, undoes and duplicates with fresh ids', async () => {
    const page = app.page;
    const edges = await edgeCount();
    await canvas(page).locator('.react-flow__node[data-id="n-menu"]').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeIds(page)).not.toContain('n-menu');
    expect(await edgeCount()).toBeLessThan(edges);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeIds(page)).toContain('n-menu');
    await expect.poll(edgeCount).toBe(edges);

    await canvas(page).locator('.react-flow__node[data-id="n-menu"]').click();
    await page.keyboard.press('Control+d');
    await expect.poll(async () => (await nodeIds(page)).length).toBe(11);
    const copy = await selectedNodeId(page);
    expect(copy).not.toBe('n-menu');
    await expect
      .poll(() => canvas(page).locator(`[data-node-id="${copy}"] .tl-bubble-text`).textContent())
      .toContain('What can we do for you today?');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await nodeIds(page)).length).toBe(10);
  });

  it('adds a node from the palette as one undo step, and the help lists the shortcuts', async () => {
    const page = app.page;
    await canvas(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
    await paletteButton(page, 'Delay').click();
    await expect.poll(async () => (await nodeIds(page)).length).toBe(11);
    await expect.poll(() => inspector(page).getByLabel('Wait for').inputValue()).toBe('1h');
    await inspector(page).getByLabel('Wait for').fill('1h 30m');
    const delay = await selectedNodeId(page);
    await expect
      .poll(() => canvas(page).locator(`[data-node-id="${delay}"] .tl-node-title`).textContent())
      .toBe('wait 1h 30m');
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => help.getByText('Undo', { exact: true }).count()).toBe(1);
    await expect.poll(() => help.getByText('Ctrl+Z', { exact: true }).count()).toBe(1);
    await help.getByRole('button', { name: 'Close' }).click();
  });

  it('shows lint problems live, and a click on one focuses its field', async () => {
    const page = app.page;
    await canvas(page).locator('[data-node-id="n-hours"]').click();
    await inspector(page).getByLabel('Text', { exact: true }).fill('');
    const problems = page.getByRole('region', { name: 'Problems' });
    await problems.getByRole('button', { name: /Problems/ }).click();
    const entry = problems.getByRole('button', { name: /n-hours/ }).first();
    await entry.waitFor();
    await canvas(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
    await entry.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field')))
      .toBe('data.blocks.0.text');
    await expect
      .poll(() => canvas(page).locator('[data-node-id="n-hours"] .tl-badge').count())
      .toBe(1);
    await page.screenshot({ path: 'test-results/designer-problems.png' });
    expect(app.errors).toEqual([]);
  });

  it('copies nodes into another flow through the clipboard, after asking to discard edits', async () => {
    const page = app.page;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await canvas(page).locator('.react-flow__node[data-id="n-menu"]').click();
    await page.keyboard.press('Control+c');
    await page.getByRole('button', { name: 'New flow' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
    await ask.getByRole('button', { name: 'Discard changes' }).click();
    await chooseEmptyTemplate(page);
    await expect.poll(() => nodeIds(page)).toEqual([]);
    await canvas(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+v');
    await expect.poll(async () => (await nodeIds(page)).length).toBe(1);
    const [pasted] = await nodeIds(page);
    expect(pasted).not.toBe('n-menu');
    await expect
      .poll(() => canvas(page).locator(`[data-node-id="${pasted}"] .tl-bubble-text`).textContent())
      .toContain('What can we do for you today?');
  });

  it('drops a palette entry where it is dragged on the canvas', async () => {
    const page = app.page;
    const before = await nodeIds(page);
    const pane = canvas(page).locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    await settleView(page); // a drop maps the pointer through the view of that moment
    await paletteButton(page, 'Handover').dragTo(pane, {
      targetPosition: { x: box.width / 2, y: 80 },
    });
    await expect.poll(async () => (await nodeIds(page)).length).toBe(before.length + 1);
    const added = (await nodeIds(page)).find((id) => !before.includes(id))!;
    const node = (await canvas(page)
      .locator(`.react-flow__node[data-id="${added}"]`)
      .boundingBox())!;
    // Placed under the pointer (the node's middle top part), not at some default spot.
    expect(Math.abs(node.x + node.width / 2 - (box.x + box.width / 2))).toBeLessThan(node.width);
    expect(Math.abs(node.y - (box.y + 80))).toBeLessThan(80);
    expect(
      await canvas(page).locator(`[data-node-id="${added}"]`).getAttribute('data-node-type'),
    ).toBe('handover');
  });
});
