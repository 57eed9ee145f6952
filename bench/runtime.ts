// runtime.msgs_per_s, runtime.ack_p99.ms, runtime.bare.req_per_s (docs/architecture.md, Benchmarks).
// The runtime runs in a child process on an embedded SQLite store; this process is the sandbox
// (the Send API stand-in) and the load generator: simulated users each send their messages one
// after another (as Messenger delivers a user's messages in order), all users at once, every
// webhook signed. A message counts when its reply reached the Send API stand-in. The same load
// generator then drives a bare Node HTTP server (also a child) that only verifies signatures.
// Loopback only; every loop is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure, Benchmark } from './types';

const USERS = 32;
const MESSAGES_PER_USER = 300;
export const PAGE = { pageId: 'bench-page', pageToken: 'bench-token', appSecret: 'bench-secret' };
export const ADMIN = 'bench-admin';
const SELF = fileURLToPath(import.meta.url);

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
      rateLimits: { textPerSecond: 1e6, mediaPerSecond: 1e6 },
    },
  );
  process.stdout.write(`PORT ${runtime.port}\n`);
  process.once('SIGTERM', () => {
    if (queries) process.stdout.write(`QUERIES ${queries.trips} ${queries.commits}\n`);
    void runtime.stop().then(() => process.exit(0));
  });
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
      stdio: ['ignore', 'pipe', 'inherit'],
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

/** Every user's signed webhook requests, built before the clock starts (the load tool is not under test). */
function buildRequests(
  ports: number[],
  pageId: string,
  startAt: number,
  perUser: number,
  users: string[],
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
                message: { mid: `m-${port}-${userId}-${i}`, text: `message ${i}` },
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
  options: { perUser?: number; users?: string[] } = {},
): Promise<LoadResult> {
  const list = typeof ports === 'number' ? [ports] : ports;
  const users = options.users ?? Array.from({ length: USERS }, (_, u) => `user-${u}`);
  const requests = buildRequests(
    list,
    pageId,
    startAt,
    options.perUser ?? MESSAGES_PER_USER,
    users,
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

const benchmark: Benchmark = async () => {
  const { startSandbox } = await import('../runtime/sandbox');
  const { compile, delayFlow } = await import('../runtime/testing/flows');
  const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-'));
  const sandbox = await startSandbox({ ...PAGE, rates: null });
  const figures: Figure[] = [];
  try {
    const { port, child } = await spawnChild('runtime', {
      BENCH_DB: join(dir, 'bench.db'),
      BENCH_GRAPH: sandbox.url,
    });
    const runtimeUrl = `http://127.0.0.1:${port}`;
    sandbox.connect(runtimeUrl);
    // "You said {{last_input}}" answers every text with exactly one message.
    const flow = compile(delayFlow(60));
    const put = await fetch(`${runtimeUrl}/api/flows/${flow.flowId}`, {
      method: 'PUT',
      body: JSON.stringify(flow),
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    if (!put.ok) throw new Error(`publish failed: ${put.status}`);
    for (let u = 0; u < USERS; u++) sandbox.userWrote(`user-${u}`);

    const total = USERS * MESSAGES_PER_USER;
    const started = performance.now();
    const load = await drive(port, PAGE.pageId, Date.now());
    const count = () =>
      Array.from({ length: USERS }, (_, u) => sandbox.messages(`user-${u}`).length).reduce(
        (a, b) => a + b,
        0,
      );
    await waitFor(() => count() >= total, 120_000);
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 500)); // late duplicates would show up here
    const answered = count();
    let misordered = 0;
    for (let u = 0; u < USERS; u++)
      sandbox.messages(`user-${u}`).forEach((m, i) => {
        if (m.text !== `You said message ${i}`) misordered++;
      });
    const lost = Math.max(0, total - answered);
    const duplicated = Math.max(0, answered - total);
    console.error(
      `runtime bench: ${total} messages, ${answered} answered, ${lost} lost, ${duplicated} sent twice, ${misordered} out of order`,
    );
    if (lost || duplicated || misordered)
      throw new Error('the runtime lost, duplicated or reordered messages');
    figures.push({
      name: 'runtime.msgs_per_s',
      value: Math.round(total / seconds),
      unit: 'msgs/s',
    });
    figures.push({
      name: 'runtime.ack_p99.ms',
      value: Number(p99(load.ackMs).toFixed(2)),
      unit: 'ms',
    });
    await stopChild(child);

    const bare = await spawnChild('bare', {});
    const bareLoad = await drive(bare.port, PAGE.pageId, Date.now());
    await stopChild(bare.child);
    const bareRate = Math.round(total / bareLoad.seconds);
    figures.push({ name: 'runtime.bare.req_per_s', value: bareRate, unit: 'req/s' });
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
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
