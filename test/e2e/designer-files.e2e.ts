// Issue 5: opening a broken or newer file shows what is wrong and where and changes nothing;
// unsaved edits survive a crash through recovery snapshots.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import welcome from '../../flows/examples/welcome.flow.json';
import { canvas, chooseEmptyTemplate, inspector, nodeIds } from './designer-helpers';
import { startHarness, type Harness } from './harness';

describe('files in the designer', () => {
  let app: Harness;
  let dir: string;
  let answer = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-files-'));
    app = await startHarness();
    app.page.on('dialog', (dialog) => void dialog.accept(answer));
    await canvas(app.page).locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function openAndExpectNotice(path: string, expected: RegExp) {
    const page = app.page;
    const before = await nodeIds(page);
    answer = path;
    await page.keyboard.press('Control+o');
    const notice = page.getByRole('alertdialog');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(expected);
    await page.screenshot({ path: `test-results/designer-open-${path.split('/').pop()}.png` });
    await notice.getByRole('button', { name: 'OK' }).click();
    expect(await nodeIds(page)).toEqual(before);
    expect(await page.title()).toBe('Untitled — Threadline');
  }

  it('shows the line and column of a JSON syntax error and keeps the open flow', async () => {
    const path = join(dir, 'broken.flow.json');
    await writeFile(
      path,
      '{\n  "format": "threadline.flow",\n  "version": 1,\n  "id": "x"\n  "name": "y"\n}\n',
    );
    await openAndExpectNotice(path, /broken\.flow\.json: line 5, column 3/);
  });

  it('names the field of a schema error', async () => {
    const path = join(dir, 'bad-node.flow.json');
    const doc = structuredClone(welcome) as { nodes: { data: Record<string, unknown> }[] };
    doc.nodes[4]!.data['blocks'] = 'hello';
    await writeFile(path, JSON.stringify(doc));
    await openAndExpectNotice(path, /nodes\[4\]\.data\.blocks/);
  });

  it('refuses a file from a newer version of Threadline', async () => {
    const path = join(dir, 'future.flow.json');
    await writeFile(path, JSON.stringify({ ...welcome, version: 99 }));
    await openAndExpectNotice(path, /newer Threadline \(format version 99\)/);
  });

  it('lists saved files under Open recent and opens them from there', async () => {
    const page = app.page;
    const path = join(dir, 'recent.flow.json');
    answer = path;
    await page.keyboard.press('Control+Shift+s');
    await expect.poll(() => page.title()).toBe('recent.flow.json — Threadline');
    await page.getByRole('button', { name: 'New flow' }).click();
    await chooseEmptyTemplate(page);
    await expect.poll(() => nodeIds(page)).toEqual([]);
    await page.getByRole('button', { name: 'Open recent' }).click();
    await page
      .getByRole('menu', { name: 'Recent files' })
      .getByRole('menuitem', { name: /recent\.flow\.json/ })
      .click();
    await expect.poll(() => page.title()).toBe('recent.flow.json — Threadline');
    await expect.poll(async () => (await nodeIds(page)).length).toBe(welcome.nodes.length);
  });

  it('offers to restore unsaved edits after a crash', async () => {
    const page = app.page;
    await canvas(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
    await inspector(page).getByLabel('Name', { exact: true }).fill('Edited before the crash');
    // Snapshots are taken every few seconds; wait for one, then "crash" (no save, no unload).
    await page.waitForTimeout(4500);
    await page.close({ runBeforeUnload: false });

    const next = await app.browser.contexts()[0]!.newPage();
    await next.goto(app.url);
    const offer = next.getByRole('alertdialog', { name: 'Restore unsaved changes?' });
    await offer.waitFor({ timeout: 60_000 });
    await offer.getByRole('button', { name: 'Restore' }).click();
    await expect
      .poll(() => inspector(next).getByLabel('Name', { exact: true }).inputValue())
      .toBe('Edited before the crash');
    await expect.poll(() => next.getByText('● Unsaved').count()).toBe(1);
    await expect.poll(() => nodeIds(next).then((ids) => ids.length)).toBe(welcome.nodes.length);
    expect(app.errors).toEqual([]);
  });
});
