// Issue 6: the simulator inside the designer. Drives the support example (quick replies, an image
// answer, handover) and the shop example (cards, postback buttons, an HTTP node answered offline,
// going back in time), saves each chat as a scenario next to the flow, and checks that
// `threadline test` passes the saved file.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

const run = promisify(execFile);
const repo = new URL('../../', import.meta.url).pathname;
const shots = join(repo, 'test-results');

const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

let app: Harness | undefined;
let dir: string;

async function openFlow(example: string, text?: string): Promise<{ sim: Locator; path: string }> {
  dir = await mkdtemp(join(tmpdir(), 'threadline-sim-'));
  const path = join(dir, `${example}.flow.json`);
  if (text === undefined)
    await copyFile(join(repo, 'flows/examples', `${example}.flow.json`), path);
  else await writeFile(path, text);
  app = await startHarness({ initialPath: path });
  await openSimulator(app.page);
  const sim = app.page.getByRole('region', { name: 'Simulator' });
  await sim.waitFor({ timeout: 60_000 });
  return { sim, path };
}

async function openSimulator(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Canvas' }).waitFor({ timeout: 60_000 });
  await page
    .getByRole('toolbar', { name: 'Designer' })
    .getByRole('button', { name: 'Simulate' })
    .click();
}

function message(sim: Locator, text: string | RegExp): Locator {
  return sim
    .getByRole('list', { name: 'Conversation' })
    .getByRole('listitem')
    .filter({ hasText: text });
}

async function send(sim: Locator, text: string): Promise<void> {
  await sim.getByRole('textbox', { name: 'Message' }).fill(text);
  await sim.getByRole('button', { name: 'Send', exact: true }).click();
}

async function saveScenario(sim: Locator, name: string, file: string): Promise<void> {
  await sim.getByRole('tab', { name: 'Scenarios' }).click();
  await sim.getByRole('textbox', { name: 'Scenario name' }).fill(name);
  await sim.getByRole('button', { name: 'Save scenario' }).click();
  await sim.getByText(`Saved ${file}`).waitFor();
  await expect
    .poll(() => sim.getByRole('status').filter({ hasText: 'passed' }).textContent())
    .toBe('1 passed, 0 failed');
}

async function threadlineTest(file: string): Promise<string> {
  const { stdout } = await run('node', [join(repo, 'bin/threadline.mjs'), 'test', file], {
    cwd: repo,
  });
  return stdout;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

describe('the simulator', () => {
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await rm(dir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('chats through the support flow with quick replies, a photo and a handover, and saves it as a scenario that threadline test passes', async () => {
    const { sim, path } = await openFlow('support');
    const page = app!.page;
    await sim.getByRole('button', { name: 'Get Started' }).click();
    await message(sim, 'Hi Anna, this is Stride support').waitFor();
    await sim.getByRole('button', { name: 'Damaged item', exact: true }).click();
    await message(sim, 'Damaged item').waitFor();
    // Answered quick replies go away, as in Messenger.
    await expect.poll(() => sim.getByRole('button', { name: 'Shipping times' }).count()).toBe(0);
    await message(sim, 'Please send us a photo').waitFor();

    await send(sim, 'no photo, sorry');
    await message(sim, 'I need a photo').waitFor();
    await sim.getByRole('button', { name: 'Attach an image' }).click();
    await sim.getByLabel('Image URL').fill('https://example.com/damage.jpg');
    await sim.getByRole('button', { name: 'Attach image', exact: true }).click();
    await message(sim, 'In a sentence or two').waitFor();
    await expect
      .poll(() => message(sim, '').getByRole('img', { name: 'Image you sent' }).count())
      .toBe(1);

    await send(sim, 'The left heel came off.');
    await message(sim, "I'm handing you over").waitFor();
    await expect
      .poll(() => page.locator('.tl-node.is-sim-active').getAttribute('data-node-id'))
      .toBe('n-handover');
    await screenshot(page, 'simulator-support');

    await sim.getByRole('button', { name: 'Hand back to the bot' }).click();
    await message(sim, "You're back with the Stride assistant").waitFor();
    await sim.getByRole('button', { name: 'Not really' }).click();
    await message(sim, 'Anything else I can help with?').waitFor();

    // Clicking a bubble selects the node that sent it.
    await message(sim, 'Anything else I can help with?').getByText('Anything else').click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Inspector' }).textContent())
      .toContain('n-more');

    await sim.getByRole('tab', { name: 'Variables' }).click();
    await expect
      .poll(() => sim.getByLabel('Variable issue').inputValue())
      .toBe('The left heel came off.');
    await expect
      .poll(() => sim.getByRole('region', { name: 'Tags' }).textContent())
      .toContain('damaged-item');
    await sim.getByRole('tab', { name: 'Chat' }).click();

    await saveScenario(sim, 'Damaged item handover', 'damaged-item-handover.scenario.json');
    await screenshot(page, 'simulator-scenarios');
    const file = join(dir, 'damaged-item-handover.scenario.json');
    const scenario = JSON.parse(await readFile(file, 'utf8'));
    expect(scenario).toMatchObject({ format: 'threadline.scenario', flow: 'support.flow.json' });
    expect(scenario.steps).toContainEqual({ send: { handBack: true } });
    expect(await threadlineTest(file)).toMatch(/1 passed, 0 failed\s*$/);
    expect(path).toContain(dir);

    // Editing the flow offers a clean restart on the new version.
    await sim.getByRole('tab', { name: 'Chat' }).click();
    const text = page.getByRole('region', { name: 'Inspector' }).locator('textarea').first();
    await text.fill('Anything else we can do for you?');
    await sim.getByRole('status').filter({ hasText: 'Flow changed' }).waitFor();
    await sim.getByRole('button', { name: 'Restart' }).click();
    await expect.poll(() => sim.getByRole('listitem').count()).toBe(0);
    await sim.getByRole('button', { name: 'Get Started' }).click();
    await sim.getByRole('button', { name: 'Shipping times' }).click();
    await message(sim, 'Anything else we can do for you?').waitFor();
    expect(app!.errors).toEqual([]);
  });

  it('shows the shop cards, presses their buttons, answers the HTTP node offline, goes back in time, and the saved scenario passes', async () => {
    const { sim } = await openFlow('shop');
    const page = app!.page;
    await sim.getByRole('button', { name: 'Get Started' }).click();
    await sim.getByRole('button', { name: 'Browse shoes' }).click();
    const gallery = sim.getByRole('group', { name: '3 cards' });
    await gallery.waitFor();
    expect(await gallery.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto');
    await sim
      .getByRole('article', { name: 'Trail Runner 2' })
      .getByRole('button', { name: 'Choose this one' })
      .click();
    await message(sim, 'Great choice: the Trail Runner 2!').waitFor();
    await send(sim, '42');
    await message(sim, /Size 42 is in stock/).waitFor();
    await screenshot(page, 'simulator-shop');

    // Back to before the size answer, and answer differently: the retry prompt, no offer.
    await message(sim, /^42/)
      .getByRole('button', { name: 'Go back to here' })
      .click({ force: true });
    await expect.poll(() => message(sim, /Size 42 is in stock/).count()).toBe(0);
    await send(sim, 'forty');
    await message(sim, 'Please send your EU size as a number').waitFor();
    await send(sim, '41');
    await message(sim, /Size 41 is in stock/).waitFor();

    // The persistent menu, then an order lookup answered by the tester (live HTTP off, so the
    // test does not depend on the network).
    await sim.getByRole('tab', { name: 'Variables' }).click();
    await sim.getByLabel(/Call out for real/).uncheck();
    await sim.getByRole('tab', { name: 'Chat' }).click();
    await sim.getByRole('button', { name: 'Persistent menu' }).click();
    await sim.getByRole('menuitem', { name: 'Track my order' }).click();
    await message(sim, 'Please type your order number').waitFor();
    await send(sim, '104233');
    const http = sim.getByRole('form', { name: 'HTTP answer' });
    await http.waitFor({ timeout: 30_000 });
    await http.getByLabel('Response body').fill('{"status":"delivered"}');
    await http.getByRole('button', { name: 'Answer' }).click();
    await message(sim, 'Order 104233 was delivered').waitFor();
    await expect
      .poll(() => page.locator('.tl-node.is-sim-active').getAttribute('data-node-id'))
      .toBe('n-more');

    await saveScenario(sim, 'Trail runner and order', 'trail-runner-and-order.scenario.json');
    const file = join(dir, 'trail-runner-and-order.scenario.json');
    const scenario = JSON.parse(await readFile(file, 'utf8'));
    expect(scenario.http['n-order-lookup']).toEqual([
      { status: 200, body: '{"status":"delivered"}' },
    ]);
    expect(await threadlineTest(file)).toMatch(/1 passed, 0 failed\s*$/);

    // A canned answer stored for the node answers the next lookup without asking.
    await sim.getByRole('tab', { name: 'Variables' }).click();
    await sim.getByRole('button', { name: 'Set canned answer' }).click();
    // The node is named by its summary (the request), not its id.
    const canned = sim.getByRole('form', {
      name: 'Canned answer for GET https://api.example.com/orders/',
    });
    await canned
      .getByLabel('Body')
      .fill('{"status":"shipped","trackingUrl":"https://t.example/1"}');
    await canned.getByRole('button', { name: 'Save answer' }).click();
    await sim.getByRole('tab', { name: 'Chat' }).click();
    await sim.getByRole('button', { name: 'Persistent menu' }).click();
    await sim.getByRole('menuitem', { name: 'Track my order' }).click();
    await send(sim, '104234');
    await message(sim, 'Good news: order 104234 is on its way!').waitFor();
    expect(await http.count()).toBe(0);

    await page.emulateMedia({ colorScheme: 'dark' });
    await sim.getByRole('tab', { name: 'Chat' }).click();
    await screenshot(page, 'simulator-shop-dark');
    expect(app!.errors).toEqual([]);
  });

  it('starts a chat from a comment on a post: one private reply, then the chat goes on', async () => {
    const { sim } = await openFlow('lead-capture');
    const form = sim.getByRole('form', { name: 'Or comment on a post of the Page' });
    await form.getByRole('textbox', { name: 'Comment' }).fill('Is the guide free?');
    await form.getByRole('textbox', { name: 'Comment' }).press('Enter');
    await message(sim, 'Thanks for your comment, Anna!').waitFor();
    await message(sim, 'Commented on post post-1: Is the guide free?').waitFor();
    // The disclosure waits until the user answers in Messenger.
    expect(await message(sim, 'automated assistant').count()).toBe(0);
    await sim.getByRole('button', { name: 'Yes please!' }).click();
    await message(sim, 'automated assistant').waitFor();
    await message(sim, 'Where should we send it?').waitFor();
    expect(app!.errors).toEqual([]);
  });

  it('takes a condition branch after the tester sets a variable, and skips ahead over a delay', async () => {
    const { sim } = await openFlow('lead-capture');
    await sim.getByRole('button', { name: 'Get Started' }).click();
    await sim.getByRole('button', { name: 'Yes please!' }).click();
    await send(sim, 'anna@example.com');
    await message(sim, 'Would you like a free 10-minute call').waitFor();

    // With a phone number already known, the condition skips the question for it.
    await sim.getByRole('tab', { name: 'Variables' }).click();
    await sim.getByLabel('Variable phone').fill('+49 151 23456789');
    await sim.getByLabel('Variable phone').press('Enter');
    await sim.getByRole('textbox', { name: 'New tag' }).fill('vip');
    await sim.getByRole('button', { name: 'Add tag' }).click();
    await expect
      .poll(() => sim.getByRole('region', { name: 'Tags' }).textContent())
      .toContain('vip');
    await screenshot(app!.page, 'simulator-variables');
    await sim.getByRole('tab', { name: 'Chat' }).click();
    await sim.getByRole('button', { name: 'Yes, call me' }).click();
    await message(sim, 'A coach will call you at +49 151 23456789').waitFor();
    expect(await message(sim, 'What number should the coach call?').count()).toBe(0);

    const status = sim.getByRole('status').filter({ hasText: 'waits' });
    expect(await status.textContent()).toContain('waits 23h');
    await sim.getByRole('button', { name: 'Skip ahead' }).click();
    await message(sim, 'did you get a chance to look at the guide?').waitFor();
    expect(await status.count()).toBe(0);

    // A picked file is shown as the image the user sent.
    await sim.getByRole('button', { name: 'Attach an image' }).click();
    await sim.locator('input[type=file]').setInputFiles({
      name: 'shoe.png',
      mimeType: 'image/png',
      buffer: Buffer.from(ONE_PIXEL_PNG, 'base64'),
    });
    const sent = sim.getByRole('img', { name: 'Image you sent' });
    await expect.poll(() => sent.getAttribute('src')).toMatch(/^blob:/);
    expect(app!.errors).toEqual([]);
  });

  it('shows a reply that falls past the 24-hour window as not delivered, and threadline test agrees', async () => {
    const doc = JSON.parse(
      await readFile(join(repo, 'flows/examples/lead-capture.flow.json'), 'utf8'),
    );
    doc.nodes.find((n: { id: string }) => n.id === 'n-wait').data.seconds = 25 * 3600;
    const { sim } = await openFlow('lead-capture', JSON.stringify(doc, null, 2));
    await sim.getByRole('button', { name: 'Get Started' }).click();
    await sim.getByRole('button', { name: 'Yes please!' }).click();
    await send(sim, 'anna@example.com');
    await sim.getByRole('button', { name: 'Maybe later' }).click();
    await message(sim, 'No problem! Enjoy the guide.').waitFor();
    await sim.getByRole('button', { name: 'Skip ahead' }).click();

    const late = message(sim, 'did you get a chance to look at the guide?');
    await late.waitFor();
    expect(await late.textContent()).toContain('Not delivered: outside the 24-hour window');
    expect(await late.locator('fieldset[disabled]').count()).toBe(1);
    // It never reached the user, so its quick replies are not on offer.
    expect(await sim.getByRole('button', { name: 'I have a question' }).count()).toBe(0);
    expect(
      await message(sim, 'No problem! Enjoy the guide.').getByText('Not delivered').count(),
    ).toBe(0);
    await screenshot(app!.page, 'simulator-not-delivered');

    // Saved as a scenario, the dropped reply is not among the expected messages, and it passes.
    await saveScenario(sim, 'late follow-up', 'late-follow-up.scenario.json');
    const saved = await readFile(join(dir, 'late-follow-up.scenario.json'), 'utf8');
    expect(saved).not.toContain('did you get a chance');
    expect(await threadlineTest(join(dir, 'late-follow-up.scenario.json'))).toContain(
      '1 passed, 0 failed',
    );
    expect(app!.errors).toEqual([]);
  });

  it('refuses a flow with lint errors and says what to fix', async () => {
    const doc = JSON.parse(await readFile(join(repo, 'flows/examples/support.flow.json'), 'utf8'));
    const welcome = doc.nodes.find((n: { id: string }) => n.id === 'n-welcome');
    welcome.data.quickReplies[0].title = 'A quick reply title far longer than twenty characters';
    welcome.name = 'Welcome menu';
    const { sim } = await openFlow('support', JSON.stringify(doc, null, 2));
    const alert = sim.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Fix (this error|these \d+ errors) to simulate/);
    // The error names its node by the node's name, not its id.
    expect(await alert.textContent()).toContain('Welcome menu');
    await screenshot(app!.page, 'simulator-lint-errors');
    expect(await sim.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
  });
});
