// The examples are what a new user opens first: drawn in full, no node may cover another.
import { afterEach, describe, expect, it } from 'vitest';
import { canvas } from './designer-helpers';
import { startHarness, type Harness } from './harness';

const repo = new URL('../../', import.meta.url).pathname;

describe('the example flows', () => {
  let app: Harness | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  for (const example of ['welcome', 'shop', 'support', 'lead-capture'])
    it(`${example}: every node drawn in full, none over another`, async () => {
      // A window large enough for the whole flow at 100 %, so every node is drawn in full.
      app = await startHarness({
        initialPath: `${repo}flows/examples/${example}.flow.json`,
        viewport: { width: 7000, height: 2600 },
      });
      const page = app.page;
      await canvas(page).locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
      await expect.poll(() => page.locator('.tl-statusbar').textContent()).toContain('100%');
      expect(await canvas(page).locator('.tl-node.is-simple').count()).toBe(0);
      const overlapping = await canvas(page)
        .locator('.react-flow__node')
        .evaluateAll((elements) => {
          const boxes = elements.map((el) => ({
            id: el.getAttribute('data-id'),
            r: el.getBoundingClientRect(),
          }));
          const pairs: string[] = [];
          for (const [i, a] of boxes.entries())
            for (const b of boxes.slice(i + 1))
              if (
                a.r.left < b.r.right &&
                b.r.left < a.r.right &&
                a.r.top < b.r.bottom &&
                b.r.top < a.r.bottom
              )
                pairs.push(`${a.id} and ${b.id}`);
          return pairs;
        });
      expect(overlapping).toEqual([]);
      expect(app.errors).toEqual([]);
    });
});
