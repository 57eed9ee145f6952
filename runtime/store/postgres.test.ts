import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assertPostgresReachable,
  dropSchema,
  POSTGRES_URL,
  uniqueSchema,
} from '../testing/postgres';
import { storeContract } from './contract';
import { openPostgresStore } from './postgres';

beforeAll(assertPostgresReachable);

let schema = '';
storeContract('PostgreSQL', {
  async open() {
    schema = uniqueSchema();
    return openPostgresStore(POSTGRES_URL, { schema });
  },
  second: () => openPostgresStore(POSTGRES_URL, { schema }),
  cleanup: () => dropSchema(schema),
  async exec(sql) {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(`SET search_path TO ${schema}`);
      await client.query(sql);
    } finally {
      await client.end();
    }
  },
});

describe('PostgreSQL store, sent marks', () => {
  it('never gives out a row again whose sent mark is still being written', async () => {
    const name = uniqueSchema();
    const store = await openPostgresStore(POSTGRES_URL, { schema: name });
    try {
      const lane = { pageId: 'page', psid: 'anna' };
      await store.insertEvents(
        [
          {
            ...lane,
            dedupeKey: 'm1',
            timestamp: 1,
            channel: 'messaging',
            event: {},
            fromUser: true,
          },
        ],
        1,
      );
      await store.claimLanes('w1', 100, 1000, 10);
      const event = (await store.nextEvent(lane))!;
      const rows = [1, 2].map((n) => ({
        kind: 'message' as const,
        body: { n },
        media: false,
        delayMs: 0,
      }));
      await store.commitEvent({
        lane,
        owner: 'w1',
        eventId: event.id,
        status: 'done',
        state: null,
        wakeAt: null,
        lastUserAt: 1,
        outbox: rows,
        stats: [],
        now: 100,
      });
      const first = (await store.nextOutbox(lane, 100))!;
      await store.markSent(first.id, 150, 'mid-1');
      // The lease ran out and the lane is claimed afresh: its rows are read from the database
      // while the mark may still be queued.
      expect(await store.claimLanes('w1', 5000, 1000, 10)).toEqual([lane]);
      expect((await store.nextOutbox(lane, 5000))?.body).toEqual({ n: 2 });
      expect(await store.cancelOutbox(lane, 5000, 'user-unavailable')).toBe(1);
      expect(await store.counts()).toMatchObject({ outboxSent: 1, outboxFailed: 1 });
    } finally {
      await store.close();
      await dropSchema(name);
    }
  });
});
