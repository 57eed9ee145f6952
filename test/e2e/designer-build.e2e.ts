// Issue 5: a marketer builds a lead-capture flow from an empty canvas with mouse and keyboard,
// saves it, reopens it, and gets the same file back.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlowDocument, type FlowDocument } from '../../flows';
import {
  canvas,
  chooseEmptyTemplate,
  connectHandles,
  dropEdgeOnCanvas,
  edgeCount,
  focusNode,
  handle,
  inspector,
  nodeIds,
  paletteButton,
  selectedNodeId,
  settleView,
  waitForNewNode,
} from './designer-helpers';
import { startHarness, type Harness } from './harness';

describe('building a flow in the designer', () => {
  let app: Harness;
  let dir: string;
  let answer = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'threadline-designer-'));
    app = await startHarness();
    // Browser mode asks for file paths with prompt(); the test answers like a user would.
    app.page.on('dialog', (dialog) => void dialog.accept(answer));
    await canvas(app.page).locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('builds the lead-capture flow from an empty canvas, saves and reopens it unchanged', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'New flow' }).click();
    await chooseEmptyTemplate(page);
    await expect.poll(() => nodeIds(page)).toEqual([]);

    // Flow settings (nothing selected): name, id and the email variable.
    const settings = inspector(page);
    await settings.getByLabel('Name', { exact: true }).fill('Lead capture');
    await settings.getByLabel('Flow id').fill('lead-capture');
    await settings.getByRole('button', { name: '+ Add variable' }).click();
    await settings.getByLabel('Name', { exact: true }).nth(1).fill('email');
    await settings.getByLabel('Type').selectOption('email');
    // National phone answers are read as German numbers.
    const locale = settings.getByLabel('Default locale');
    await locale.selectOption('de-DE');
    await expect
      .poll(() =>
        locale
          .getAttribute('aria-describedby')
          .then((id) => page.locator(`[id="${id}"]`).textContent()),
      )
      .toContain('without a country code');

    // A Get Started trigger.
    await paletteButton(page, 'Trigger').click();
    const trigger = await selectedNodeId(page);
    await inspector(page).getByLabel('Starts when').selectOption('get_started');

    // The welcome message with two quick replies, placed next to the trigger.
    await paletteButton(page, 'Message').click();
    const welcome = await selectedNodeId(page);
    expect(welcome).not.toBe(trigger);
    await inspector(page)
      .getByLabel('Text', { exact: true })
      .fill('Hi {{user_first_name|there}}! Want our newsletter?');
    await inspector(page).getByRole('button', { name: '+ Add quick reply' }).click();
    await inspector(page).getByRole('button', { name: '+ Add quick reply' }).click();
    const titles = inspector(page).getByLabel('Title');
    await titles.nth(0).fill('Yes please');
    await titles.nth(1).fill('No thanks');
    await connectHandles(page, handle(page, trigger, 'out'), handle(page, welcome, 'in'));
    await expect.poll(() => edgeCount(page)).toBe(1);

    // Drop an edge from "Yes please" on empty canvas and pick Question: created and connected.
    const replyHandles = canvas(page).locator(
      `.react-flow__node[data-id="${welcome}"] .react-flow__handle[data-handleid^="reply:"]`,
    );
    const before = await nodeIds(page);
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await settleView(page);
    await dropEdgeOnCanvas(page, replyHandles.nth(0), 160, 40);
    await page.getByRole('menuitem', { name: 'Question' }).click();
    const question = await waitForNewNode(page, before);
    await expect.poll(() => edgeCount(page)).toBe(2);
    await inspector(page)
      .getByLabel('Question', { exact: true })
      .fill("What's your email address?");
    await inspector(page).getByLabel('Expects').selectOption('email');
    await inspector(page).getByLabel('Save the answer in').fill('email');

    // Thanks message after a valid answer, then End; "No thanks" ends right away.
    await focusNode(page, question);
    const beforeThanks = await nodeIds(page);
    await dropEdgeOnCanvas(page, handle(page, question, 'ok'), 140, -140);
    await page.getByRole('menuitem', { name: 'Message' }).click();
    const thanks = await waitForNewNode(page, beforeThanks);
    await inspector(page)
      .getByLabel('Text', { exact: true })
      .fill('Thanks! Check your inbox, {{email}}.');
    await focusNode(page, thanks);
    const beforeEnd = await nodeIds(page);
    await dropEdgeOnCanvas(page, handle(page, thanks, 'next'), 140, -140);
    await page.getByRole('menuitem', { name: 'End' }).click();
    const end = await waitForNewNode(page, beforeEnd);
    // "No thanks" gets its own End, dropped beside the welcome message.
    await focusNode(page, welcome);
    const beforeNoEnd = await nodeIds(page);
    await dropEdgeOnCanvas(page, replyHandles.nth(1), 140, 120);
    await page.getByRole('menuitem', { name: 'End' }).click();
    const noEnd = await waitForNewNode(page, beforeNoEnd);
    // Tidy up with auto-layout (ELK in a worker).
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await expect
      // ELK runs in a worker; on a busy machine it takes longer than the default 5 s.
      .poll(() => page.getByRole('button', { name: 'Auto-layout' }).isEnabled(), {
        timeout: 30_000,
      })
      .toBe(true);
    await expect.poll(() => edgeCount(page)).toBe(5);

    // Save with the keyboard (browser mode asks for the path).
    const path = join(dir, 'lead-capture.flow.json');
    answer = path;
    await page.keyboard.press('Escape');
    await canvas(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title()).toBe('lead-capture.flow.json — Threadline');
    await expect.poll(() => page.getByText('✓ Saved').count()).toBe(1);

    const text = await readFile(path, 'utf8');
    const parsed = parseFlowDocument(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const flow: FlowDocument = parsed.document;
    expect(text.endsWith('}\n')).toBe(true);
    expect(flow.id).toBe('lead-capture');
    expect(flow.variables).toEqual([{ name: 'email', type: 'email' }]);
    expect(flow.defaultLocale).toBe('de-DE');
    expect(flow.nodes.map((n) => n.type).sort()).toEqual([
      'end',
      'end',
      'input',
      'message',
      'message',
      'trigger',
    ]);
    const byHandle = Object.fromEntries(
      flow.edges.map((e) => [`${e.source}/${e.sourceHandle}`, e.target]),
    );
    const welcomeNode = flow.nodes.find((n) => n.id === welcome);
    if (welcomeNode?.type !== 'message') throw new Error('welcome message missing');
    const [yes, no] = welcomeNode.data.quickReplies ?? [];
    expect(byHandle).toEqual({
      [`${trigger}/out`]: welcome,
      [`${welcome}/reply:${yes?.id}`]: question,
      [`${welcome}/reply:${no?.id}`]: noEnd,
      [`${question}/ok`]: thanks,
      [`${thanks}/next`]: end,
    });
    expect(flow.nodes.find((n) => n.id === question)?.data).toMatchObject({
      prompt: "What's your email address?",
      kind: 'email',
      variable: 'email',
    });

    // Reopen: start from another flow, open the file, save it elsewhere: the same bytes.
    await page.getByRole('button', { name: 'New flow' }).click();
    await chooseEmptyTemplate(page);
    await expect.poll(() => nodeIds(page)).toEqual([]);
    answer = path;
    await page.getByRole('button', { name: 'Open…' }).click();
    await expect
      .poll(async () => (await nodeIds(page)).sort())
      .toEqual(flow.nodes.map((n) => n.id).sort());
    const copy = join(dir, 'copy.flow.json');
    answer = copy;
    await page.keyboard.press('Control+Shift+s');
    await expect.poll(() => readFile(copy, 'utf8').catch(() => '')).toBe(text);

    await page.screenshot({ path: 'test-results/designer-lead-capture.png' });
    expect(app.errors).toEqual([]);
  });
});
