// storage.*: what the runtime stores per message, measured on real traffic. The runtime runs in
// this process against the sandbox (loopback only); simulated users talk to the example flow
// (each message is a webhook event and its one or two replies, as Messenger sends and receives
// them). Bytes per message is the growth of the store between two equal phases of traffic from
// the same users; bytes per subscriber is what a new user's session adds beyond their message.
// SQLite: the file's size after a full checkpoint. PostgreSQL: pg_total_relation_size (tables,
// indexes, TOAST) of the run's schema, as written (with the dead row versions that updates leave
// until autovacuum reuses them) and live (after VACUUM FULL). Nothing is pruned here: the figures
// are what the retention period multiplies.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startRuntimeFromConfig } from '../runtime/index';
import { createLogger } from '../runtime/log';
import { startSandbox, type Sandbox } from '../runtime/sandbox';
import { openPostgresStore } from '../runtime/store/postgres';
import type { Store } from '../runtime/store/types';
import { compile, exampleFlow } from '../runtime/testing/flows';
import { dropSchema, POSTGRES_URL, uniqueSchema } from '../runtime/testing/postgres';
import { SECRETS, testConfig } from '../runtime/testing/stack';
import { waitUntil } from '../runtime/testing/wait';
import type { Benchmark, Figure } from './types';

const USERS = 100;
const MESSAGES_PER_USER = 20;

interface Target {
  name: 'sqlite' | 'postgres';
  open(): Promise<Store | undefined>;
  size(): Promise<number>;
  live?(): Promise<number>;
  cleanup(): Promise<void>;
}

/** One phase: the runtime starts on the store, `users` each send `messages`, all handled. */
async function phase(
  sandbox: Sandbox,
  target: Target,
  db: string,
  users: string[],
  messages: number,
): Promise<void> {
  const store = await target.open();
  const runtime = await startRuntimeFromConfig(testConfig(sandbox.url, db), {
    host: '127.0.0.1',
    log: createLogger({ quiet: true }),
    rateLimits: { textPerSecond: 1e6, mediaPerSecond: 1e6 },
    ...(store ? { store } : {}),
  });
  sandbox.connect(runtime.url);
  try {
    await runtime.store.publish(compile(exampleFlow('welcome')), Date.now());
    for (let m = 0; m < messages; m++) {
      // The menu (two replies), then a tap on one of its quick replies (one reply).
      await Promise.all(
        users.map((psid) => {
          const user = sandbox.user(psid);
          return m % 2 === 0 || sandbox.messages(psid).length === 0
            ? user.sendText('menu')
            : user.tapQuickReply('Opening hours');
        }),
      );
      await waitUntil(async () => {
        const c = await runtime.store.counts();
        return c.inboxPending === 0 && c.outboxPending === 0;
      }, 60_000);
    }
  } finally {
    await runtime.stop();
  }
}

async function measure(target: Target, sandbox: Sandbox, db: string): Promise<Figure[]> {
  const users = Array.from({ length: USERS }, (_, i) => `${target.name}-user-${i}`);
  const half = MESSAGES_PER_USER / 2;
  await phase(sandbox, target, db, users, half);
  const first = await target.size();
  await phase(sandbox, target, db, users, half);
  const second = await target.size();
  const newcomers = users.map((u) => `${u}-new`);
  await phase(sandbox, target, db, newcomers, 1);
  const third = await target.size();
  const perMessage = (second - first) / (USERS * half);
  const perSubscriber = (third - second) / USERS - perMessage;
  const figures: Figure[] = [
    { name: `storage.${target.name}.bytes_per_msg`, value: Math.round(perMessage), unit: 'B' },
    {
      name: `storage.${target.name}.bytes_per_subscriber`,
      value: Math.round(perSubscriber),
      unit: 'B',
    },
  ];
  if (target.live) {
    // The same three phases' traffic, live rows only.
    const live = await target.live();
    const total = USERS * MESSAGES_PER_USER + USERS;
    figures.push({
      name: `storage.${target.name}.live_bytes_per_msg`,
      value: Math.round(live / total),
      unit: 'B',
    });
  }
  return figures;
}

const run: Benchmark = async () => {
  const sandbox = await startSandbox({ ...SECRETS, rates: null });
  const dir = mkdtempSync(join(tmpdir(), 'threadline-storage-'));
  const file = join(dir, 'store.db');
  const schema = uniqueSchema();
  const sizeOfSchema = async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      const r = await client.query(
        `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint AS n
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relkind = 'r'`,
        [schema],
      );
      return Number(r.rows[0].n);
    } finally {
      await client.end();
    }
  };
  const targets: Target[] = [
    {
      name: 'sqlite',
      open: async () => undefined,
      size: async () => statSync(file).size, // the runtime's stop checkpoints and empties the WAL
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    },
    {
      name: 'postgres',
      open: () => openPostgresStore(POSTGRES_URL, { schema }),
      size: sizeOfSchema,
      live: async () => {
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        try {
          await client.query(`SET search_path = ${schema}`);
          await client.query('VACUUM FULL');
        } finally {
          await client.end();
        }
        return sizeOfSchema();
      },
      cleanup: () => dropSchema(schema),
    },
  ];
  const figures: Figure[] = [];
  try {
    for (const target of targets) {
      try {
        figures.push(...(await measure(target, sandbox, target.name === 'sqlite' ? file : '')));
      } finally {
        await target.cleanup();
      }
    }
  } finally {
    await sandbox.close();
  }
  return figures;
};

export default run;
