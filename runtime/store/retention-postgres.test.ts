// PostgreSQL pruning runs on one instance at a time: while another holds the prune lock, a run
// deletes nothing and says so; once it is free, the same run does the work.
import pg from 'pg';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  assertPostgresReachable,
  dropSchema,
  POSTGRES_URL,
  uniqueSchema,
} from '../testing/postgres';
import { openPostgresStore } from './postgres';
import { daysToMs } from './retention';
import type { Store } from './types';

beforeAll(assertPostgresReachable);

let schema = '';
let store: Store;
beforeEach(async () => {
  schema = uniqueSchema();
  store = await openPostgresStore(POSTGRES_URL, { schema });
});
afterEach(async () => {
  await store.close();
  await dropSchema(schema);
});

it('skips a run while another instance prunes', async () => {
  const lane = { pageId: 'page', psid: 'anna' };
  await store.insertEvents(
    [{ ...lane, dedupeKey: 'm1', timestamp: 1, channel: 'messaging', event: {}, fromUser: true }],
    1,
  );
  await store.claimLanes('w', 1, 1000, 10);
  const event = (await store.nextEvent(lane))!;
  await store.commitEvent({
    lane,
    owner: 'w',
    eventId: event.id,
    status: 'done',
    state: null,
    wakeAt: null,
    lastUserAt: 1,
    outbox: [],
    stats: [],
    now: 1,
  });
  const options = {
    now: daysToMs(40),
    retentionMs: daysToMs(30),
    subscriberRetentionMs: daysToMs(365),
  };
  const other = new pg.Client({ connectionString: POSTGRES_URL });
  await other.connect();
  try {
    await other.query('SELECT pg_advisory_lock(7207002, hashtext($1))', [schema]);
    expect(await store.prune(options)).toEqual({ events: 0, outbox: 0, sessions: 0, stats: 0 });
    await other.query('SELECT pg_advisory_unlock(7207002, hashtext($1))', [schema]);
    expect(await store.prune(options)).toEqual({ events: 1, outbox: 0, sessions: 0, stats: 0 });
  } finally {
    await other.end();
  }
});
