// runtime.pg.*: the runtime on PostgreSQL, against the SQLite store in the same run. Same load
// as `runtime` (bench/runtime.ts: simulated users each sending their messages one after another,
// every webhook signed, a message counted when its reply reached the Send API stand-in), driven
// at one runtime on SQLite, one on PostgreSQL and two on one PostgreSQL database (each user talks
// to one of them). Every run uses fresh storage; the figures are medians over the runs, since
// the machine is shared and noisy, each printed with its spread (lowest and highest run). Also: round trips and durable commits per message (counted
// in the PostgreSQL runtime's pg driver, background polls included) and how long a killed
// instance's users wait before another instance takes them over.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ADMIN, drive, PAGE, spawnChild, stopChild, waitFor, type Child } from './runtime';
import { median, medianFigure, type Benchmark, type Figure } from './types';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const USERS = 32;
const PER_USER = 150;

const benchmark: Benchmark = async () => {
  const { startSandbox } = await import('../runtime/sandbox');
  const { compile, delayFlow } = await import('../runtime/testing/flows');
  const { POSTGRES_URL, assertPostgresReachable, dropSchema, uniqueSchema } =
    await import('../runtime/testing/postgres');
  await assertPostgresReachable();
  const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-pg-'));
  const sandbox = await startSandbox({ ...PAGE, rates: null });
  const flow = compile(delayFlow(60));
  const schemas: string[] = [];
  const pgUrl = async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    return `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  };

  /** Publishes, drives every user's messages at the instances, checks the replies; msgs/s. */
  const measure = async (label: string, children: Child[]): Promise<number> => {
    const put = await fetch(`http://127.0.0.1:${children[0]!.port}/api/flows/${flow.flowId}`, {
      method: 'PUT',
      body: JSON.stringify(flow),
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    if (!put.ok) throw new Error(`publish failed: ${put.status}`);
    const users = Array.from({ length: USERS }, (_, u) => `${label}-${u}`);
    for (const u of users) sandbox.userWrote(u);
    const total = USERS * PER_USER;
    const count = () => users.reduce((sum, u) => sum + sandbox.messages(u).length, 0);
    const started = performance.now();
    await drive(
      children.map((c) => c.port),
      PAGE.pageId,
      Date.now(),
      { users, perUser: PER_USER },
    );
    await waitFor(() => count() >= total, 180_000);
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 300)); // late duplicates would show up here
    let wrong = 0;
    for (const u of users)
      sandbox.messages(u).forEach((m, i) => {
        if (m.text !== `You said message ${i}`) wrong++;
      });
    if (count() !== total || wrong)
      throw new Error(`${label}: replies lost, duplicated or out of order`);
    return total / seconds;
  };
  const start = (db: string, extra: Record<string, string> = {}) =>
    spawnChild('runtime', { BENCH_DB: db, BENCH_GRAPH: sandbox.url, ...extra });

  const sqlite: number[] = [];
  const one: number[] = [];
  const two: number[] = [];
  const ratios: number[] = [];
  const trips: number[] = [];
  const commits: number[] = [];
  const takeover: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const s = await start(join(dir, `run-${run}.db`));
      sqlite.push(await measure(`r${run}-sqlite`, [s]));
      await stopChild(s.child);

      const p = await start(await pgUrl(), { BENCH_COUNT_QUERIES: '1' });
      one.push(await measure(`r${run}-pg`, [p]));
      await stopChild(p.child);
      const counted = /QUERIES (\d+) (\d+)/.exec(p.output());
      if (!counted) throw new Error('the PostgreSQL runtime did not report its queries');
      trips.push(Number(counted[1]) / (USERS * PER_USER));
      commits.push(Number(counted[2]) / (USERS * PER_USER));
      ratios.push(one.at(-1)! / sqlite.at(-1)!);

      const url = await pgUrl();
      const a = await start(url);
      const b = await start(url);
      two.push(await measure(`r${run}-pg2`, [a, b]));
      await Promise.all([stopChild(a.child), stopChild(b.child)]);

      takeover.push(await takeoverMs());
      console.error(
        `runtime-pg run ${run + 1}: sqlite ${Math.round(sqlite.at(-1)!)}, pg ${Math.round(one.at(-1)!)}, ` +
          `two pg ${Math.round(two.at(-1)!)} msgs/s; ${trips.at(-1)!.toFixed(2)} round trips, ` +
          `${commits.at(-1)!.toFixed(2)} commits a message; takeover ${Math.round(takeover.at(-1)!)} ms`,
      );
    }
  } finally {
    await sandbox.close();
    for (const schema of schemas) await dropSchema(schema).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    medianFigure('runtime.pg.msgs_per_s', one, 'msgs/s', 0),
    medianFigure('runtime.pg.two_instances.msgs_per_s', two, 'msgs/s', 0),
    {
      ...medianFigure('runtime.pg.ratio', ratios, 'x'),
      baseline: Math.round(median(sqlite)),
    },
    medianFigure('runtime.pg.round_trips_per_msg', trips, 'trips/msg'),
    medianFigure('runtime.pg.commits_per_msg', commits, 'commits/msg'),
    medianFigure('runtime.pg.takeover.ms', takeover, 'ms', 0),
  ] satisfies Figure[];
};

/**
 * Instance A leases users (30-second leases), then all its connections are terminated; the time
 * until instance B's claim (polled every 10 ms) gets them.
 */
async function takeoverMs(): Promise<number> {
  const { openPostgresStore } = await import('../runtime/store/postgres');
  const { POSTGRES_URL, dropSchema, uniqueSchema } = await import('../runtime/testing/postgres');
  const schema = uniqueSchema();
  const name = `bench-a-${schema}`.slice(0, 63);
  const a = await openPostgresStore(POSTGRES_URL, { schema, applicationName: name });
  const b = await openPostgresStore(POSTGRES_URL, { schema });
  try {
    const now = Date.now();
    await a.insertEvents(
      Array.from({ length: 10 }, (_, i) => ({
        pageId: PAGE.pageId,
        psid: `u${i}`,
        dedupeKey: `k${i}`,
        timestamp: now,
        channel: 'messaging' as const,
        event: {},
        fromUser: true,
      })),
      now,
    );
    if ((await a.claimLanes('bench-a', now, 30_000, 10)).length !== 10)
      throw new Error('instance A did not lease the users');
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [name],
    );
    await admin.end();
    const killed = performance.now();
    for (let i = 0; i < 3000; i++) {
      if ((await b.claimLanes('bench-b', Date.now(), 30_000, 10)).length === 10)
        return performance.now() - killed;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('instance B never took the users over');
  } finally {
    await a.close().catch(() => undefined);
    await b.close();
    await dropSchema(schema);
  }
}

export default benchmark;
