// The SQLite file stays bounded: day after day of traffic with pruning, its size levels off at
// the traffic of the retention period instead of growing, and pages freed by pruning go back to
// the file system (incremental auto-vacuum).
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { daysToMs } from './retention';
import { openSqliteStore } from './sqlite';
import type { Store } from './types';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'threadline-retention-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const DAY = daysToMs(1);
const T0 = Date.UTC(2026, 0, 1);

/** One day of traffic: `users` users each write `perUser` messages and get two replies each. */
async function day(store: Store, index: number, users: number, perUser: number): Promise<void> {
  const lanes = Array.from({ length: users }, (_, u) => ({ pageId: 'page', psid: `user-${u}` }));
  for (let m = 0; m < perUser; m++) {
    const now = T0 + index * DAY + m * 1000;
    await store.insertEvents(
      lanes.map((lane, u) => ({
        ...lane,
        dedupeKey: `mid.${index}.${m}.${u}`,
        timestamp: now,
        channel: 'messaging',
        event: {
          sender: { id: lane.psid },
          recipient: { id: 'page' },
          timestamp: now,
          message: { mid: `mid.${index}.${m}.${u}`, text: 'What are your opening hours?' },
        },
        fromUser: true,
      })),
      now,
    );
    await store.claimLanes('w', now, 60_000, users);
    for (const lane of lanes) {
      const event = (await store.nextEvent(lane))!;
      const reply = (text: string) => ({
        kind: 'message' as const,
        body: { recipient: { id: lane.psid }, messaging_type: 'RESPONSE', message: { text } },
        media: false,
        delayMs: 0,
      });
      await store.commitEvent({
        lane,
        owner: 'w',
        eventId: event.id,
        status: 'done',
        state: { at: 'n-hours', vars: { visits: m } },
        wakeAt: null,
        lastUserAt: now,
        outbox: [reply('We are open Monday to Saturday, 9 to 18.'), reply('Anything else?')],
        stats: [{ flowId: 'welcome', revision: 'r1', nodeId: 'n-hours', key: 'entered', count: 1 }],
        now,
      });
      for (let r = 0; r < 2; r++) {
        const row = (await store.nextOutbox(lane, now))!;
        await store.markSent(row.id, now, `m_${row.id}`);
      }
      await store.releaseLane(lane, 'w');
    }
  }
}

const fileSize = (file: string) =>
  statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

describe('SQLite retention over time', () => {
  it('levels off instead of growing, and gives freed pages back', async () => {
    const file = join(dir, 'store.db');
    const sizes: number[] = [];
    const retention = { retentionMs: 3 * DAY, subscriberRetentionMs: 10 * DAY };
    for (let d = 0; d < 14; d++) {
      const store = openSqliteStore(file);
      await day(store, d, 20, 15); // 300 messages a day
      await store.prune({ now: T0 + (d + 1) * DAY, ...retention });
      await store.close(); // checkpoints and truncates the WAL
      sizes.push(fileSize(file));
    }
    // From the fifth day on the file holds three days of traffic, whatever the day.
    const settled = sizes[4]!;
    for (const size of sizes.slice(5)) expect(size).toBeLessThanOrEqual(settled * 1.1);
    expect(sizes[4]!).toBeGreaterThan(sizes[0]! * 2); // it did grow while filling the window

    // Traffic stops: everything handled goes, and the file shrinks back.
    const store = openSqliteStore(file);
    const result = await store.prune({ now: T0 + 30 * DAY, ...retention });
    expect(result.events).toBe(3 * 300);
    expect(result.sessions).toBe(20);
    expect((await store.stats('welcome'))[0]!.count).toBe(14 * 300);
    await store.close();
    expect(fileSize(file)).toBeLessThan(settled / 4);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    db.close();
  });

  it('converts a file made without incremental auto-vacuum when it opens it', async () => {
    const file = join(dir, 'old.db');
    const old = new Database(file);
    old.exec('CREATE TABLE t (x INTEGER)');
    old.close();
    const store = openSqliteStore(file);
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    db.close();
  });
});
