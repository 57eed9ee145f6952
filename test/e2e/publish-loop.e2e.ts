// Issue 16: the loop after publishing. With the runtime and the Messenger sandbox on loopback, the
// designer publishes the lead-capture flow; sandbox users play through it and the stats overlay
// shows the counts they produced; the marketer publishes a version whose email question is a new
// node and moves the user waiting at the old one there, whose answer then lands at the new
// question; the Revisions panel compares the old revision with the draft and rolls back to it,
// and compares and opens a revision published over the admin API (fetched from the runtime).
// Screenshots go to test-results/; `THREADLINE_UPDATE_SCREENSHOT=1` also replaces
// docs/publish-loop.png, the README's picture of the loop (committed).
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFlow, parseFlowDocument, type CompiledFlow } from '../../flows';
import { SECRETS, startStack, type Stack } from '../../runtime/testing/stack';
import { expectNoSeriousViolations } from './axe';
import { startHarness, type Harness } from './harness';

const repo = new URL('../../', import.meta.url).pathname;
const shots = join(repo, 'test-results');
const EXAMPLE = join(repo, 'flows/examples/lead-capture.flow.json');

let stack: Stack;
let app: Harness;
let dir: string;
let v1: CompiledFlow;
let v2: CompiledFlow;
let v2Path: string;

beforeAll(async () => {
  stack = await startStack();
  dir = await mkdtemp(join(tmpdir(), 'threadline-loop-'));
  const path = join(dir, 'lead-capture.flow.json');
  await copyFile(EXAMPLE, path);
  v1 = compileFile(await readFile(path, 'utf8'), path);
  // The marketer's next version: the email question is a new node (n-email-2) that thanks the
  // user before going on as before; the old question n-email is gone.
  const doc = JSON.parse(await readFile(EXAMPLE, 'utf8'));
  const old = doc.nodes.find((n: { id: string }) => n.id === 'n-email');
  doc.nodes = doc.nodes.filter((n: { id: string }) => n.id !== 'n-email');
  doc.nodes.push(
    {
      ...old,
      id: 'n-email-2',
      name: 'Ask for the email',
      data: { ...old.data, prompt: 'Your email, please?' },
    },
    {
      id: 'n-email-thanks',
      type: 'message',
      position: { x: old.position.x + 300, y: old.position.y + 200 },
      data: { blocks: [{ type: 'text', text: 'Thanks, new question got {{email}}' }] },
    },
  );
  doc.edges = doc.edges.map((e: { source: string; target: string }) => ({
    ...e,
    source: e.source === 'n-email' ? 'n-email-2' : e.source,
    target: e.target === 'n-email' ? 'n-email-2' : e.target,
  }));
  for (const e of doc.edges)
    if (e.source === 'n-email-2' && e.sourceHandle === 'ok') e.target = 'n-email-thanks';
  doc.edges.push({
    id: 'e-thanks',
    source: 'n-email-thanks',
    sourceHandle: 'next',
    target: 'n-tag-lead',
  });
  v2Path = join(dir, 'lead-capture-v2.flow.json');
  await writeFile(v2Path, JSON.stringify(doc, null, 2));
  v2 = compileFile(await readFile(v2Path, 'utf8'), v2Path);
  app = await startHarness({ initialPath: path, viewport: { width: 1600, height: 960 } });
  await app.page.getByRole('region', { name: 'Canvas' }).waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await app?.close();
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('after publishing', () => {
  it('shows the counts sandbox users produce on the canvas', async () => {
    const page = app.page;
    const status = page.getByRole('contentinfo', { name: 'Status' });
    await connect(page, stack.runtime.url, SECRETS.adminToken);
    await expect.poll(() => status.textContent()).toContain('Draft: changes not published');
    await publishWithKeyboard(page);
    await expect.poll(() => status.textContent()).toContain(`rev ${v1.revision.slice(0, 7)}`);

    // Anna asks for the guide and waits at the email question; Ben says no thanks.
    const anna = stack.sandbox.user('psid-anna');
    const ben = stack.sandbox.user('psid-ben');
    await anna.getStarted();
    await ben.getStarted();
    await until(() => texts('psid-anna').some((t) => t.includes('Running Guide')));
    await until(() => texts('psid-ben').some((t) => t.includes('Running Guide')));
    await anna.tapQuickReply('Yes please!');
    await ben.tapQuickReply('No thanks');
    await until(() => texts('psid-anna').some((t) => t.startsWith('Where should we send it?')));
    await until(() => texts('psid-ben').some((t) => t.startsWith('No worries!')));

    await page
      .getByRole('toolbar', { name: 'Designer' })
      .getByRole('button', { name: 'Show stats' })
      .click();
    await page.getByRole('region', { name: 'Stats' }).waitFor();
    const intro = page.getByRole('group', { name: 'Stats of n-intro' });
    // The overlay refreshes on its own; the counts are the two users'.
    // Centre the question on the canvas, at a zoom where its counts can be read.
    await page.getByRole('searchbox', { name: 'Search nodes' }).fill('n-intro');
    await page.keyboard.press('Enter');
    await expect.poll(() => stat(intro, 'entered')).toBe('2');
    await expect.poll(() => stat(intro, 'sent')).toBe('4');
    expect(await handle(intro, 'reply:yes')).toBe('Yes please! 1 · 50%');
    expect(await handle(intro, 'reply:no')).toBe('No thanks 1 · 50%');
    const email = page.getByRole('group', { name: 'Stats of n-email' });
    expect(await stat(email, 'entered')).toBe('1');
    // Anna has not answered yet: she entered the question and did not go on.
    expect(await stat(email, 'drop-off')).toBe('1 · 100%');
    await page.getByRole('combobox', { name: 'Date range' }).selectOption('today');
    await expect.poll(() => stat(intro, 'entered')).toBe('2');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'node,type,output,entered,sent,dropped,drop-off,clicks,share of entered,reached the goal',
    );
    expect(csv).toContain('n-intro,message,Yes please!,,,,,1,0.5000,');
    await screenshot(page, 'publish-loop-stats');
    await expectNoSeriousViolations(page, 'the stats bar', { include: '.tl-stats-bar' });
    await expectNoSeriousViolations(page, 'a stats badge', { include: '.tl-stats-badge' });
    expect(app.errors).toEqual([]);
  });

  it('moves a user waiting at a removed question to the new one, where the answer lands', async () => {
    const page = app.page;
    const status = page.getByRole('contentinfo', { name: 'Status' });
    page.once('dialog', (prompt) => void prompt.accept(v2Path));
    await page.keyboard.press('Control+o');
    await expect.poll(() => status.textContent()).toContain('lead-capture-v2.flow.json');

    await page.keyboard.press('Control+Shift+P');
    const dialog = page.getByRole('dialog', { name: 'Publish' });
    const changes = dialog.getByRole('region', { name: 'Changes' });
    await changes.waitFor();
    const changed = await changes.textContent();
    expect(changed).toContain('2 nodes added');
    expect(changed).toContain('1 node removed');
    expect(changed).toContain('n-intro');
    // Nodes the draft has are called by name (or summary); the removed one keeps its id.
    expect(changed).toContain('reply:yes rewired: n-email → Ask for the email');
    const waiting = dialog.getByRole('region', { name: 'Users waiting' });
    expect(await waiting.textContent()).toContain('n-email');
    expect(await waiting.textContent()).toContain('1 user waiting');
    const move = waiting.getByRole('combobox', { name: 'Where the users waiting at n-email go' });
    expect(await move.inputValue()).toBe('\u0000end');
    await move.selectOption('n-email-2');
    await screenshot(page, 'publish-loop-moves');
    await expectNoSeriousViolations(page, 'the publish dialog with users waiting', {
      include: '.tl-publish-dialog',
    });
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: 'is now live' }).waitFor();
    await page.keyboard.press('Escape');
    const active = (await (await stack.admin('/api/flows/lead-capture')).json()) as {
      revision: string;
    };
    expect(active.revision).toBe(v2.revision);

    // Anna answers the question she was asked before the publish: the new question takes it.
    await stack.sandbox.user('psid-anna').sendText('anna@example.com');
    await until(() => texts('psid-anna').includes('Thanks, new question got anna@example.com'));
    expect(app.errors).toEqual([]);
  });

  it('compares an older revision with the draft and rolls back to it', async () => {
    const page = app.page;
    const status = page.getByRole('contentinfo', { name: 'Status' });
    await page
      .getByRole('toolbar', { name: 'Designer' })
      .getByRole('button', { name: 'Revisions' })
      .click();
    const panel = page.getByRole('region', { name: 'Revisions' });
    const list = panel.getByRole('list', { name: 'Revisions of this flow' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    const old = v1.revision.slice(0, 7);
    const first = list.getByRole('listitem').nth(1);
    expect(await first.textContent()).toContain(old);
    expect(await list.getByRole('listitem').nth(0).textContent()).toContain('Active');
    expect(await first.textContent()).toContain(`${v1.steps.length} nodes`);

    await panel.getByRole('button', { name: `Compare rev ${old} with the draft` }).click();
    const comparison = panel.getByRole('region', {
      name: `Rev ${old} compared with the draft`,
    });
    await comparison.waitFor();
    expect(await comparison.textContent()).toContain('n-email');
    expect(await comparison.textContent()).toContain('prompt: Your email, please?');
    expect(await comparison.textContent()).toContain(
      'ok connected to Thanks, new question got {{email}}',
    );
    // Each entry links to its node: it is selected and centred on the canvas.
    await comparison.getByRole('button', { name: 'n-email-2' }).click();
    await page.locator('.react-flow__node.selected[data-id="n-email-2"]').waitFor();

    await panel.getByRole('button', { name: `Open rev ${old} read-only` }).click();
    const readOnly = panel.getByRole('region', { name: `Rev ${old} (read-only)` });
    await readOnly.waitFor();
    expect(await readOnly.textContent()).toContain('Where should we send it?');
    await screenshot(page, 'publish-loop-revisions');
    await expectNoSeriousViolations(page, 'the Revisions panel', { include: '.tl-revisions' });

    // The README's picture: the comparison beside the canvas, the counts on the question.
    await panel.getByRole('button', { name: `Compare rev ${old} with the draft` }).click();
    await comparison.getByRole('button', { name: 'n-intro' }).click();
    await page.locator('.react-flow__node.selected[data-id="n-intro"]').waitFor();
    await expect
      .poll(() => stat(page.getByRole('group', { name: 'Stats of n-intro' }), 'entered'))
      .toBe('2');
    await screenshot(page, 'publish-loop');
    if (process.env.THREADLINE_UPDATE_SCREENSHOT === '1')
      await page.screenshot({ path: join(repo, 'docs/publish-loop.png') });

    await panel.getByRole('button', { name: `Roll back to rev ${old}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Roll back to rev ${old}?` });
    await confirm.getByRole('button', { name: 'Roll back' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: `Rev ${old} is active again.` })
      .waitFor();
    const active = (await (await stack.admin('/api/flows/lead-capture')).json()) as {
      revision: string;
    };
    expect(active.revision).toBe(v1.revision);
    await expect.poll(() => list.getByRole('listitem').nth(1).textContent()).toContain('Active');
    // The open draft is the newer version, so it is a draft against the runtime again.
    await expect.poll(() => status.textContent()).toContain('Draft: changes not published');
    expect(app.errors).toEqual([]);
  });

  it('compares and opens a revision published from elsewhere, fetched from the runtime', async () => {
    const page = app.page;
    // Published over the admin API (as the CLI does), never by this designer: it knows nothing
    // of its content until it asks the runtime for that revision.
    const doc = JSON.parse(await readFile(EXAMPLE, 'utf8'));
    const intro = doc.nodes.find((n: { id: string }) => n.id === 'n-intro');
    intro.data.blocks[1].text = 'Hello from the command line! Want our guide?';
    const path = join(dir, 'lead-capture-cli.flow.json');
    await writeFile(path, JSON.stringify(doc, null, 2));
    const v3 = compileFile(await readFile(path, 'utf8'), path);
    expect((await stack.publish(v3)).status).toBe(200);
    // Back to v1, so v3 is not the active revision either (whose content the runtime always told).
    const back = await stack.admin('/api/flows/lead-capture/rollback', {
      method: 'POST',
      body: JSON.stringify({ revision: v1.revision }),
    });
    expect(back.status).toBe(200);
    // The browser host's calls: POST /api/<channel> with the arguments (electron/web).
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/runtime.revision')) fetched.push(r.postData() ?? '');
    });

    const panel = page.getByRole('region', { name: 'Revisions' });
    const list = panel.getByRole('list', { name: 'Revisions of this flow' });
    await panel.getByRole('button', { name: 'Refresh the revisions' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
    const short = v3.revision.slice(0, 7);
    await panel.getByRole('button', { name: `Compare rev ${short} with the draft` }).click();
    const comparison = panel.getByRole('region', { name: `Rev ${short} compared with the draft` });
    await comparison.waitFor();
    expect(await comparison.textContent()).toContain('n-intro');
    expect(fetched).toEqual([JSON.stringify(['lead-capture', v3.revision])]);

    await panel.getByRole('button', { name: `Open rev ${short} read-only` }).click();
    const readOnly = panel.getByRole('region', { name: `Rev ${short} (read-only)` });
    await readOnly.waitFor();
    expect(await readOnly.textContent()).toContain('Hello from the command line!');
    expect(await panel.textContent()).not.toContain('holds.');
    expect(app.errors).toEqual([]);
  });
});

/** Fills the runtime connection in the flow settings (the inspector with nothing selected). */
async function connect(page: Page, url: string, token: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Runtime connection' }).first();
  await form.waitFor();
  await form.getByRole('textbox', { name: 'Runtime URL' }).fill(url);
  await form.getByLabel('Admin token').fill(token);
  await form.getByRole('button', { name: 'Save connection' }).click();
  await form.getByText('Token stored', { exact: true }).waitFor();
}

async function publishWithKeyboard(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  await dialog.getByRole('button', { name: 'Publish', exact: true }).waitFor();
  await page.keyboard.press('Enter');
  await dialog
    .getByRole('status')
    .filter({ hasText: 'is now live' })
    .waitFor({ timeout: 5000 })
    .catch(async (e) => {
      throw new Error(`${String(e)}\nDIALOG: ${await dialog.textContent()}`);
    });
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
}

type Locator = ReturnType<Page['getByRole']>;

/** One count of a node's stats badge. */
async function stat(badge: Locator, name: string): Promise<string | null> {
  const cell = badge.locator(`[data-stat="${name}"] dd`);
  return (await cell.count()) ? cell.textContent() : null;
}

async function handle(badge: Locator, name: string): Promise<string | null> {
  return badge.locator(`[data-stat-handle="${name}"]`).textContent();
}

function texts(psid: string): string[] {
  return stack.sandbox.messages(psid).map((m) => m.text ?? '');
}

/** Polls until `check` holds (10 s), for what the runtime sends in the background. */
async function until(check: () => boolean): Promise<void> {
  await expect.poll(check, { timeout: 10_000 }).toBe(true);
}

function compileFile(text: string, path: string): CompiledFlow {
  const loaded = parseFlowDocument(text, path);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  const result = compileFlow(loaded.document);
  if (!result.ok) throw new Error(result.findings.map((f) => f.message).join('\n'));
  return result.compiled;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}
