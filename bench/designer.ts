// designer.open.ratio and designer.drag_p95.ratio (DESIGN.md, Benchmarks): the designer against
// bare React Flow (renderer/bench/bare.html) with the same generated 2,000-node flow, in one
// Chromium run, both pages built for production (see ./production-pages) and served alike.
//   open: time from navigation to the flow's nodes on screen (median of RUNS loads).
//   drag: 95th-percentile frame time while dragging a node, at zoom 1 and at fit view; the ratio
//         reported is the worse of the two.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startWebHost } from '../electron/web/host';
import { serializeFlowDocument } from '../flows';
import { generateFlow } from './generate-flow';
import { buildPages, servePages } from './production-pages';
import { median, type Benchmark, type Figure } from './types';

const NODES = 2000;
const RUNS = 3;
const DRAG_STEPS = 90;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function chromiumPath(): string {
  const path = process.env['THREADLINE_CHROMIUM'] ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`no Chromium at ${path}: set THREADLINE_CHROMIUM`);
  return path;
}

/**
 * Loads a URL and returns ms from navigation start until `ready` holds, checked every frame. From
 * a blank page: leaving a page with 2,000 nodes takes the browser a second or more, which would
 * otherwise count against whichever page is opened next.
 */
async function timeToRender(page: Page, url: string, ready: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url);
  return page.evaluate(
    `new Promise((resolve) => {
      const check = () => (${ready}) ? resolve(performance.now()) : requestAnimationFrame(check);
      check();
    })`,
  );
}

/** Drags the node nearest the canvas centre and returns the 95th-percentile frame time. */
async function dragP95(page: Page): Promise<number> {
  const target = await page.evaluate(`(() => {
    const pane = document.querySelector('.react-flow').getBoundingClientRect();
    const cx = pane.left + pane.width / 2, cy = pane.top + pane.height / 2;
    let best = null, bestD = Infinity;
    for (const el of document.querySelectorAll('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      if (r.width < 4 || r.left < pane.left || r.right > pane.right || r.top < pane.top || r.bottom > pane.bottom) continue;
      const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (d < bestD) { bestD = d; best = { x: r.left + Math.min(12, r.width / 2), y: r.top + Math.min(8, r.height / 2) }; }
    }
    return best;
  })()`);
  if (!target) throw new Error('no node to drag in view');
  const { x, y } = target as { x: number; y: number };
  await page.evaluate(`window.__frames = []; window.__recording = true;
    (function loop(t) { window.__frames.push(t); if (window.__recording) requestAnimationFrame(loop); })(performance.now());`);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= DRAG_STEPS; i++) await page.mouse.move(x + i * 3, y + i * 2);
  await page.mouse.up();
  const frames = (await page.evaluate('window.__recording = false; window.__frames')) as number[];
  const deltas = frames
    .slice(1)
    .map((t, i) => t - frames[i]!)
    .sort((a, b) => a - b);
  return deltas[Math.min(deltas.length - 1, Math.floor(deltas.length * 0.95))] ?? 0;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

const benchmark: Benchmark = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'threadline-bench-'));
  const path = join(dir, 'generated.flow.json');
  await writeFile(path, serializeFlowDocument(generateFlow(NODES)));
  const host = await startWebHost({ port: 0, userDataDir: join(dir, 'data'), initialPath: path });
  const out = join(dir, 'pages');
  await buildPages(out);
  const pages = await servePages(out, host);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const designerUrl = `${pages.origin}/`;
    const bareUrl = `${pages.origin}/bench/bare.html?path=${encodeURIComponent(path)}`;
    const designerReady = `document.querySelector('.tl-statusbar')?.textContent.includes('${NODES} nodes') && document.querySelectorAll('.react-flow__node').length > 0`;
    const bareReady = `document.querySelectorAll('.react-flow__node').length > 0`;
    // Warm up the browser's caches for both pages.
    await timeToRender(page, designerUrl, designerReady);
    await timeToRender(page, bareUrl, bareReady);
    const bareOpen: number[] = [];
    const designerOpen: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bareOpen.push(await timeToRender(page, bareUrl, bareReady));
      designerOpen.push(await timeToRender(page, designerUrl, designerReady));
    }

    const settle = () => page.waitForTimeout(800);
    await timeToRender(page, bareUrl, bareReady);
    await settle();
    const bareFit = await dragP95(page);
    // Zoom 1 around the first trigger, as the designer's search centres on it below.
    await page.evaluate('window.bareFlow.zoomTo(1, 120, 60)');
    await settle();
    const bareZoom1 = await dragP95(page);

    await timeToRender(page, designerUrl, designerReady);
    await settle();
    const designerFit = await dragP95(page);
    const search = page.getByRole('searchbox', { name: 'Search nodes' });
    await search.fill('n-start');
    await page.getByRole('option').first().waitFor();
    await search.press('Enter'); // selects the node and centres the view at zoom 1
    await settle();
    const designerZoom1 = await dragP95(page);

    const fitRatio = designerFit / bareFit;
    const zoomRatio = designerZoom1 / bareZoom1;
    const worse =
      fitRatio >= zoomRatio
        ? { ratio: fitRatio, base: bareFit }
        : { ratio: zoomRatio, base: bareZoom1 };
    const figures: Figure[] = [
      {
        name: 'designer.open.ratio',
        value: round(median(designerOpen) / median(bareOpen)),
        unit: 'ratio',
        baseline: round(median(bareOpen)),
      },
      {
        name: 'designer.drag_p95.ratio',
        value: round(worse.ratio),
        unit: 'ratio',
        baseline: round(worse.base),
      },
    ];
    return figures;
  } finally {
    await browser.close();
    await pages.close();
    await host.close();
    await rm(dir, { recursive: true, force: true });
  }
};

export default benchmark;
