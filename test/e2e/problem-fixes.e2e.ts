// Issue 18, item 6: one-click fixes from the Problems panel: declare the missing variable with
// the type its use implies; jump into the field that is too long.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './axe';
import { canvas, inspector } from './designer-helpers';
import { startHarness, type Harness } from './harness';

const FLOW = {
  format: 'threadline.flow',
  version: 1,
  id: 'fixes',
  name: 'Fixes',
  variables: [],
  nodes: [
    { id: 'n-start', type: 'trigger', position: { x: 0, y: 0 }, data: { kind: 'get_started' } },
    {
      id: 'n-ask',
      type: 'input',
      position: { x: 300, y: 0 },
      data: { prompt: 'Your email?', kind: 'email', variable: 'mail' },
    },
    {
      id: 'n-menu',
      type: 'message',
      position: { x: 650, y: 0 },
      data: {
        blocks: [{ type: 'text', text: 'Thanks {{mail}}' }],
        quickReplies: [{ id: 'r1', title: 'A quick reply title far too long for Messenger' }],
      },
    },
  ],
  edges: [
    { id: 'e-1', source: 'n-start', sourceHandle: 'out', target: 'n-ask' },
    { id: 'e-2', source: 'n-ask', sourceHandle: 'ok', target: 'n-menu' },
  ],
};

describe('one-click fixes in the Problems panel', () => {
  let app: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-fixes-'));
    const file = join(dir, 'fixes.flow.json');
    await writeFile(file, JSON.stringify(FLOW, null, 2));
    app = await startHarness({ initialPath: file });
    await canvas(app.page).locator('[data-node-id="n-ask"]').waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('declares the missing variable with the type its question implies', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Problems' });
    await panel.getByRole('button', { name: /^▸ Problems/ }).click();
    const declare = panel.getByRole('button', { name: 'Declare mail (Email address)' }).first();
    await declare.waitFor();
    await expectNoSeriousViolations(page, 'the Problems panel with fixes', {
      include: '.tl-problems',
    });
    await mkdir(resolve('test-results'), { recursive: true });
    await page.screenshot({ path: resolve('test-results/problem-fixes.png') });
    await declare.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('button', { name: /^Declare mail/ }).count()).toBe(0);
    // Linted again, neither use of the variable is a problem any more.
    await expect.poll(() => panel.textContent()).not.toContain('no variable "mail"');
    // Nothing selected: the flow settings list the variable, as an email address.
    await canvas(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 20, y: 20 } });
    const settings = inspector(page);
    await expect
      .poll(() => settings.locator('[data-field="variables.0.name"]').inputValue())
      .toBe('mail');
    expect(await settings.locator('[data-field="variables.0.type"]').inputValue()).toBe('email');
    // One undo step takes it back.
    await page.keyboard.press('Control+z');
    await panel.getByRole('button', { name: 'Declare mail (Email address)' }).first().waitFor();
  });

  it('opens the field that is too long', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Problems' });
    await panel.getByRole('button', { name: 'Edit the field' }).click();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
      .toBe('A quick reply title far too long for Messenger');
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('[aria-label="Inspector"]') !== null,
      ),
    ).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
