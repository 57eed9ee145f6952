// Issue 7: publishing from the designer. Starts the Messenger sandbox and a runtime wired to it on
// loopback (the runtime tests' own stack), opens the shop example in browser mode, sets the
// runtime connection in the flow settings, publishes with the keyboard and checks the result,
// then lets the sandbox play a user through the shop and compares every reply the runtime sent
// with what the engine's simulator sends for the same events on the same compiled flow.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChatSimulator,
  compileFlow,
  messagingTypeFor,
  parseFlowDocument,
  sendBody,
  seededRandom,
  webhookToEvents,
  type CompiledFlow,
} from '../../flows';
import type { SentEvent } from '../../runtime/sandbox/user';
import { SECRETS, startStack, type Stack } from '../../runtime/testing/stack';
import { startHarness, type Harness } from './harness';

const repo = new URL('../../', import.meta.url).pathname;
const shots = join(repo, 'test-results');
const PSID = 'psid-publish-e2e';
const SEED = 1;

let stack: Stack;
let app: Harness;
let dir: string;
let compiled: CompiledFlow;

beforeAll(async () => {
  // The runtime draws split picks from the same seeded source as the simulator, so the two agree.
  stack = await startStack({ overrides: { random: seededRandom(SEED).next } });
  dir = await mkdtemp(join(tmpdir(), 'threadline-publish-'));
  const path = join(dir, 'shop.flow.json');
  await copyFile(join(repo, 'flows/examples/shop.flow.json'), path);
  compiled = compileFile(await readFile(path, 'utf8'), path);
  app = await startHarness({ initialPath: path });
  await app.page.getByRole('region', { name: 'Canvas' }).waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await app?.close();
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('publishing from the designer', () => {
  it('publishes the shop flow to a runtime that then answers users as the simulator does', async () => {
    const page = app.page;
    const status = page.getByRole('contentinfo', { name: 'Status' });
    await expect.poll(() => status.textContent()).toContain('Not connected');

    await connect(page, stack.runtime.url, SECRETS.adminToken);
    await expect.poll(() => status.textContent()).toContain('Draft: changes not published');

    await page.keyboard.press('Control+Shift+P');
    const dialog = page.getByRole('dialog', { name: 'Publish' });
    await dialog.getByRole('button', { name: 'Publish', exact: true }).waitFor();
    expect(await dialog.textContent()).toContain(
      `First publish of this flow: ${compiled.steps.length} nodes`,
    );
    await screenshot(page, 'publish-review');

    await page.keyboard.press('Enter');
    const done = dialog.getByRole('status').filter({ hasText: 'Published' });
    await done.waitFor();
    expect(await done.textContent()).toBe(
      `Published: rev ${compiled.revision.slice(0, 7)} is now live.`,
    );
    await screenshot(page, 'publish-done');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => status.textContent())
      .toContain(`Published (rev ${compiled.revision.slice(0, 7)})`);

    const active = (await (await stack.admin('/api/flows/shop')).json()) as { revision: string };
    expect(active.revision).toBe(compiled.revision);

    await playTheShop(compiled);
    expect(app.errors).toEqual([]);
  });

  it('shows what changed on the next publish and the runtime refusing a wrong token', async () => {
    const page = app.page;
    const status = page.getByRole('contentinfo', { name: 'Status' });
    // Rename the flow: the draft no longer matches the published revision.
    await page
      .getByRole('region', { name: 'Inspector' })
      .locator('input[data-field="name"]')
      .fill('Stride Shoes (spring)');
    await expect.poll(() => status.textContent()).toContain('Draft: changes not published');

    await page
      .getByRole('toolbar', { name: 'Designer' })
      .getByRole('button', { name: 'Publish' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Publish' });
    const changes = dialog.getByRole('region', { name: 'Changes' });
    await changes.waitFor();
    expect(await changes.textContent()).toContain(
      `Changes since rev ${compiled.revision.slice(0, 7)}`,
    );
    expect(await changes.textContent()).toContain(
      'Flow settingsname: “Stride Shoes shop assistant” → “Stride Shoes (spring)”',
    );
    await screenshot(page, 'publish-changes');
    await page.keyboard.press('Escape');

    await connect(page, stack.runtime.url, 'not-the-admin-token');
    await page.keyboard.press('Control+Shift+P');
    const refused = dialog.getByRole('alert').filter({ hasText: 'admin token was refused' });
    await refused.waitFor();
    await screenshot(page, 'publish-token-refused');
    // The dialog asks for the token again; the right one publishes the renamed flow.
    await dialog.getByLabel('Admin token').fill(SECRETS.adminToken);
    await dialog.getByRole('button', { name: 'Save connection' }).click();
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: 'is now live' }).waitFor();
    await page.keyboard.press('Escape');
    const active = (await (await stack.admin('/api/flows/shop')).json()) as { revision: string };
    expect(active.revision).not.toBe(compiled.revision);
    await expect
      .poll(() => status.textContent())
      .toContain(`Published (rev ${active.revision.slice(0, 7)})`);

    // Edit a message: the next publish names the changed node, which links to the canvas.
    await page.getByRole('searchbox', { name: 'Search nodes' }).fill('n-welcome');
    await page.keyboard.press('Enter');
    await page
      .getByRole('region', { name: 'Inspector' })
      .locator('[data-field="data.blocks.0.text"]')
      .fill('Welcome back to Stride Shoes!');
    await expect.poll(() => status.textContent()).toContain('Draft: changes not published');
    await page.keyboard.press('Control+Shift+P');
    await changes.waitFor();
    expect(await changes.textContent()).toContain('1 node changed');
    expect(await changes.textContent()).toContain(
      'blocks[0].text: Hi {{user_first_name|there}}! Welcome to Stride Shoes',
    );
    expect(await changes.textContent()).toContain('Welcome back to Stride Shoes!');
    await screenshot(page, 'publish-node-changed');
    await changes.getByRole('button', { name: 'n-welcome' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.locator('.react-flow__node.selected[data-id="n-welcome"]').waitFor();
  });

  it('says it could not reach a runtime that is not running', async () => {
    const page = app.page;
    const status = page.getByRole('contentinfo', { name: 'Status' });
    const deadUrl = `http://127.0.0.1:${await closedPort()}`;
    await page.keyboard.press('Escape'); // leave the node selection: flow settings show again
    await page
      .getByRole('region', { name: 'Canvas' })
      .locator('.react-flow__pane')
      .click({
        position: { x: 5, y: 5 },
      });
    await connect(page, deadUrl, SECRETS.adminToken);
    await expect.poll(() => status.textContent()).toContain('Not connected');
    await page.keyboard.press('Control+Shift+P');
    const dialog = page.getByRole('dialog', { name: 'Publish' });
    await dialog
      .getByRole('alert')
      .filter({ hasText: `Could not reach ${deadUrl}` })
      .waitFor();
    await page.keyboard.press('Escape');
    await connect(page, stack.runtime.url, SECRETS.adminToken);
    await expect.poll(() => status.textContent()).toContain('Draft: changes not published');
  });

  it('blocks publishing on lint errors, lists them and leads to the Problems panel', async () => {
    const page = app.page;
    const status = page.getByRole('contentinfo', { name: 'Status' });
    const before = await (await stack.admin('/api/flows/shop')).text();
    const broken = join(dir, 'broken.flow.json');
    const doc = JSON.parse(await readFile(join(repo, 'flows/examples/shop.flow.json'), 'utf8'));
    doc.edges[0].target = 'n-missing';
    await writeFile(broken, JSON.stringify(doc, null, 2));
    await page.keyboard.press('Control+s');
    await expect.poll(() => status.textContent()).toContain('✓ Saved');
    page.once('dialog', (prompt) => void prompt.accept(broken));
    await page.keyboard.press('Control+o');
    await expect.poll(() => status.textContent()).toContain('broken.flow.json');
    await expect.poll(() => status.textContent()).toContain('Draft: changes not published');

    await page.keyboard.press('Control+Shift+P');
    const dialog = page.getByRole('dialog', { name: 'Publish' });
    const alert = dialog.getByRole('alert').filter({ hasText: 'must be fixed before publishing' });
    await alert.waitFor();
    expect(await alert.getByRole('list', { name: 'Errors' }).textContent()).toMatch(
      /dangling-edge|missing-target/,
    );
    await screenshot(page, 'publish-lint-errors');
    await alert.getByRole('button', { name: 'Show in the Problems panel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const problems = page.getByRole('region', { name: 'Problems' });
    await expect.poll(() => problems.locator('[aria-expanded="true"]').count()).toBe(1);
    expect(await (await stack.admin('/api/flows/shop')).text()).toBe(before);
  });
});

/** Fills the runtime connection in the flow settings (the inspector with nothing selected). */
async function connect(page: Page, url: string, token: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Runtime connection' }).first();
  await form.waitFor();
  if (await form.getByRole('button', { name: 'Replace token' }).count())
    await form.getByRole('button', { name: 'Replace token' }).click();
  await form.getByRole('textbox', { name: 'Runtime URL' }).fill(url);
  await form.getByLabel('Admin token').fill(token);
  await form.getByRole('button', { name: 'Save connection' }).click();
  await form.getByText('Token stored', { exact: true }).waitFor();
}

type UserAction = (user: ReturnType<Stack['sandbox']['user']>) => Promise<SentEvent>;

/**
 * Plays a user through the shop with the sandbox and, after each action, runs the same webhook
 * event through the simulator: the runtime must have sent exactly the simulator's messages.
 */
async function playTheShop(flow: CompiledFlow): Promise<void> {
  const user = stack.sandbox.user(PSID);
  // The same person on both sides: the runtime reads the name from the User Profile API.
  const profile = { first_name: 'Anna', last_name: 'Tester', locale: 'en_US' };
  stack.sandbox.setUserProfile(PSID, profile);
  const sim = new ChatSimulator(flow, { user: { id: PSID, ...profile }, seed: SEED });
  const actions: [string, UserAction][] = [
    ['Get Started', (u) => u.getStarted()],
    ['Browse shoes', (u) => u.tapQuickReply('Browse shoes')],
    ['Choose this one', (u) => u.tapButton('Choose this one')],
    ['forty', (u) => u.sendText('forty')],
    ['42', (u) => u.sendText('42')],
    ['Main menu', (u) => u.tapQuickReply('Main menu')],
    ['Size guide', (u) => u.tapQuickReply('Size guide')],
    ["That's all", (u) => u.tapQuickReply("That's all")],
  ];
  let seen = 0;
  for (const [label, act] of actions) {
    const sent = await act(user);
    expect(sent.status, label).toBe(200);
    const expected = await simulatorMessages(sim, sent.raw);
    expect(expected.length, `the simulator answers "${label}"`).toBeGreaterThan(0);
    const received = await stack.sandbox.waitForMessages(PSID, seen + expected.length, 10_000);
    const got = received.slice(seen).map((m) => m.body.message);
    expect(got, `replies to "${label}"`).toEqual(expected);
    seen += expected.length;
  }
  // Nothing more arrives than the simulator sent.
  await new Promise((r) => setTimeout(r, 500));
  expect(stack.sandbox.messages(PSID)).toHaveLength(seen);
  const texts = stack.sandbox.messages(PSID).map((m) => m.text ?? m.cards.join(' | '));
  expect(texts).toContain("Here are this week's favourites:");
  expect(texts.at(-1)).toBe('Thanks for shopping with Stride! 👋');
}

/** The Send API message bodies the engine's simulator produces for one posted webhook. */
async function simulatorMessages(sim: ChatSimulator, raw: string): Promise<unknown[]> {
  const read = webhookToEvents(JSON.parse(raw));
  if (!read.ok) throw new Error(read.message);
  const messages: unknown[] = [];
  for (const { event } of read.events) {
    for (const turn of await sim.send(event)) {
      for (const action of turn.actions) {
        const body = sendBody(action, PSID, messagingTypeFor(turn.event));
        if (body && 'message' in body) messages.push(body.message);
      }
    }
  }
  return messages;
}

function compileFile(text: string, path: string): CompiledFlow {
  const loaded = parseFlowDocument(text, path);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  const result = compileFlow(loaded.document);
  if (!result.ok) throw new Error(result.findings.map((f) => f.message).join('\n'));
  return result.compiled;
}

/** A loopback port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}
