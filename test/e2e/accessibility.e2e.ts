// Issue 14: accessible to everyone. axe-core checks every main screen of the designer (a node
// selected, its node menu and the node-type menu, flow settings, the Problems panel, the publish
// dialog, the keyboard shortcuts, a ref trigger's m.me link and QR code, the Audience view and its
// broadcast form, the simulator's chat and variables) in the light and the dark theme, in each UI
// language, and finds no violation of impact serious or critical (contrast, names, roles, focusability).
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './axe';
import {
  canvas,
  chooseEmptyTemplate,
  focusNode,
  inspector,
  settleAnimations as settle,
  settleView,
} from './designer-helpers';
import { startHarness, type Harness } from './harness';
import { localeOf, UI_LANGUAGES, uiText } from './ui-text';

const repo = new URL('../../', import.meta.url).pathname;

const THEMES = ['light', 'dark'] as const;

describe.each(UI_LANGUAGES.flatMap((language) => THEMES.map((theme) => ({ language, theme }))))(
  'accessibility in $language, $theme theme',
  ({ language, theme }) => {
    let app: Harness;
    let dir: string;
    const text = uiText(language);
    const screen = (what: string) => `${what} (${language}, ${theme})`;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'threadline-a11y-'));
      const path = join(dir, 'shop.flow.json');
      await copyFile(join(repo, 'flows/examples/shop.flow.json'), path);
      // The browser's language picks the designer's (docs/i18n.md: the setting is System).
      app = await startHarness({ initialPath: path, locale: localeOf(language) });
      await app.page.emulateMedia({ colorScheme: theme });
      await canvas(app.page).waitFor({ timeout: 60_000 });
      await canvas(app.page).locator('.react-flow__node').nth(10).waitFor({ timeout: 30_000 });
      await settleView(app.page);
    });

    afterAll(async () => {
      await app?.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('the UI really is in the language asked for', async () => {
      expect(await app.page.locator('html').getAttribute('lang')).toBe(language);
      await app.page
        .getByRole('toolbar', { name: text.app.toolbar })
        .getByRole('button', { name: text.toolbar.simulate, exact: true })
        .waitFor();
    });

    it('the theme really is the one asked for', async () => {
      const dark = await app.page.evaluate(
        () => matchMedia('(prefers-color-scheme: dark)').matches,
      );
      expect(dark).toBe(theme === 'dark');
    });

    it('the designer with a node selected', async () => {
      const page = app.page;
      await focusNode(page, 'n-welcome');
      await page.locator('.react-flow__node.selected[data-id="n-welcome"]').waitFor();
      await inspector(page).locator('[data-field="data.blocks.0.text"]').waitFor();
      await settle(page);
      await expectNoSeriousViolations(page, screen('the designer with a node selected'));
    });

    it('a condition node selected (Logic colours, labelled branches)', async () => {
      const page = app.page;
      await focusNode(page, 'n-order-condition');
      await page.locator('.react-flow__node.selected[data-id="n-order-condition"]').waitFor();
      await settle(page);
      await expectNoSeriousViolations(page, screen('a condition node selected'));
    });

    it('the node menu and the node-type menu', async () => {
      const page = app.page;
      await focusNode(page, 'n-welcome');
      // The search gives the found node focus; the menu opens for it.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id')))
        .toBe('n-welcome');
      await page.keyboard.press('Shift+F10');
      const menu = page.getByRole('menu', {
        name: text.keyboard.nodeMenu.replace('{{node}}', text.nodes.message.label),
      });
      await menu.waitFor();
      await settle(page);
      try {
        await expectNoSeriousViolations(page, screen('the node menu'));
      } finally {
        await page.keyboard.press('Escape');
      }
      await expect.poll(() => menu.count()).toBe(0);
      await page.keyboard.press('Control+Enter');
      const types = page.getByRole('menu', { name: text.connectMenu.label });
      await types.waitFor();
      await settle(page);
      try {
        await expectNoSeriousViolations(page, screen('the node-type menu'));
      } finally {
        await page.keyboard.press('Escape');
      }
      await expect.poll(() => types.count()).toBe(0);
    });

    it('the flow settings', async () => {
      const page = app.page;
      await page.keyboard.press('Escape');
      await canvas(page)
        .locator('.react-flow__pane')
        .click({ position: { x: 5, y: 5 } });
      await inspector(page).locator('input[data-field="name"]').waitFor();
      await settle(page);
      await expectNoSeriousViolations(page, screen('the flow settings'));
    });

    it('the Problems panel with a problem in it', async () => {
      const page = app.page;
      await focusNode(page, 'n-welcome');
      await inspector(page).locator('[data-field="data.blocks.0.text"]').fill('');
      const problems = page.getByRole('region', { name: text.problems.label });
      await problems.getByRole('button', { name: new RegExp(text.problems.label) }).click();
      // The problem names its node by name (or summary) and its field.
      await problems
        .getByRole('button', { name: /data\.blocks\.0\.text/ })
        .first()
        .waitFor();
      await settle(page);
      try {
        await expectNoSeriousViolations(page, screen('the Problems panel'));
      } finally {
        await page.keyboard.press('Control+z');
      }
    });

    it('the publish dialog', async () => {
      const page = app.page;
      await page.keyboard.press('Control+Shift+P');
      const dialog = page.getByRole('dialog', { name: text.publish.title });
      await dialog.waitFor();
      await settle(page);
      try {
        await expectNoSeriousViolations(page, screen('the publish dialog'));
      } finally {
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.count()).toBe(0);
      }
    });

    it('the keyboard shortcuts', async () => {
      const page = app.page;
      await canvas(page)
        .locator('.react-flow__pane')
        .click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('F1');
      const help = page.getByRole('dialog', { name: text.help.title });
      await help.waitFor();
      await settle(page);
      try {
        await expectNoSeriousViolations(page, screen('the keyboard shortcuts'));
      } finally {
        await help.getByRole('button', { name: text.dialogs.close }).click();
      }
    });

    it('a ref trigger with its m.me link and QR code', async () => {
      const page = app.page;
      await focusNode(page, 'n-menu-keyword');
      await inspector(page).getByLabel(text.trigger.startsWhen).selectOption('ref');
      await inspector(page).locator('[data-field="data.ref"]').fill('spring');
      const link = inspector(page).getByRole('region', { name: text.refLink.label });
      await link.getByRole('textbox', { name: text.refLink.pageLabel }).fill('shoeshop');
      await link.getByRole('button', { name: text.refLink.savePage }).click();
      await link.getByRole('img').waitFor();
      expect(await link.getByRole('textbox', { name: text.refLink.link }).inputValue()).toBe(
        'https://m.me/shoeshop?ref=spring',
      );
      await settle(page);
      await expectNoSeriousViolations(page, screen('a ref trigger with its m.me link'));
    });

    it('the Audience view and the broadcast form', async () => {
      const page = app.page;
      await page
        .getByRole('toolbar', { name: text.app.toolbar })
        .getByRole('button', { name: text.toolbar.audience, exact: true })
        .click();
      const audience = page.getByRole('region', { name: text.audience.label });
      // No runtime is connected here: the view says so (audience.e2e.ts fills it from one).
      await audience.getByRole('alert').waitFor();
      await settle(page);
      await expectNoSeriousViolations(page, screen('the Audience view'));
      await audience.getByRole('button', { name: text.audience.broadcastTab }).click();
      await audience.getByRole('form', { name: text.broadcast.label }).waitFor();
      await audience.getByRole('button', { name: text.broadcast.addRule }).click();
      await settle(page);
      try {
        await expectNoSeriousViolations(page, screen('the broadcast form'));
      } finally {
        await audience.getByRole('button', { name: text.audience.close }).click();
      }
    });

    it('the simulator chat, mid-conversation', async () => {
      const page = app.page;
      await page
        .getByRole('toolbar', { name: text.app.toolbar })
        .getByRole('button', { name: text.toolbar.simulate, exact: true })
        .click();
      const sim = page.getByRole('region', { name: text.simulator.label });
      await sim.waitFor({ timeout: 60_000 });
      await sim.getByRole('button', { name: text.simulator.getStarted }).click();
      await sim.getByRole('button', { name: 'Browse shoes' }).first().click();
      await sim
        .getByRole('list', { name: text.simulator.conversation })
        .getByRole('listitem')
        .nth(2)
        .waitFor();
      await settle(page);
      await expectNoSeriousViolations(page, screen('the simulator chat'));
    });

    it('the simulator variables', async () => {
      const page = app.page;
      const sim = page.getByRole('region', { name: text.simulator.label });
      await sim.getByRole('tab', { name: text.simulator.tabs.state }).click();
      await settle(page);
      await expectNoSeriousViolations(page, screen('the simulator variables'));
      expect(app.errors).toEqual([]);
    });
  },
);

describe('connection handles by keyboard', () => {
  let app: Harness;

  beforeAll(async () => {
    app = await startHarness();
    await canvas(app.page).waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  /** The focused element's accessible name (aria-label) and whether a focus ring is drawn. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const style = el ? getComputedStyle(el) : null;
      return {
        role: el?.getAttribute('role') ?? null,
        name: el?.getAttribute('aria-label') ?? null,
        ring: !!style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });

  it('tabs from a node to its handles, each named and ringed, and connects two nodes with Enter', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'New flow' }).click();
    await chooseEmptyTemplate(page);
    await expect.poll(() => canvas(page).locator('.react-flow__node').count()).toBe(0);
    const palette = page.getByRole('region', { name: 'Palette' });
    await palette.getByRole('button', { name: 'Message', exact: true }).click();
    await canvas(page).locator('.react-flow__node').first().waitFor();
    await palette.getByRole('button', { name: 'Message', exact: true }).click();
    await expect.poll(() => canvas(page).locator('.react-flow__node').count()).toBe(2);
    const [from, to] = await canvas(page)
      .locator('.react-flow__node')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
    const node = (id: string) => canvas(page).locator(`.react-flow__node[data-id="${id}"]`);
    expect(await canvas(page).locator('.react-flow__edge').count()).toBe(0);

    // The palette hint is the button's description, not part of its name.
    const message = palette.getByRole('button', { name: 'Message', exact: true });
    const hintId = await message.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${hintId}"]`).textContent()).toMatch(/\w/);

    await node(from!).focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ role: 'button', name: 'Input', ring: true });
    await page.keyboard.press('Tab');
    const output = await focused(page);
    expect(output.role).toBe('button');
    expect(output.name).toMatch(/^Output: /);
    expect(output.ring).toBe(true);
    await page.keyboard.press('Enter');

    await node(to!).focus();
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Input');
    await page.keyboard.press('Enter');
    const edge = canvas(page).locator('.react-flow__edge');
    await expect.poll(() => edge.count()).toBe(1);
    expect(await edge.first().getAttribute('aria-label')).toContain(from!);
    expect(app.errors).toEqual([]);
  });
});
