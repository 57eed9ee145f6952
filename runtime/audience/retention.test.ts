// Retention and the audience: where a subscriber came from goes when retention deletes their
// conversation state, and stays while the state does. And the migration that added subscribers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AUDIENCE_MIGRATION, SQLITE_MIGRATIONS } from '../store/migrations';
import { daysToMs } from '../store/retention';
import { openSqliteStore } from '../store/sqlite';

const DAY = daysToMs(1);
const T0 = Date.UTC(2026, 0, 1);

describe('subscribers under retention', () => {
  it('are pruned with their session, not before', async () => {
    const store = openSqliteStore(':memory:');
    try {
      for (const [psid, at] of [
        ['old', T0],
        ['recent', T0 + 9 * DAY],
      ] as const) {
        const lane = { pageId: 'page', psid };
        await store.insertEvents(
          [
            {
              ...lane,
              dedupeKey: `mid.${psid}`,
              timestamp: at,
              channel: 'messaging',
              event: { message: { mid: `mid.${psid}`, text: 'hi' } },
              fromUser: true,
            },
          ],
          at,
        );
        await store.claimLanes('w', at, 60_000, 10);
        const event = (await store.nextEvent(lane))!;
        await store.commitEvent({
          lane,
          owner: 'w',
          eventId: event.id,
          status: 'done',
          state: null,
          wakeAt: null,
          lastUserAt: at,
          outbox: [],
          stats: [],
          now: at,
        });
        await store.releaseLane(lane, 'w');
        await store.audience.noteSubscriber(lane, at, { kind: 'ref', ref: 'x', at });
      }
      const now = T0 + 10 * DAY;
      const pruned = await store.prune({
        now,
        retentionMs: 2 * DAY,
        subscriberRetentionMs: 5 * DAY,
        statsRetentionMs: 400 * DAY,
      });
      expect(pruned.sessions).toBe(1);
      expect(await store.audience.pruneOrphans()).toBe(1);
      const left = await store.audience.scanSubscribers('page', { limit: 10 });
      expect(left.map((s) => [s.psid, s.source?.ref])).toEqual([['recent', 'x']]);
      expect(await store.audience.pruneOrphans()).toBe(0);
    } finally {
      await store.close();
    }
  });
});

describe('the audience migration', () => {
  it('gives every existing conversation a subscriber, first seen when they last wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadline-audience-migration-'));
    const file = join(dir, 'old.db');
    try {
      // A database as the release before this migration left it.
      const db = new Database(file);
      db.exec(
        'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at INTEGER)',
      );
      for (const m of SQLITE_MIGRATIONS.filter((m) => m.name !== AUDIENCE_MIGRATION)) {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 0);
      }
      db.prepare(
        `INSERT INTO sessions (page_id, psid, state, last_user_at, updated_at) VALUES
           ('page', 'wrote', '{"tags":["vip"],"variables":{}}', ?, ?),
           ('page', 'silent', NULL, NULL, ?)`,
      ).run(T0, T0 + 5, T0 + 7);
      db.close();
      const store = openSqliteStore(file);
      try {
        const rows = await store.audience.scanSubscribers('page', { limit: 10 });
        expect(rows.map((r) => [r.psid, r.firstSeen, r.source])).toEqual([
          ['silent', T0 + 7, null],
          ['wrote', T0, null],
        ]);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
