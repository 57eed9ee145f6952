// Issue 14: keyboard first. In the German UI and without touching the mouse (only
// page.keyboard), build a small flow (trigger → message → its duplicate → end) with the palette,
// "add after", the node menu, the inspector and "connect to…" by search, move a node with the
// arrow keys and undo the burst as one step, then simulate it. axe checks each new view on the
// way (node menu, node-type menu, connect search, simulator).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './axe';
import {
  canvas,
  chooseEmptyTemplate,
  nodeIds,
  settleAnimations,
  settleView,
} from './designer-helpers';
import { startHarness, type Harness } from './harness';
import { uiText } from './ui-text';

const de = uiText('de');

interface Focused {
  role: string | null;
  name: string;
  /** The id of the canvas node that has focus (or holds it), if any. */
  nodeId: string | null;
  ring: boolean;
}

/** What has keyboard focus: its role, accessible name (aria-label or text) and focus ring. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const style = el ? getComputedStyle(el) : null;
    const role = el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? null;
    return {
      role,
      name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      nodeId: el?.closest<HTMLElement>('.react-flow__node')?.dataset['id'] ?? null,
      ring: !!style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}

/** Presses `key` until the focused element matches, as a keyboard user tabs to a control. */
async function pressUntil(
  page: Page,
  key: string,
  wanted: (f: Focused) => boolean,
  what: string,
  max = 120,
): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (wanted(now)) return now;
  }
  throw new Error(`${key} pressed ${max} times without reaching ${what}`);
}

async function position(page: Page, id: string): Promise<{ x: number; y: number }> {
  const style = await canvas(page)
    .locator(`.react-flow__node[data-id="${id}"]`)
    .getAttribute('style');
  const match = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(style ?? '');
  if (!match) throw new Error(`node ${id} has no position in its style: ${style}`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

const edges = (page: Page) =>
  canvas(page)
    .locator('.react-flow__edge')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));

describe('building and simulating a flow by keyboard alone, in German', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startHarness({ locale: 'de-DE' });
    await canvas(app.page).locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    await settleView(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  /** axe on the page as it is now; the focus stays where it was. */
  const axe = async (screen: string) => {
    await settleAnimations(app.page);
    await expectNoSeriousViolations(app.page, `${screen} (de)`);
  };

  it('builds, moves, connects and simulates without a mouse', async () => {
    const page = app.page;
    expect(await page.locator('html').getAttribute('lang')).toBe('de');

    // A new, empty flow; then Tab to the palette's trigger and add it with Enter.
    await page.keyboard.press('Control+n');
    await chooseEmptyTemplate(page);
    await expect.poll(() => nodeIds(page)).toEqual([]);
    await pressUntil(
      page,
      'Tab',
      (f) => f.name === de.nodes.trigger.label,
      'the palette’s trigger',
    );
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await nodeIds(page)).length).toBe(1);
    const [trigger] = await nodeIds(page);
    await axe('the designer with a new trigger');

    // Ctrl+Enter: a node after the selected trigger, its type picked from a menu.
    await page.keyboard.press('Control+Enter');
    const typeMenu = page.getByRole('menu', { name: de.connectMenu.label });
    await typeMenu.waitFor();
    expect((await focused(page)).role).toBe('menuitem');
    await axe('the node-type menu');
    await pressUntil(page, 'ArrowDown', (f) => f.name === de.nodes.message.label, 'Nachricht', 20);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await nodeIds(page)).length).toBe(2);
    const message = (await nodeIds(page)).find((id) => id !== trigger)!;
    // The new node has focus, with a ring, and is connected from the trigger.
    await expect.poll(async () => (await focused(page)).nodeId).toBe(message);
    expect((await focused(page)).ring).toBe(true);
    expect(await typeMenu.count()).toBe(0);
    expect(await edges(page)).toEqual([
      expect.stringMatching(new RegExp(`${trigger}.*${message}`)),
    ]);

    // Shift+F10: the node menu; "Edit" puts the cursor in the inspector's first field.
    await page.keyboard.press('Shift+F10');
    const nodeMenu = page.getByRole('menu', {
      name: de.keyboard.nodeMenu.replace('{{node}}', de.nodes.message.label),
    });
    await nodeMenu.waitFor();
    await axe('the node menu');
    await pressUntil(page, 'ArrowDown', (f) => f.name === de.keyboard.edit, 'Bearbeiten', 20);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).role).toBe('textarea');
    await page.keyboard.type('Hallo von der Tastatur!');

    // Back on the canvas through the search, which gives the found node focus.
    await page.keyboard.press('Control+f');
    await page.keyboard.type('Hallo von');
    await page.getByRole('listbox', { name: de.toolbar.searchResults }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).nodeId).toBe(message);
    await settleView(page);

    // Arrow keys move it a grid step (16 px), Shift four; the burst is one undo step.
    const before = await position(page, message);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await expect
      .poll(() => position(page, message))
      .toEqual({ x: before.x + 32, y: before.y + 64 });
    await page.keyboard.press('Control+z');
    await expect.poll(() => position(page, message)).toEqual(before);
    // The text typed before the moves is still there: only the moves were undone.
    expect(await canvas(page).locator(`[data-node-id="${message}"]`).textContent()).toContain(
      'Hallo von der Tastatur!',
    );

    // Escape closes the node menu and gives focus back to the node, still selected.
    await page.keyboard.press('Shift+F10');
    await nodeMenu.waitFor();
    expect((await focused(page)).role).toBe('menuitem');
    await page.keyboard.press('Escape');
    await expect.poll(() => nodeMenu.count()).toBe(0);
    expect((await focused(page)).nodeId).toBe(message);
    expect(
      await canvas(page).locator(`.react-flow__node.selected[data-id="${message}"]`).count(),
    ).toBe(1);

    // The ContextMenu key opens it too: duplicate the node.
    await page.keyboard.press('ContextMenu');
    await nodeMenu.waitFor();
    await pressUntil(
      page,
      'ArrowDown',
      (f) => f.name.startsWith(de.commands.duplicate),
      'Duplizieren',
      20,
    );
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await nodeIds(page)).length).toBe(3);
    const copy = (await nodeIds(page)).find((id) => id !== trigger && id !== message)!;
    // The copy has focus now, as a new node gets.
    await expect.poll(async () => (await focused(page)).nodeId).toBe(copy);

    // The first message's output to the copy, by search: "„Weiter“ verbinden mit…".
    await page.keyboard.press('Control+f');
    await page.keyboard.press('Control+a');
    await page.keyboard.type(message);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).nodeId).toBe(message);
    await page.keyboard.press('Shift+F10');
    await nodeMenu.waitFor();
    const connectNext = de.keyboard.connectTo.replace('{{label}}', de.handles.next);
    await pressUntil(page, 'ArrowDown', (f) => f.name === connectNext, connectNext, 20);
    await page.keyboard.press('Enter');
    const connectSearch = page.getByRole('searchbox', {
      name: de.keyboard.connectSearch.replace('{{label}}', de.handles.next),
    });
    await expect.poll(async () => (await focused(page)).role).toBe('input');
    await connectSearch.waitFor();
    await page.keyboard.type(copy);
    await page.getByRole('listbox', { name: de.toolbar.searchResults }).waitFor();
    await axe('the connect search');
    await page.keyboard.press('Enter');
    await expect.poll(() => edges(page)).toHaveLength(2);
    expect((await edges(page)).some((e) => new RegExp(`${message}.*${copy}`).test(e))).toBe(true);
    // Focus went back to the node the connection started from.
    await expect.poll(async () => (await focused(page)).nodeId).toBe(message);

    // An end after the copy: select it by search, Ctrl+Enter, type-ahead "E" for "Ende".
    await page.keyboard.press('Control+f');
    await page.keyboard.press('Control+a');
    await page.keyboard.type(copy);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).nodeId).toBe(copy);
    await page.keyboard.press('Control+Enter');
    await typeMenu.waitFor();
    await pressUntil(page, 'e', (f) => f.name === de.nodes.end.label, 'Ende', 20);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await nodeIds(page)).length).toBe(4);
    await expect.poll(() => edges(page)).toHaveLength(3);

    // Simulate (Ctrl+R), Tab to the composer, write the trigger's keyword.
    await page.keyboard.press('Control+r');
    const sim = page.getByRole('region', { name: de.simulator.label });
    await sim.waitFor({ timeout: 60_000 });
    await pressUntil(
      page,
      'Tab',
      (f) => f.role === 'input' && f.name === de.simulator.message,
      'the simulator’s message field',
    );
    await page.keyboard.type('hello');
    await page.keyboard.press('Enter');
    const conversation = sim.getByRole('list', { name: de.simulator.conversation });
    await expect
      .poll(
        async () =>
          ((await conversation.textContent()) ?? '').split('Hallo von der Tastatur!').length - 1,
        {
          timeout: 20_000,
        },
      )
      .toBe(2);
    await axe('the simulator after a keyboard-built flow');
    expect(app.errors).toEqual([]);
  });
});
