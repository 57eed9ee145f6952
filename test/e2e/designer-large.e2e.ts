// Issue 5: a 2,000-node flow opens and stays usable: search, select, edit in the inspector, undo.
// (Speed is measured by `npm run bench -- designer`, never asserted here.)
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeFlowDocument, type FlowDocument } from '../../flows';
import welcome from '../../flows/examples/welcome.flow.json';
import { canvas, focusNode, inspector } from './designer-helpers';
import { startHarness, type Harness } from './harness';

/** 200 copies of the welcome flow side by side: 2,000 nodes, 2,000 edges. */
function largeFlow(): FlowDocument {
  const base = welcome as unknown as FlowDocument;
  const nodes: FlowDocument['nodes'] = [];
  const edges: FlowDocument['edges'] = [];
  for (let copy = 0; copy < 200; copy++) {
    const dx = (copy % 20) * 1500;
    const dy = Math.floor(copy / 20) * 700;
    for (const node of base.nodes) {
      const moved = {
        ...node,
        id: `${node.id}-${copy}`,
        position: { x: node.position.x + dx, y: node.position.y + dy },
      };
      nodes.push(moved as FlowDocument['nodes'][number]);
    }
    for (const edge of base.edges)
      edges.push({
        ...edge,
        id: `${edge.id}-${copy}`,
        source: `${edge.source}-${copy}`,
        target: `${edge.target}-${copy}`,
      });
  }
  return { ...base, id: 'large', name: 'Large flow', profile: undefined, nodes, edges };
}

/**
 * How far apart two edge paths are: the largest difference between their coordinates, or
 * Infinity when they differ in shape. Handles measured at 5% zoom are exact to a few thousandths.
 */
function pathDistance(a: string | null, b: string | null): number {
  const numbers = (d: string | null) => (d?.match(/-?[\d.]+/g) ?? []).map(Number);
  const [x, y] = [numbers(a), numbers(b)];
  if (x.length === 0 || x.length !== y.length) return Infinity;
  return Math.max(...x.map((v, i) => Math.abs(v - y[i]!)));
}

describe('a 2,000-node flow', () => {
  let app: Harness;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'threadline-large-'));
    const path = join(dir, 'large.flow.json');
    await writeFile(path, serializeFlowDocument(largeFlow()));
    app = await startHarness({ initialPath: path });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens, and a node found by search can be edited and the edit undone', async () => {
    const page = app.page;
    await expect
      .poll(() => page.locator('.tl-statusbar').textContent(), { timeout: 60_000 })
      .toContain('2,000 nodes');
    await focusNode(page, 'n-hours-137');
    const bubble = canvas(page).locator('[data-node-id="n-hours-137"] .tl-bubble-text');
    await inspector(page).getByLabel('Text', { exact: true }).fill('Open on Sundays too');
    await expect.poll(() => bubble.textContent()).toBe('Open on Sundays too');
    await page.keyboard.press('Control+z');
    await expect.poll(() => bubble.textContent()).toContain("We're open Monday to Saturday");
    // Only the nodes in view are drawn.
    expect(await canvas(page).locator('.react-flow__node').count()).toBeLessThan(200);
    expect(app.errors).toEqual([]);
  });

  it('zoomed out, draws plain boxes without handles and every edge where it was', async () => {
    const page = app.page;
    const nodes = canvas(page).locator('.react-flow__node');
    const edgePath = canvas(page).locator(
      '[data-testid="rf__edge-e-start-110"] path.react-flow__edge-path',
    );
    const simplePath = canvas(page).locator('.tl-simple-edges path[data-edge-id="e-start-110"]');
    // Drawn in full at zoom 1, so measured for real.
    await focusNode(page, 'n-menu-110');
    await expect.poll(() => canvas(page).locator('.tl-node.is-simple').count()).toBe(0);
    expect(
      await canvas(page).locator('[data-node-id="n-menu-110"] .react-flow__handle').count(),
    ).toBeGreaterThan(1);
    const inFull = await edgePath.getAttribute('d');
    expect(inFull).toMatch(/^M[\d.-]+[ ,][\d.-]+/);

    await page.getByRole('button', { name: /^Fit view/ }).click();
    await expect
      .poll(() => canvas(page).locator('.tl-node.is-simple').count())
      .toBeGreaterThan(200);
    expect(await canvas(page).locator('.tl-node:not(.is-simple)').count()).toBe(0);
    expect(await canvas(page).locator('.react-flow__handle').count()).toBe(0);
    // The edges are one drawing now, each path the same as React Flow drew it.
    expect(await canvas(page).locator('.react-flow__edge').count()).toBe(0);
    await expect
      .poll(async () => pathDistance(await simplePath.getAttribute('d'), inFull))
      .toBeLessThan(0.05);
    // Nodes first drawn zoomed out route their edges too: every edge, none broken (2,000 in
    // all; the drawing has those of every node, on screen or not).
    const paths = await canvas(page)
      .locator('.tl-simple-edges path')
      .evaluateAll((els) => els.map((el) => el.getAttribute('d') ?? ''));
    expect(paths).toHaveLength(2000);
    expect(paths.filter((d) => !d || d.includes('NaN'))).toEqual([]);
    expect(await nodes.count()).toBeGreaterThan(200);

    await focusNode(page, 'n-menu-110');
    await expect.poll(() => canvas(page).locator('.tl-node.is-simple').count()).toBe(0);
    expect(
      await canvas(page).locator('[data-node-id="n-menu-110"] .react-flow__handle').count(),
    ).toBeGreaterThan(1);
    expect(pathDistance(await edgePath.getAttribute('d'), inFull)).toBeLessThan(0.05);
    expect(app.errors).toEqual([]);
  });
});
