// runtime.* (docs/architecture.md, Benchmarks). The runtime runs in a child process on an
// embedded SQLite store; this process is the sandbox (the Send API stand-in) and the load
// generator: simulated users each send their messages one after another (as Messenger delivers a
// user's messages in order), all users at once, every webhook signed. They talk to the shop
// example (quick replies, a card gallery, a question) with send pacing lifted, then to a
// generated 20,000-node flow, then the same load tool drives a bare Node HTTP server (also a
// child) that only verifies signatures; last, the shop example with Messenger's pacing on. A
// message counts when all its replies reached the Send API stand-in. Every run starts a fresh
// runtime on a fresh file; each figure is the median of the runs, with their spread, and the
// ratios are taken within a run, since the machine is shared and noisy. Loopback only; every
// loop is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newSession, step, type EngineEvent } from '../flows';
import { SHOP_SCRIPT } from './shop-script';
import type { CompiledFlow } from '../flows/schema';
import type { Sandbox } from '../runtime/sandbox';
import type { SeenMessage } from '../runtime/sandbox/view';
import { MESSENGER_RATE_LIMITS } from '../runtime/send/ratelimit';
import { medianFigure, type Benchmark, type Figure } from './types';

const USERS = 32;
const MESSAGES_PER_USER = Number(process.env.BENCH_PER_USER ?? 150);
/** Paced, the replies take Messenger's time: fewer messages keep the run short. */
const PACED_PER_USER = 30;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LARGE_FLOW = 20_000;
export const PAGE = { pageId: 'bench-page', pageToken: 'bench-token', appSecret: 'bench-secret' };
export const ADMIN = 'bench-admin';
const SELF = fileURLToPath(import.meta.url);

/** A figure with a word on how it was measured. */
type Noted = Figure & { note?: string };

// ---- child roles -------------------------------------------------------------------------------

async function runtimeChild(): Promise<void> {
  const { startRuntimeFromConfig } = await import('../runtime/index');
  const { createLogger } = await import('../runtime/log');
  // BENCH_COUNT_QUERIES=1 (PostgreSQL): count round trips and commits, report them on SIGTERM.
  const { countQueries } = await import('../runtime/testing/pg-count');
  const queries = process.env.BENCH_COUNT_QUERIES ? countQueries().count : undefined;
  const runtime = await startRuntimeFromConfig(
    {
      ...PAGE,
      verifyToken: 'v',
      adminToken: ADMIN,
      db: process.env.BENCH_DB!,
      graphUrl: process.env.BENCH_GRAPH!,
      port: 0,
      appId: undefined,
      debugText: false,
      secrets: {},
    },
    {
      host: '127.0.0.1',
      log: createLogger({ quiet: true }),
      // BENCH_PACED=1: Messenger's send pacing (the default); else lifted.
      ...(process.env.BENCH_PACED
        ? {}
        : { rateLimits: { textPerSecond: 1e6, mediaPerSecond: 1e6 } }),
    },
  );
  process.stdout.write(`PORT ${runtime.port}\n`);
  // A line on stdin marks the start of the load: CPU time counts from there.
  let cpu = process.cpuUsage();
  let main = mainThreadCpuMs();
  process.stdin.on('data', () => {
    cpu = process.cpuUsage();
    main = mainThreadCpuMs();
  });
  process.once('SIGTERM', () => {
    if (queries) process.stdout.write(`QUERIES ${queries.trips} ${queries.commits}\n`);
    // CPU milliseconds since the mark: all threads, and the main thread alone.
    const used = process.cpuUsage(cpu);
    process.stdout.write(`CPU ${(used.user + used.system) / 1000} ${mainThreadCpuMs() - main}\n`);
    // The peak resident set size of the whole run, in kilobytes.
    process.stdout.write(`RSS ${process.resourceUsage().maxRSS}\n`);
    void runtime.stop().then(() => process.exit(0));
  });
}

/**
 * The CPU time of this process's main thread, in milliseconds (Linux: /proc, 10 ms ticks), so
 * the work moved to other threads shows; elsewhere NaN.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces): utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

function bareChild(): void {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const expected = createHmac('sha256', PAGE.appSecret).update(body).digest();
      const given = Buffer.from(String(req.headers['x-hub-signature-256'] ?? '').slice(7), 'hex');
      const ok = given.length === expected.length && timingSafeEqual(given, expected);
      res.writeHead(ok ? 200 : 401).end(ok ? 'EVENT_RECEIVED' : 'bad-signature');
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    process.stdout.write(`PORT ${address.port}\n`);
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

// ---- parent: sandbox and load generator --------------------------------------------------------

export interface Child {
  port: number;
  child: ChildProcess;
  /** Everything the child wrote to stdout so far. */
  output(): string;
}

export function spawnChild(role: string, env: Record<string, string>): Promise<Child> {
  const child = spawn(
    process.execPath,
    [
      // BENCH_PROF=DIR writes CPU profiles of the children there, to see where the time goes.
      ...(process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []),
      '--import',
      'tsx',
      SELF,
    ],
    {
      env: { ...process.env, BENCH_ROLE: role, ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  // A bench that fails must not leave a server running (and holding this process's pipes).
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${role} child did not start`)), 20_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), child, output: () => out });
      }
    });
    child.once('exit', (code) => reject(new Error(`${role} child exited with ${code}`)));
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    // (The start-up listeners stay: their promise has settled, and one of them removes the
    // clean-up hook this process set for the child.)
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

interface LoadResult {
  seconds: number;
  ackMs: number[];
}

/**
 * What a simulated user sends as their i-th message: the `messaging` item's content beyond
 * sender, recipient and timestamp (a `message` or a `postback`). The default is a text,
 * "message i".
 */
export type Say = (i: number, mid: string) => Record<string, unknown>;

const textSay: Say = (i, mid) => ({ message: { mid, text: `message ${i}` } });

/** Every user's signed webhook requests, built before the clock starts (the load tool is not under test). */
function buildRequests(
  ports: number[],
  pageId: string,
  startAt: number,
  perUser: number,
  users: string[],
  say: Say,
): Buffer[][] {
  return users.map((userId, u) =>
    Array.from({ length: perUser }, (_, i) => {
      const port = ports[u % ports.length]!;
      const ts = startAt + i;
      const raw = JSON.stringify({
        object: 'page',
        entry: [
          {
            id: pageId,
            time: ts,
            messaging: [
              {
                sender: { id: userId },
                recipient: { id: pageId },
                timestamp: ts,
                ...say(i, `m-${port}-${userId}-${i}`),
              },
            ],
          },
        ],
      });
      const signature = createHmac('sha256', PAGE.appSecret).update(raw).digest('hex');
      return Buffer.from(
        `POST /webhook HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\n` +
          `content-length: ${Buffer.byteLength(raw)}\r\nx-hub-signature-256: sha256=${signature}\r\n\r\n${raw}`,
      );
    }),
  );
}

/**
 * One keep-alive connection a user, one request at a time on it (as Messenger delivers a user's
 * messages in order), all users at once. A raw socket with a minimal HTTP/1.1 response reader
 * instead of node:http's client: the load tool shares the machine's two cores with the server
 * under test, so the cheaper it is, the more the figure says about the server.
 */
function userConnection(
  port: number,
): Promise<{ post(request: Buffer): Promise<number>; close(): void }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, noDelay: true });
    let buffered: Buffer = Buffer.alloc(0);
    let waiting: { resolve: (status: number) => void; reject: (error: Error) => void } | undefined;
    const fail = (error: Error) => {
      waiting?.reject(error);
      waiting = undefined;
    };
    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      const headEnd = buffered.indexOf('\r\n\r\n');
      if (headEnd < 0 || !waiting) return;
      const head = buffered.subarray(0, headEnd).toString('latin1');
      const length = /\r\ncontent-length: *(\d+)/i.exec(head);
      // Without a length the body is chunked; the bodies here are short, so its end is the
      // first last-chunk marker after the head.
      const chunkedEnd = length ? -1 : buffered.indexOf('\r\n0\r\n\r\n', headEnd + 2);
      if (!length && chunkedEnd < 0) return;
      const total = length ? headEnd + 4 + Number(length[1]) : chunkedEnd + 7;
      if (buffered.length < total) return;
      buffered = buffered.subarray(total);
      const done = waiting;
      waiting = undefined;
      done.resolve(Number(head.slice(9, 12)));
    });
    socket.on('error', (error) => (waiting ? fail(error) : reject(error)));
    socket.on('close', () => fail(new Error('connection closed')));
    socket.once('connect', () =>
      resolve({
        post: (request) =>
          new Promise<number>((res, rej) => {
            waiting = { resolve: res, reject: rej };
            socket.write(request);
          }),
        close: () => socket.destroy(),
      }),
    );
  });
}

/**
 * Posts every user's messages in order, all users concurrently; returns the ack times. With
 * several ports (instances), user u talks to ports[u % ports.length].
 */
export async function drive(
  ports: number | number[],
  pageId: string,
  startAt: number,
  options: { perUser?: number; users?: string[]; say?: Say } = {},
): Promise<LoadResult> {
  const list = typeof ports === 'number' ? [ports] : ports;
  const users = options.users ?? Array.from({ length: USERS }, (_, u) => `user-${u}`);
  const requests = buildRequests(
    list,
    pageId,
    startAt,
    options.perUser ?? MESSAGES_PER_USER,
    users,
    options.say ?? textSay,
  );
  const connections = await Promise.all(
    requests.map((_, u) => userConnection(list[u % list.length]!)),
  );
  const ackMs: number[] = [];
  const started = performance.now();
  try {
    await Promise.all(
      requests.map(async (mine, u) => {
        for (const request of mine) {
          const sent = performance.now();
          const status = await connections[u]!.post(request);
          ackMs.push(performance.now() - sent);
          if (status !== 200) throw new Error(`webhook answered ${status}`);
        }
      }),
    );
    return { seconds: (performance.now() - started) / 1000, ackMs };
  } finally {
    for (const c of connections) c.close();
  }
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;
}

/** A scripted conversation: the flow, and what every user sends, in a loop. */
interface Scenario {
  label: string;
  flow: CompiledFlow;
  script: EngineEvent[];
}

/** The generated flow (bench/generate-flow.ts): its first chapter's menu, size question, cards. */
const GENERATED_SCRIPT: EngineEvent[] = [
  { type: 'text', text: 'menu' },
  { type: 'quick_reply', payload: 'TL1:r:c0-menu:yes', text: 'Yes please' },
  { type: 'text', text: 'twelve' },
  { type: 'text', text: 'help' },
  { type: 'quick_reply', payload: 'TL1:r:c0-menu:yes', text: 'Yes please' },
  { type: 'text', text: '44' },
  { type: 'text', text: 'hello' },
];

/** The webhook item for one script event, as Messenger sends it. */
function sayFor(script: EngineEvent[]): Say {
  return (i, mid) => {
    const event = script[i % script.length]!;
    switch (event.type) {
      case 'get_started':
        return { postback: { mid, title: 'Get Started', payload: 'TL1:get_started' } };
      case 'postback':
        return { postback: { mid, title: event.title, payload: event.payload } };
      case 'quick_reply':
        return { message: { mid, text: event.text, quick_reply: { payload: event.payload } } };
      case 'text':
        return { message: { mid, text: event.text } };
      default:
        throw new Error(`the bench cannot send a ${event.type} event`);
    }
  };
}

/** A sent message's shape (text or cards, quick replies, buttons or cards): what the order check compares. */
const shapeOf = (m: SeenMessage) =>
  m.text === undefined
    ? `c${m.quickReplies.length}/${m.cards.length}`
    : `t${m.quickReplies.length}/${m.buttons.length}`;

/**
 * The shapes of the replies one user gets for `perUser` messages, from the engine itself (the
 * split's variants differ in text only). Also checks every script event does something.
 */
function expectedReplies(scenario: Scenario, perUser: number): string[] {
  let session = newSession(scenario.flow.revision, { id: 'bench' });
  const shapes: string[] = [];
  for (let i = 0; i < perUser; i++) {
    const event = scenario.script[i % scenario.script.length]!;
    const result = step(scenario.flow, session, event, {
      now: 1000 * (i + 1),
      random: Math.random,
    });
    session = result.session;
    if (i < scenario.script.length && result.trace.every((t) => t.type === 'ignored'))
      throw new Error(`${scenario.label}: script event ${i} did nothing`);
    for (const a of result.actions) {
      if (a.type === 'send_text')
        shapes.push(`t${a.quickReplies?.length ?? 0}/${a.buttons?.length ?? 0}`);
      else if (a.type === 'send_cards')
        shapes.push(`c${a.quickReplies?.length ?? 0}/${a.cards.length}`);
      else if (a.type.startsWith('send_'))
        throw new Error(`${scenario.label}: the bench script sends ${a.type}`);
    }
  }
  return shapes;
}

interface RunResult {
  msgsPerS: number;
  sendsPerS: number;
  ackP99: number;
  rssMb: number;
  /** The runtime's CPU milliseconds a message: all its threads, and its main thread. */
  cpuMs: number;
  mainMs: number;
}

/**
 * One run: a fresh runtime on a fresh SQLite file publishes the scenario's flow, `users` each
 * send `perUser` messages in order (all users at once), and the run ends when every reply
 * reached the Send API stand-in; lost, doubled or reordered replies fail the bench.
 */
async function runScenario(
  sandbox: Sandbox,
  dir: string,
  scenario: Scenario,
  options: { tag: string; perUser: number; paced: boolean },
): Promise<RunResult> {
  const expected = expectedReplies(scenario, options.perUser);
  const { port, child, output } = await spawnChild('runtime', {
    BENCH_DB: join(dir, `${options.tag}.db`),
    BENCH_GRAPH: sandbox.url,
    ...(options.paced ? { BENCH_PACED: '1' } : {}),
  });
  try {
    const runtimeUrl = `http://127.0.0.1:${port}`;
    sandbox.connect(runtimeUrl);
    const put = await fetch(`${runtimeUrl}/api/flows/${scenario.flow.flowId}`, {
      method: 'PUT',
      body: JSON.stringify(scenario.flow),
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    if (!put.ok) throw new Error(`publish failed: ${put.status} ${await put.text()}`);
    const users = Array.from({ length: USERS }, (_, u) => `${options.tag}-${u}`);
    for (const u of users) sandbox.userWrote(u);
    const total = USERS * expected.length;
    const count = () => users.reduce((sum, u) => sum + sandbox.messages(u).length, 0);
    child.stdin!.write('start\n');
    const started = performance.now();
    const load = await drive(port, PAGE.pageId, Date.now(), {
      users,
      perUser: options.perUser,
      say: sayFor(scenario.script),
    });
    await waitFor(() => count() >= total, 180_000);
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 300)); // late duplicates would show up here
    let misordered = 0;
    for (const u of users)
      sandbox.messages(u).forEach((m, i) => {
        if (shapeOf(m) !== expected[i]) misordered++;
      });
    const answered = count();
    if (answered !== total || misordered)
      throw new Error(
        `${options.tag}: ${total} replies expected, ${answered} sent, ${misordered} out of order`,
      );
    await stopChild(child);
    const rss = /RSS (\d+)/.exec(output());
    const cpu = /CPU ([\d.]+) ([\d.]+|NaN)/.exec(output());
    if (!rss || !cpu) throw new Error('the runtime did not report its peak memory and CPU time');
    const messages = USERS * options.perUser;
    return {
      cpuMs: Number(cpu[1]) / messages,
      mainMs: Number(cpu[2]) / messages,
      msgsPerS: (USERS * options.perUser) / seconds,
      sendsPerS: total / seconds,
      ackP99: p99(load.ackMs),
      rssMb: Number(rss[1]) / 1024,
    };
  } finally {
    if (child.exitCode === null) await stopChild(child);
  }
}

const benchmark: Benchmark = async () => {
  const { startSandbox } = await import('../runtime/sandbox');
  const { compile, exampleFlow } = await import('../runtime/testing/flows');
  const { generateFlow } = await import('./generate-flow');
  const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-'));
  const sandbox = await startSandbox({ ...PAGE, rates: null });
  const shop: Scenario = { label: 'shop', flow: compile(exampleFlow('shop')), script: SHOP_SCRIPT };
  const big: Scenario = {
    label: `${LARGE_FLOW}-node flow`,
    flow: compile(generateFlow(LARGE_FLOW)),
    script: GENERATED_SCRIPT,
  };
  const runs: { shop: RunResult; big: RunResult; bare: number; paced: RunResult }[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      // Send pacing lifted: the runtime sends as fast as it can.
      const shopRun = await runScenario(sandbox, dir, shop, {
        tag: `r${run}-shop`,
        perUser: MESSAGES_PER_USER,
        paced: false,
      });
      const bigRun = await runScenario(sandbox, dir, big, {
        tag: `r${run}-big`,
        perUser: MESSAGES_PER_USER,
        paced: false,
      });
      const bare = await spawnChild('bare', {});
      const bareLoad = await drive(bare.port, PAGE.pageId, Date.now(), {
        perUser: MESSAGES_PER_USER,
      });
      await stopChild(bare.child);
      // Messenger's pacing on: the Page's 300 texts a second cap the replies.
      const paced = await runScenario(sandbox, dir, shop, {
        tag: `r${run}-paced`,
        perUser: PACED_PER_USER,
        paced: true,
      });
      runs.push({
        shop: shopRun,
        big: bigRun,
        bare: (USERS * MESSAGES_PER_USER) / bareLoad.seconds,
        paced,
      });
      console.error(
        `runtime run ${run + 1}: shop ${Math.round(shopRun.msgsPerS)} msgs/s (ack p99 ` +
          `${shopRun.ackP99.toFixed(1)} ms, CPU ${shopRun.cpuMs.toFixed(3)} ms a message, main ` +
          `thread ${shopRun.mainMs.toFixed(3)} ms), ${big.label} ${Math.round(bigRun.msgsPerS)} msgs/s, ` +
          `bare ${Math.round(runs.at(-1)!.bare)} req/s, paced ${Math.round(paced.msgsPerS)} msgs/s ` +
          `(${Math.round(paced.sendsPerS)} sends/s); peak RSS ${Math.round(shopRun.rssMb)} / ` +
          `${Math.round(bigRun.rssMb)} MB`,
      );
    }
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const of = <T>(pick: (r: (typeof runs)[number]) => T) => runs.map(pick);
  const bareFigure = medianFigure(
    'runtime.bare.req_per_s',
    of((r) => r.bare),
    'req/s',
    0,
  );
  const shopFigure = medianFigure(
    'runtime.msgs_per_s',
    of((r) => r.shop.msgsPerS),
    'msgs/s',
    0,
  );
  const figures: Noted[] = [
    { ...shopFigure, note: 'shop example, send pacing lifted' },
    medianFigure(
      'runtime.ack_p99.ms',
      of((r) => r.shop.ackP99),
      'ms',
    ),
    bareFigure,
    {
      ...medianFigure(
        'runtime.ratio',
        of((r) => r.shop.msgsPerS / r.bare),
        'x',
      ),
      baseline: bareFigure.value,
    },
    {
      name: 'runtime.replies_per_msg',
      value: Number(
        (expectedReplies(shop, MESSAGES_PER_USER).length / MESSAGES_PER_USER).toFixed(2),
      ),
      unit: 'replies/msg',
    },
    {
      ...medianFigure(
        'runtime.msgs_per_s.paced',
        of((r) => r.paced.msgsPerS),
        'msgs/s',
        0,
      ),
      note: "shop example, Messenger's send pacing on",
    },
    {
      ...medianFigure(
        'runtime.sends_per_s.paced',
        of((r) => r.paced.sendsPerS),
        'sends/s',
        0,
      ),
      baseline: MESSENGER_RATE_LIMITS.textPerSecond,
    },
    medianFigure(
      `runtime.${LARGE_FLOW}.msgs_per_s`,
      of((r) => r.big.msgsPerS),
      'msgs/s',
      0,
    ),
    {
      ...medianFigure(
        `runtime.${LARGE_FLOW}.ratio`,
        of((r) => r.big.msgsPerS / r.shop.msgsPerS),
        'x',
      ),
      baseline: shopFigure.value,
    },
    medianFigure(
      'runtime.peak_rss.mb',
      of((r) => Math.max(r.shop.rssMb, r.paced.rssMb)),
      'MB',
      0,
    ),
    medianFigure(
      `runtime.${LARGE_FLOW}.peak_rss.mb`,
      of((r) => r.big.rssMb),
      'MB',
      0,
    ),
    medianFigure(
      'runtime.cpu_per_msg.ms',
      of((r) => r.shop.cpuMs),
      'ms',
      3,
    ),
    medianFigure(
      'runtime.main_cpu_per_msg.ms',
      of((r) => r.shop.mainMs),
      'ms',
      3,
    ),
  ];
  return figures;
};

export async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the replies');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export default benchmark;

if (process.env.BENCH_ROLE === 'runtime') void runtimeChild();
else if (process.env.BENCH_ROLE === 'bare') bareChild();
else if (process.argv[1] === SELF)
  for (const f of await benchmark()) console.log(JSON.stringify(f));
