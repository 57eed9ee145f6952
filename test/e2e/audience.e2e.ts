// Issue 17, the designer side: with the runtime and the Messenger sandbox on loopback, the
// Audience view lists the subscribers sandbox users became, filters them by tag, variable and
// window, shows one's conversation, exports them as CSV and deletes one; a broadcast is previewed
// (segment size, reachable now), sent with live progress (sent, skipped outside the window with
// its reason) and a scheduled one is cancelled. Screenshots go to test-results/.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFlow } from '../../flows';
import { startSandbox, type Sandbox } from '../../runtime/sandbox';
import { marketingFlow } from '../../runtime/testing/marketing';
import { SECRETS, startStack, type Stack } from '../../runtime/testing/stack';
import { waitUntil } from '../../runtime/testing/wait';
import { expectNoSeriousViolations } from './axe';
import { startHarness, type Harness } from './harness';

const repo = new URL('../../', import.meta.url).pathname;
const shots = join(repo, 'test-results');
const HOUR = 3_600_000;

let offset = 0;
const now = () => Date.now() + offset;
let sandbox: Sandbox;
let stack: Stack;
let app: Harness;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ ...SECRETS, now });
  stack = await startStack({
    sandbox,
    overrides: { now, broadcastTiming: { pollMs: 20, leaseMs: 2000 } },
  });
  const doc = marketingFlow();
  const compiled = compileFlow(doc);
  if (!compiled.ok) throw new Error('the marketing flow does not compile');
  const published = await stack.publish(compiled.compiled);
  if (published.status !== 200) throw new Error(`publishing answered ${published.status}`);
  // "closed" wrote 25 hours ago; "anna" tapped Get Started; "vip" came by the m.me ref "vip".
  sandbox.setUserProfile('anna', { first_name: 'Anna', last_name: 'Ek', locale: 'sv_SE' });
  await sandbox.user('closed').getStarted();
  await sandbox.waitForMessages('closed', 1);
  offset += 25 * HOUR;
  await sandbox.user('anna').getStarted();
  await sandbox.user('vip').getStarted('vip');
  await sandbox.waitForMessages('anna', 1);
  await sandbox.waitForMessages('vip', 1);
  // The subscriber's source is noted after the turn's commit.
  await waitUntil(async () => {
    const one = (await (await stack.admin('/api/subscribers/vip')).json()) as {
      source?: { kind?: string } | null;
    };
    return one.source?.kind === 'ref';
  });

  dir = await mkdtemp(join(tmpdir(), 'threadline-audience-'));
  const path = join(dir, 'marketing.flow.json');
  await writeFile(path, JSON.stringify(doc, null, 2));
  app = await startHarness({ initialPath: path, viewport: { width: 1600, height: 960 } });
  await app.page.getByRole('region', { name: 'Canvas' }).waitFor({ timeout: 60_000 });
  await connect(app.page, stack.runtime.url, SECRETS.adminToken);
  await app.page
    .getByRole('toolbar', { name: 'Designer' })
    .getByRole('button', { name: 'Audience' })
    .click();
});

afterAll(async () => {
  await app?.close();
  await stack?.stop();
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const view = () => app.page.getByRole('region', { name: 'Audience' });
const table = () => view().getByRole('table');
/** The table row of one subscriber. */
const row = (psid: string) =>
  table()
    .getByRole('row')
    .filter({ has: app.page.getByRole('cell', { name: psid, exact: true }) });
const psids = async () =>
  (await table().locator('tbody tr td:first-child').allTextContents()).join(' ');

async function filter(values: { tags?: string; variable?: string; window?: string }) {
  const form = view().getByRole('form', { name: 'Filter subscribers' });
  await form.getByRole('textbox', { name: 'With tags (all of)' }).fill(values.tags ?? '');
  await form.getByRole('textbox', { name: 'Variable (name=value)' }).fill(values.variable ?? '');
  await form.getByRole('combobox', { name: 'Window' }).selectOption(values.window ?? 'any');
  await form.getByRole('button', { name: 'Apply filter' }).click();
}

describe('the Audience view', () => {
  it('lists, filters, shows a conversation and exports the subscribers as CSV', async () => {
    const page = app.page;
    await expect.poll(psids).toBe('anna closed vip');
    const anna = table().getByRole('row').filter({ hasText: 'anna' });
    expect(await anna.textContent()).toContain('Anna Ek');
    expect(await table().getByRole('row').filter({ hasText: 'vip' }).textContent()).toContain(
      'ref:vip',
    );
    // Sandbox users without a profile are "Sam Sandbox"; a window shut 25 hours ago is closed.
    expect(await row('closed').textContent()).toMatch(/Sam Sandbox.*closed.*new/);

    await filter({ tags: 'vip' });
    await expect.poll(psids).toBe('vip');
    await filter({ variable: 'size=42' });
    await expect.poll(psids).toBe('vip');
    await filter({ window: 'open' });
    await expect.poll(psids).toBe('anna vip');
    await filter({ tags: 'new', window: 'closed' });
    await expect.poll(psids).toBe('closed');
    await filter({});
    await expect.poll(psids).toBe('anna closed vip');

    await view().getByRole('button', { name: 'Show the conversation with Anna Ek' }).click();
    const conversation = view().getByRole('region', { name: 'Conversation with Anna Ek' });
    await conversation.waitFor();
    await expect
      .poll(() => conversation.getByRole('listitem').allTextContents())
      .toEqual([
        expect.stringContaining('Subscriber: ▸ Get Started'),
        expect.stringContaining('Page: Hello'),
      ]);

    const download = page.waitForEvent('download');
    await view().getByRole('button', { name: 'Export CSV' }).click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('PSID,Name,First seen,Last message,Window open until,Tags,Source,size');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith('vip,'))).toMatch(/^vip,Sam Sandbox,.*,vip,ref:vip,42$/);
    expect(lines.find((l) => l.startsWith('closed,'))).toMatch(/,new,,$/);
    expect(lines.find((l) => l.startsWith('anna,'))).toMatch(/^anna,Anna Ek,/);
    await view().getByRole('status').filter({ hasText: 'Exported 3 subscribers.' }).waitFor();

    await screenshot(page, 'audience-subscribers');
    await expectNoSeriousViolations(page, 'the Audience view', { include: '.tl-audience' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousViolations(page, 'the Audience view (dark)', { include: '.tl-audience' });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(app.errors).toEqual([]);
  });

  it('previews a broadcast and sends it with live progress, skipping closed windows', async () => {
    const page = app.page;
    await view().getByRole('button', { name: 'Broadcast' }).click();
    const rule = view().getByRole('complementary', { name: "Meta's rule for marketing messages" });
    expect(await rule.textContent()).toContain('Only people whose 24-hour window is open get it.');
    expect(await rule.textContent()).toContain('No message tags are used.');
    const form = view().getByRole('form', { name: 'New broadcast' });
    await form.getByRole('combobox', { name: 'Start at node' }).selectOption('promo');
    await form.getByRole('button', { name: 'Add a variable rule' }).click();
    await form.getByRole('textbox', { name: 'Variable of rule 1' }).fill('size');
    await form.getByRole('combobox', { name: 'Comparison of rule 1' }).selectOption('eq');
    await form.getByRole('textbox', { name: 'Value of rule 1' }).fill('42');
    await form.getByRole('button', { name: 'Preview the segment' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: '1 in the segment, 1 reachable now (window open).' })
      .waitFor();
    await form.getByRole('button', { name: 'Remove rule 1' }).click();
    await form.getByRole('button', { name: 'Preview the segment' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: '3 in the segment, 2 reachable now (window open).' })
      .waitFor();

    // One person a second, so that the progress is read again while it runs.
    await form.getByRole('spinbutton', { name: 'People started per second' }).fill('1');
    await form.getByRole('button', { name: 'Preview the segment' }).click();
    await form.getByRole('status').filter({ hasText: '3 in the segment' }).waitFor();
    await form.getByRole('button', { name: 'Send now' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Send this broadcast?' });
    expect(await confirm.textContent()).toContain('About 2 people can get it now');
    await confirm.getByRole('button', { name: 'Send' }).click();

    const progress = view().getByRole('region', { name: 'Broadcast progress' });
    await progress.waitFor();
    const count = (name: string) => progress.locator(`[data-count="${name}"]`).textContent();
    await expect
      .poll(() => progress.getByRole('status').textContent(), { timeout: 15_000 })
      .toBe('Done');
    expect(await count('total')).toBe('3');
    expect(await count('sent')).toBe('2');
    expect(await count('skipped')).toBe('1');
    expect(await count('failed')).toBe('0');
    expect(await progress.getByRole('listitem').allTextContents()).toEqual(['window closed: 1']);
    expect(sandbox.messages('anna').map((m) => m.text)).toEqual(['Hello', 'Sale! Code NONE']);
    expect(sandbox.messages('closed').map((m) => m.text)).toEqual(['Hello']);
    await screenshot(page, 'audience-broadcast');
    await expectNoSeriousViolations(page, 'the broadcast progress', { include: '.tl-audience' });
    expect(app.errors).toEqual([]);
  });

  it('schedules a broadcast and cancels it', async () => {
    const page = app.page;
    await view().getByRole('button', { name: 'New broadcast' }).click();
    const form = view().getByRole('form', { name: 'New broadcast' });
    await form.getByRole('radio', { name: 'At a time' }).check();
    // Three days ahead of the runtime's clock (which runs 25 hours ahead of this one).
    const at = new Date(Date.now() + 4 * 24 * HOUR);
    const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString();
    await form.getByLabel('Send at').fill(local.slice(0, 16));
    await form.getByRole('button', { name: 'Schedule' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Send this broadcast?' });
    expect(await confirm.textContent()).toContain('It starts at');
    await confirm.getByRole('button', { name: 'Send' }).click();
    const progress = view().getByRole('region', { name: 'Broadcast progress' });
    await expect.poll(() => progress.getByRole('status').textContent()).toContain('Scheduled');
    await progress.getByRole('button', { name: 'Cancel the broadcast' }).click();
    await page
      .getByRole('alertdialog', { name: 'Cancel this broadcast?' })
      .getByRole('button', { name: 'Cancel the broadcast' })
      .click();
    await expect.poll(() => progress.getByRole('status').textContent()).toBe('Cancelled');
    expect(app.errors).toEqual([]);
  });

  it('deletes a subscriber after a confirmation', async () => {
    const page = app.page;
    await view().getByRole('button', { name: 'Subscribers' }).click();
    await expect.poll(psids).toBe('anna closed vip');
    await row('closed').getByRole('button', { name: 'Delete Sam Sandbox' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete Sam Sandbox?' });
    expect(await confirm.textContent()).toContain('PSID closed');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await view().getByRole('status').filter({ hasText: 'Sam Sandbox was deleted.' }).waitFor();
    await expect.poll(psids).toBe('anna vip');
    expect((await stack.admin('/api/subscribers/closed')).status).toBe(404);
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

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}
