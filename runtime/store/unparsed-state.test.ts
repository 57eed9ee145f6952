// A session row whose text is not JSON is read back as UnparsedState and written back as the same
// text, in both stores, so a damaged row stops nobody's turns and loses nothing.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  assertPostgresReachable,
  dropSchema,
  POSTGRES_URL,
  uniqueSchema,
} from '../testing/postgres';
import { openPostgresStore } from './postgres';
import { UnparsedState } from './rows';
import { openSqliteStore } from './sqlite';
import type { Store } from './types';

const lane = { pageId: 'page', psid: 'anna' };
const DAMAGED = '{"version":1,"variables":{"name":"Anna"';

async function roundTrip(store: Store, writeRaw: (text: string) => Promise<void>) {
  await store.insertEvents(
    [
      {
        ...lane,
        dedupeKey: 'm1',
        timestamp: 10,
        channel: 'messaging',
        event: { message: { mid: 'm1', text: 'hi' } },
        fromUser: true,
      },
    ],
    10,
  );
  await writeRaw(DAMAGED);
  expect(await store.claimLanes('w1', 100, 1000, 10)).toContainEqual(lane);
  const event = (await store.nextEvent(lane))!;
  const loaded = await store.loadSession(lane);
  expect(loaded.state).toBeInstanceOf(UnparsedState);
  expect(loaded.state).toEqual(new UnparsedState(DAMAGED));
  const committed = await store.commitEvent({
    lane,
    owner: 'w1',
    eventId: event.id,
    status: 'done',
    state: loaded.state,
    wakeAt: null,
    lastUserAt: 10,
    outbox: [],
    stats: [],
    now: 100,
  });
  expect(committed).toBe(true);
}

describe('a session row that is not JSON', () => {
  it('survives a turn in SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadline-unparsed-'));
    const file = join(dir, 'store.db');
    const store = await openSqliteStore(file);
    const raw = new Database(file);
    try {
      await roundTrip(store, async (text) => {
        raw
          .prepare('UPDATE sessions SET state = ? WHERE page_id = ? AND psid = ?')
          .run(text, lane.pageId, lane.psid);
      });
      await store.close();
      const row = raw.prepare('SELECT state FROM sessions WHERE psid = ?').get(lane.psid) as {
        state: string;
      };
      expect(row.state).toBe(DAMAGED);
    } finally {
      raw.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('survives a turn in PostgreSQL', async () => {
    await assertPostgresReachable();
    const schema = uniqueSchema();
    const store = await openPostgresStore(POSTGRES_URL, { schema });
    const raw = new pg.Client({ connectionString: POSTGRES_URL });
    await raw.connect();
    try {
      await roundTrip(store, async (text) => {
        await raw.query(
          `UPDATE ${schema}.sessions SET state = $1 WHERE page_id = $2 AND psid = $3`,
          [text, lane.pageId, lane.psid],
        );
      });
      const { rows } = await raw.query(`SELECT state FROM ${schema}.sessions WHERE psid = $1`, [
        lane.psid,
      ]);
      expect(rows[0].state).toBe(DAMAGED);
    } finally {
      await store.close();
      await raw.end();
      await dropSchema(schema);
    }
  });
});
