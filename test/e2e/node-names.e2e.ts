// Issue 18, item 2: nodes have names. A node is called by its name (else a summary of its content)
// wherever it is listed, and three cards' "Buy" buttons tell apart on their handles.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvas, inspector } from './designer-helpers';
import { startHarness, type Harness } from './harness';

const shots = resolve('test-results');

const card = (id: string, title: string) => ({
  id,
  title,
  subtitle: 'In stock',
  buttons: [{ id: `buy-${id}`, type: 'postback', title: 'Buy' }],
});

const FLOW = {
  format: 'threadline.flow',
  version: 1,
  id: 'names',
  name: 'Names',
  variables: [],
  nodes: [
    { id: 'n-start', type: 'trigger', position: { x: 0, y: 0 }, data: { kind: 'get_started' } },
    {
      id: 'n-2emhgb',
      type: 'message',
      position: { x: 300, y: 0 },
      data: {
        blocks: [
          {
            type: 'cards',
            cards: [card('shoes', 'Shoes'), card('hats', 'Hats'), card('socks', 'Socks')],
          },
        ],
      },
    },
    { id: 'n-jump', type: 'goto', position: { x: 700, y: 0 }, data: { target: '' } },
  ],
  edges: [{ id: 'e-1', source: 'n-start', sourceHandle: 'out', target: 'n-2emhgb' }],
};

describe('node names', () => {
  let app: Harness;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-names-'));
    file = join(dir, 'names.flow.json');
    await writeFile(file, JSON.stringify(FLOW, null, 2));
    app = await startHarness({ initialPath: file });
    await canvas(app.page).locator('[data-node-id="n-2emhgb"]').waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('labels the handles of card buttons with their card', async () => {
    const node = canvas(app.page).locator('[data-node-id="n-2emhgb"]');
    for (const title of ['Shoes', 'Hats', 'Socks'])
      await node.getByRole('button', { name: `Output: ${title} › Buy`, exact: true }).waitFor();
    expect(await node.locator('.tl-output-label').allTextContents()).toEqual([
      'Next',
      'Shoes › Buy',
      'Hats › Buy',
      'Socks › Buy',
    ]);
  });

  it('lists a node by its summary, then by the name typed in the inspector', async () => {
    const page = app.page;
    await canvas(page).locator('[data-node-id="n-jump"]').click();
    const target = inspector(page).getByRole('combobox', { name: 'Jump to' });
    // Without a name: a summary of the content (the card titles), not the id.
    expect(await target.locator('option').allTextContents()).toContain(
      'Message: Shoes · Hats · Socks',
    );

    await canvas(page).locator('[data-node-id="n-2emhgb"]').click();
    const name = inspector(page).getByRole('textbox', { name: 'Name', exact: true });
    expect(await name.getAttribute('placeholder')).toBe('Shoes · Hats · Socks');
    await name.fill('Product gallery');
    await expect
      .poll(() => canvas(page).locator('[data-node-id="n-2emhgb"] .tl-node-name').textContent())
      .toBe('Product gallery');
    await shot(page, 'node-names-inspector');

    await canvas(page).locator('[data-node-id="n-jump"]').click();
    await target.selectOption({ label: 'Message: Product gallery' });
    await expect
      .poll(() => canvas(page).locator('[data-node-id="n-jump"] .tl-node-title').textContent())
      .toBe('→ Product gallery');

    // Search finds the node by its name and shows it.
    await page.getByRole('searchbox', { name: 'Search nodes' }).fill('gallery');
    const hit = page.getByRole('option', { name: 'Message Product gallery' });
    await hit.waitFor();
    await shot(page, 'node-names-search');
    await page.keyboard.press('Escape');

    // Saved, the name is in the file, and the target stays an id.
    await page.keyboard.press('Control+s');
    await expect
      .poll(async () => JSON.parse(await readFile(file, 'utf8')).nodes[1].name)
      .toBe('Product gallery');
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.nodes[2].data.target).toBe('n-2emhgb');
    expect(app.errors).toEqual([]);
  });

  it('clears the name when the field is emptied, back to the summary', async () => {
    const page = app.page;
    await canvas(page).locator('[data-node-id="n-2emhgb"]').click();
    const name = inspector(page).getByRole('textbox', { name: 'Name', exact: true });
    await name.fill('');
    await expect
      .poll(() => canvas(page).locator('[data-node-id="n-jump"] .tl-node-title').textContent())
      .toBe('→ Shoes · Hats · Socks');
    expect(await canvas(page).locator('[data-node-id="n-2emhgb"] .tl-node-name').count()).toBe(0);
  });
});

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}
