// Issue 18, item 6: "New flow" offers templates (the examples and an empty flow, with a preview),
// and an empty canvas says how to start.
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './axe';
import { canvas, nodeIds } from './designer-helpers';
import { startHarness, type Harness } from './harness';

const shots = resolve('test-results');

describe('templates and the empty canvas', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startHarness();
    await canvas(app.page).locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates a flow from a template chosen with the keyboard, after a preview', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'New flow' }).click();
    const dialog = page.getByRole('dialog', { name: 'New flow' });
    const list = dialog.getByRole('listbox', { name: 'Templates' });
    await list.waitFor();
    await expect.poll(() => list.evaluate((el) => el === document.activeElement)).toBe(true);
    const options = list.getByRole('option');
    expect(await options.count()).toBe(5);
    expect(await list.getByRole('option', { selected: true }).textContent()).toContain(
      'Empty flow',
    );
    const preview = dialog.getByRole('region', { name: 'Preview' });
    expect(await preview.textContent()).toContain('A blank canvas');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await list.getByRole('option', { selected: true }).textContent()).toContain(
      'Free running guide: lead capture',
    );
    const text = await preview.textContent();
    expect(text).toContain('Offers a free guide');
    const example = JSON.parse(
      await readFile(resolve('flows/examples/lead-capture.flow.json'), 'utf8'),
    ) as { nodes: unknown[] };
    expect(text).toContain(`${example.nodes.length} nodes`);
    // The nodes are listed by their display names, not their ids.
    expect(text).not.toMatch(/\bn-[a-z]/);
    await preview.getByRole('img', { name: 'Map of the flow' }).waitFor();
    expect(await preview.locator('.tl-flow-map rect').count()).toBe(example.nodes.length);
    await shot(page, 'templates-dialog');
    await expectNoSeriousViolations(page, 'the templates dialog', { include: '.tl-templates' });

    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(async () => (await nodeIds(page)).length).toBe(example.nodes.length);
    expect(await page.title()).toContain('Untitled');
    expect(app.errors).toEqual([]);
  });

  it('changes nothing when cancelled with Escape', async () => {
    const page = app.page;
    const before = (await nodeIds(page)).sort();
    await page.getByRole('button', { name: 'New flow' }).click();
    const dialog = page.getByRole('dialog', { name: 'New flow' });
    await dialog.waitFor();
    await page.keyboard.press('End');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await nodeIds(page)).sort()).toEqual(before);
  });

  it('says on an empty canvas how to start, and adds a trigger or opens the templates', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'New flow' }).click();
    await page
      .getByRole('dialog', { name: 'New flow' })
      .getByRole('button', { name: 'Create' })
      .click();
    await expect.poll(() => nodeIds(page)).toEqual([]);
    const hint = canvas(page).getByRole('region', { name: 'How to start' });
    await hint.waitFor();
    expect(await hint.textContent()).toContain('Every conversation begins at a trigger');
    await shot(page, 'templates-empty-canvas');
    await expectNoSeriousViolations(page, 'the empty canvas hint', { include: '.tl-empty-canvas' });

    await hint.getByRole('button', { name: 'Add a trigger' }).click();
    await expect.poll(async () => (await nodeIds(page)).length).toBe(1);
    expect(
      await canvas(page).locator('.react-flow__node').first().getAttribute('data-id'),
    ).toBeTruthy();
    expect(await canvas(page).locator('[data-node-type="trigger"]').count()).toBe(1);
    await expect.poll(() => hint.count()).toBe(0);

    // Undone, the canvas is empty again and the hint offers the templates (the keyboard reaches
    // its buttons too).
    await page.keyboard.press('Control+z');
    await hint.waitFor();
    await hint.getByRole('button', { name: 'Start from a template' }).focus();
    await page.keyboard.press('Enter');
    const ask = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
    if (await ask.count()) await ask.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('dialog', { name: 'New flow' }).waitFor();
    await page.keyboard.press('Escape');
    expect(app.errors).toEqual([]);
  });
});

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}
