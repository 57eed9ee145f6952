// The designer against bare React Flow (renderer/bench/bare.html) with the same generated
// 2,000-node flow, in one Chromium run, all pages built for production (see ./production-pages)
// and served alike, each in its own tab. Bare React Flow runs twice: drawing every node (its
// default) and with onlyRenderVisibleElements (its best setting for a large flow); every ratio
// is to the better of the two in the same run. Each figure is the median of RUNS runs, with the
// lowest and highest; the raw times go to stderr.
//   designer.open.ratio: time from navigation to the flow's nodes on screen.
//   designer.drag_cpu.ratio: main-thread CPU time per frame while dragging a node round a circle,
//     one mouse move a frame (see drag), at zoom 1 and at fit view; the worse of the two.
//   designer.drag_cpu.ms: the designer's own main-thread CPU time per drag frame, that view.
//   designer.drag_p95.ratio: the same drags' 95th-percentile frame time, in whole frames.
//   designer.heap.mb: the JS heap after a full GC with the flow open.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { startWebHost } from '../electron/web/host';
import { serializeFlowDocument } from '../flows';
import { generateFlow } from './generate-flow';
import { buildPages, servePages } from './production-pages';
import { median, medianFigure, type Benchmark, type Figure } from './types';

const NODES = 2000;
const RUNS = 5;
const DRAG_RUNS = 7;
const DRAG_FRAMES = 80;
const VIEWPORT = { width: 1400, height: 900 };
const OPEN_TIMEOUT_MS = 120_000;
const FRAMES_PER_TURN = 40;
const DRAG_RADIUS = 120; // px: 19 px a frame at 40 frames a turn

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
  const ms = (await page.evaluate(
    `new Promise((resolve) => {
      const check = () => (${ready}) ? resolve(performance.now())
        : performance.now() > ${OPEN_TIMEOUT_MS} ? resolve(-1) : requestAnimationFrame(check);
      check();
    })`,
  )) as number;
  if (ms < 0) throw new Error(`${url} was not ready after ${OPEN_TIMEOUT_MS} ms: ${ready}`);
  return ms;
}

/**
 * A point on the node nearest the canvas centre where a press grabs the node itself, not one of
 * its handles (zoomed far out, bare React Flow's handles cover most of its tiny default nodes, and
 * pressing one would drag a new connection instead of the node).
 */
const NODE_TO_GRAB = `(() => {
  const pane = document.querySelector('.react-flow').getBoundingClientRect();
  const cx = pane.left + pane.width / 2, cy = pane.top + pane.height / 2;
  const nodes = [...document.querySelectorAll('.react-flow__node')].map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width >= 4 && r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom)
    .sort((a, b) => Math.hypot(a.r.left + a.r.width / 2 - cx, a.r.top + a.r.height / 2 - cy) - Math.hypot(b.r.left + b.r.width / 2 - cx, b.r.top + b.r.height / 2 - cy));
  for (const { el, r } of nodes.slice(0, 50)) {
    for (const [fx, fy] of [[0.5, 0.5], [0.2, 0.5], [0.8, 0.5], [0.5, 0.3], [0.2, 0.3]]) {
      const x = r.left + r.width * fx, y = r.top + r.height * fy;
      const hit = document.elementFromPoint(x, y);
      if (hit && el.contains(hit) && !hit.closest('.react-flow__handle, .nodrag')) return { x, y };
    }
  }
  return null;
})()`;

interface DragResult {
  /** 95th-percentile time between frames, in whole frame intervals. */
  p95: number;
  /** Main-thread CPU time a frame while dragging (from a trace, see mainThreadCpuMs). */
  cpu: number;
}

/**
 * Drags the node nearest the canvas centre round a circle. The mouse moves once a frame, 19 px
 * each time, as a real mouse does (Chromium hands a page one coalesced mouse move a frame): a
 * page that needs longer than a frame for a move drops frames, and cannot hide its work by
 * spreading one move over several frames. The moves are dispatched in the page at the start of
 * each frame, like Chromium's own frame-aligned input, so that every page gets exactly the same
 * moves at the same times. 19 px is more than the designer's 16 px snap grid at zoom 1, so the
 * node moves every frame in every page.
 *
 * Two figures: the frame times' 95th percentile, and the CPU time the page's main thread spent
 * on tasks (script, style, layout, paint) from the press to the last move, from a Chrome trace
 * (see mainThreadCpuMs), over the number of moves. Headless Chromium draws in software and paces
 * frames at 16.7 ms, so frame times come in whole frames and swing with the machine's load; the
 * CPU time is what the page itself costs a frame.
 */
async function drag(page: Page, frameInterval: number): Promise<DragResult> {
  const target = await page.evaluate(NODE_TO_GRAB);
  if (!target) throw new Error('no node to drag in view');
  const { x, y } = target as { x: number; y: number };
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const result = (await page.evaluate(`new Promise((resolve) => {
    const x = ${x}, y = ${y}, radius = ${DRAG_RADIUS}, frames = ${DRAG_FRAMES};
    const grabbed = document.elementFromPoint(x, y);
    const node = grabbed.closest('.react-flow__node');
    const before = node.style.transform;
    const mouse = (type, px, py, buttons) => new MouseEvent(type, {
      bubbles: true, cancelable: true, view: window, clientX: px, clientY: py, screenX: px, screenY: py, button: 0, buttons,
    });
    grabbed.dispatchEvent(mouse('mousedown', x, y, 1));
    const times = [];
    const frame = (t) => {
      times.push(t);
      const i = times.length;
      const angle = (2 * Math.PI * i) / ${FRAMES_PER_TURN};
      const px = x + radius * Math.sin(angle), py = y + radius * (1 - Math.cos(angle));
      if (i > frames) {
        window.__benchRelease = () => window.dispatchEvent(mouse('mouseup', px, py, 0));
        resolve({ times, moved: node.isConnected && node.style.transform !== before });
        return;
      }
      window.dispatchEvent(mouse('mousemove', px, py, 1));
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })`)) as { times: number[]; moved: boolean };
  const trace = await browser.stopTracing();
  await page.evaluate('window.__benchRelease()');
  if (!result.moved) throw new Error('the drag did not move the node');
  return {
    p95: p95InFrames(result.times, frameInterval),
    cpu: mainThreadCpuMs(trace, page.url()) / DRAG_FRAMES,
  };
}

async function metric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const found = metrics.find((m) => m.name === name);
  if (!found) throw new Error(`Chromium reports no ${name} metric`);
  return found.value;
}

const TRACE_CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string; data?: { frames?: { url: string; processId: number }[] } };
}

/**
 * The CPU time (ms) the main thread of the page at `url` spent running tasks while a trace ran:
 * the thread time (`tdur`) of its RunTask events. Thread time, not wall time: on a machine
 * whose cores are shared, a task's wall time also counts the time it waited for a core.
 */
function mainThreadCpuMs(trace: Buffer, url: string): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const frames = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames;
  const pid = frames?.find((f) => f.url === url)?.processId;
  const main = events.find(
    (e) =>
      e.pid === pid &&
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain',
  );
  if (!main) throw new Error(`the trace has no main thread for ${url}`);
  const tasks = events.filter(
    (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask',
  );
  if (!tasks.some((e) => e.tdur !== undefined)) throw new Error('the trace has no thread times');
  return tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
}

/** The page's JS heap in MB after a full garbage collection. */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metric(cdp, 'JSHeapUsedSize')) / 2 ** 20;
}

/**
 * The display's frame interval (median time between frames of a page doing nothing). Frame
 * times are whole multiples of it; the timestamps themselves jitter by a tenth of a millisecond.
 */
async function measureFrameInterval(page: Page): Promise<number> {
  const times = (await page.evaluate(`new Promise((resolve) => {
    const times = [];
    const frame = (t) => { times.push(t); if (times.length > 60) resolve(times); else requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  })`)) as number[];
  return median(times.slice(1).map((t, i) => t - times[i]!));
}

/**
 * The 95th-percentile time between frames, rounded to whole frame intervals: 16.8 ms and 16.7 ms
 * are both one frame, and comparing them would only compare timestamp jitter.
 */
function p95InFrames(times: readonly number[], frameInterval: number): number {
  const deltas = times
    .slice(1)
    .map((t, i) => t - times[i]!)
    .sort((a, b) => a - b);
  const p95 = deltas[Math.min(deltas.length - 1, Math.floor(deltas.length * 0.95))] ?? 0;
  return Math.max(1, Math.round(p95 / frameInterval)) * frameInterval;
}

/** One page under test: the designer, or bare React Flow with or without onlyRenderVisibleElements. */
interface Subject {
  name: 'designer' | 'bare' | 'bare-visible';
  url: string;
  ready: string;
  /** Zoom 1 around the first trigger. */
  zoom1(page: Page): Promise<void>;
}

interface Opened {
  subject: Subject;
  page: Page;
  cdp: CDPSession;
}

async function openSubject(browser: Browser, subject: Subject): Promise<Opened> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const cdp = await page.context().newCDPSession(page);
  await page.bringToFront();
  await timeToRender(page, subject.url, subject.ready);
  await cdp.send('Performance.enable');
  return { subject, page, cdp };
}

/** Says what the benchmark is doing, on one line of stderr that the next message replaces. */
function progress(what: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[Kdesigner: ${what}`);
}

const settle = (page: Page) => page.waitForTimeout(800);

/** Per-run ratios of the designer to the best baseline of the same run. */
function ratios(designer: readonly number[], bare: readonly number[], visible: readonly number[]) {
  return designer.map((d, i) => d / Math.min(bare[i]!, visible[i]!));
}

function bestBaseline(bare: readonly number[], visible: readonly number[]): number[] {
  return bare.map((b, i) => Math.min(b, visible[i]!));
}

const fmt = (values: readonly number[], digits = 1) =>
  `${median(values).toFixed(digits)} [${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}]`;

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
    const bareUrl = `${pages.origin}/bench/bare.html?path=${encodeURIComponent(path)}`;
    const bareReady = `document.querySelectorAll('.react-flow__node').length > 0`;
    const bareZoom1 = async (page: Page) =>
      void (await page.evaluate('window.bareFlow.zoomTo(1, 120, 60)'));
    const subjects: Subject[] = [
      {
        name: 'designer',
        url: `${pages.origin}/`,
        // The status bar writes the count with a thousands separator ("2,000 nodes").
        ready: `document.querySelector('.tl-statusbar')?.textContent.replace(/(\\d)[,.\u202f](?=\\d{3})/g, '$1').includes('${NODES} nodes') && document.querySelectorAll('.react-flow__node').length > 0`,
        zoom1: async (page) => {
          const search = page.getByRole('searchbox', { name: 'Search nodes' });
          await search.fill('n-start');
          await page
            .getByRole('listbox', { name: 'Search results' })
            .getByRole('option')
            .first()
            .waitFor();
          await search.press('Enter'); // selects the node and centres the view at zoom 1
        },
      },
      { name: 'bare', url: bareUrl, ready: bareReady, zoom1: bareZoom1 },
      { name: 'bare-visible', url: `${bareUrl}&visible=1`, ready: bareReady, zoom1: bareZoom1 },
    ];

    // Open: each run loads the three pages in turn, and the heap is read once each has settled.
    const opened: Opened[] = [];
    for (const subject of subjects) opened.push(await openSubject(browser, subject));
    const openMs = new Map(subjects.map((s) => [s.name, [] as number[]]));
    const heap = new Map(subjects.map((s) => [s.name, [] as number[]]));
    for (const { subject, page } of opened) {
      await page.bringToFront(); // pages in the background get no animation frames
      await timeToRender(page, subject.url, subject.ready);
    }
    for (let i = 0; i < RUNS; i++)
      for (const { subject, page, cdp } of opened) {
        progress(`open ${subject.name}, run ${i + 1} of ${RUNS}`);
        await page.bringToFront();
        openMs.get(subject.name)!.push(await timeToRender(page, subject.url, subject.ready));
        await settle(page);
        heap.get(subject.name)!.push(await heapMb(cdp));
      }
    for (const o of opened) await o.cdp.send('Performance.enable');

    // Drag: at fit view, then at zoom 1, DRAG_RUNS short drags a page, taking turns. Bare React
    // Flow drawing every node is left out: it drags several times slower than with
    // onlyRenderVisibleElements at both zooms (see docs/architecture.md, Benchmarks).
    const draggable = opened.filter((o) => o.subject.name !== 'bare');
    const frameInterval = await measureFrameInterval(opened[0]!.page);
    const dragged: Record<'fit' | 'zoom1', Map<string, DragResult[]>> = {
      fit: new Map(draggable.map((o) => [o.subject.name, []])),
      zoom1: new Map(draggable.map((o) => [o.subject.name, []])),
    };
    for (const view of ['fit', 'zoom1'] as const) {
      for (const { subject, page } of draggable) {
        await page.bringToFront();
        if (view === 'zoom1') await subject.zoom1(page);
        await settle(page);
      }
      for (let i = 0; i < DRAG_RUNS; i++)
        for (const { subject, page } of draggable) {
          progress(`drag ${subject.name} at ${view}, run ${i + 1} of ${DRAG_RUNS}`);
          await page.bringToFront();
          dragged[view].get(subject.name)!.push(await drag(page, frameInterval));
        }
    }

    const of = (values: Map<string, number[]>) =>
      [values.get('designer')!, values.get('bare')!, values.get('bare-visible')!] as const;
    const dragOf = (view: 'fit' | 'zoom1', key: keyof DragResult) =>
      (['designer', 'bare-visible'] as const).map((name) =>
        dragged[view].get(name)!.map((r) => r[key]),
      ) as [number[], number[]];

    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    const log = (line: string) => process.stderr.write(`${line}\n`);
    log(`designer benchmark, medians [min–max] (designer | bare | bare-visible):`);
    const [dOpen, bOpen, vOpen] = of(openMs);
    log(`  open ms, ${RUNS} runs: ${fmt(dOpen)} | ${fmt(bOpen)} | ${fmt(vOpen)}`);
    const [dHeap, bHeap, vHeap] = of(heap);
    log(`  heap MB, ${RUNS} runs: ${fmt(dHeap)} | ${fmt(bHeap)} | ${fmt(vHeap)}`);
    for (const view of ['fit', 'zoom1'] as const) {
      const [dc, vc] = dragOf(view, 'cpu');
      const [dp, vp] = dragOf(view, 'p95');
      log(
        `  ${view} drag main-thread CPU ms/frame, ${DRAG_RUNS} runs: ${fmt(dc, 2)} | - | ${fmt(vc, 2)}`,
      );
      log(
        `  ${view} drag p95 ms (${frameInterval.toFixed(2)} ms frames): ${fmt(dp)} | - | ${fmt(vp)}`,
      );
    }

    /** The worse of fit view and zoom 1, by median ratio to the baseline. */
    const worseDrag = (key: keyof DragResult) => {
      const views = (['fit', 'zoom1'] as const).map((view) => {
        const [d, v] = dragOf(view, key);
        return { view, ratios: ratios(d, v, v), base: v, own: d };
      });
      return median(views[0]!.ratios) >= median(views[1]!.ratios) ? views[0]! : views[1]!;
    };
    const cpu = worseDrag('cpu');
    const p95 = worseDrag('p95');
    const withBaseline = (figure: Figure, base: readonly number[]): Figure => ({
      ...figure,
      baseline: Math.round(median(base) * 1000) / 1000,
    });
    return [
      withBaseline(
        medianFigure('designer.open.ratio', ratios(dOpen, bOpen, vOpen), 'ratio', 3),
        bestBaseline(bOpen, vOpen),
      ),
      withBaseline(medianFigure('designer.drag_p95.ratio', p95.ratios, 'ratio', 3), p95.base),
      withBaseline(medianFigure('designer.drag_cpu.ratio', cpu.ratios, 'ratio', 3), cpu.base),
      medianFigure('designer.drag_cpu.ms', cpu.own, 'ms', 3),
      withBaseline(medianFigure('designer.heap.mb', dHeap, 'MB', 1), bestBaseline(bHeap, vHeap)),
    ];
  } finally {
    await browser.close();
    await pages.close();
    await host.close();
    await rm(dir, { recursive: true, force: true });
  }
};

export { NODE_TO_GRAB };
export default benchmark;
