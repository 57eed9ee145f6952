// Retention and the audience: where a subscriber came from goes when retention deletes their
// conversation state, and stays while the state does.
import { describe, expect, it } from 'vitest';
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
