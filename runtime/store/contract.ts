// The behaviour every store must have, as one test suite that the SQLite and the PostgreSQL
// stores both run (sqlite.test.ts, postgres.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compile, delayFlow, exampleFlow } from '../testing/flows';
import type { InboxItem, Store } from './types';

export interface StoreFactory {
  /** A fresh, empty store; `second` opens another handle on the same data (another instance). */
  open(): Promise<Store>;
  second(): Promise<Store>;
  cleanup(): Promise<void>;
}

const lane = { pageId: 'page', psid: 'anna' };
const item = (
  key: string,
  timestamp: number,
  psid = 'anna',
  channel: InboxItem['channel'] = 'messaging',
): InboxItem => ({
  pageId: 'page',
  psid,
  dedupeKey: key,
  timestamp,
  channel,
  event: { message: { mid: key, text: key } },
  fromUser: channel === 'messaging',
});

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.open();
    });
    afterEach(async () => {
      await store.close();
      await factory.cleanup();
    });

    it('applies its migrations once', async () => {
      expect(await store.migrate()).toBe(0);
      expect(await store.ping()).toBe(true);
    });

    it('stores each event key once and leaves standby events unprocessed', async () => {
      expect(await store.insertEvents([item('m1', 10), item('m1', 10), item('m2', 11)], 1)).toBe(2);
      expect(await store.insertEvents([item('m2', 11)], 2)).toBe(0);
      const standby = { ...item('s1', 12, 'ben', 'standby'), fromUser: true };
      expect(await store.insertEvents([standby], 3)).toBe(1);
      const lanes = await store.claimLanes('w1', 100, 1000, 10);
      expect(lanes).toEqual([lane]);
      // Never processed, but the user wrote: the 24-hour window counts from it.
      expect((await store.loadSession({ pageId: 'page', psid: 'ben' })).lastUserAt).toBe(12);
    });

    it('gives out the oldest pending event first, by timestamp', async () => {
      await store.insertEvents([item('late', 20), item('early', 10)], 1);
      expect((await store.nextEvent(lane))?.dedupeKey).toBe('early');
    });

    it('leases a lane to one worker until the lease runs out', async () => {
      await store.insertEvents([item('m1', 10)], 1);
      expect(await store.claimLanes('w1', 100, 1000, 10)).toEqual([lane]);
      expect(await store.claimLanes('w2', 200, 1000, 10)).toEqual([]);
      expect(await store.claimLanes('w2', 1200, 1000, 10)).toEqual([lane]);
      expect(await store.renewLane(lane, 'w1', 5000)).toBe(false);
    });

    it('commits session, event, outbox and stats together, and only once', async () => {
      await store.insertEvents([item('m1', 10)], 1);
      await store.claimLanes('w1', 100, 1000, 10);
      const event = (await store.nextEvent(lane))!;
      const commit = {
        lane,
        owner: 'w1',
        eventId: event.id,
        status: 'done' as const,
        state: { at: 'menu' },
        wakeAt: null,
        lastUserAt: 10,
        outbox: [{ kind: 'message' as const, body: { n: 1 }, media: false, delayMs: 0 }],
        stats: [{ flowId: 'f', nodeId: 'n', key: 'entered', count: 1 }],
        now: 150,
      };
      expect(await store.commitEvent({ ...commit, owner: 'intruder' })).toBe(false);
      expect(await store.nextOutbox(lane, 200)).toBeUndefined();
      expect(await store.commitEvent(commit)).toBe(true);
      expect(await store.commitEvent(commit)).toBe(false);
      expect(await store.nextEvent(lane)).toBeUndefined();
      expect(await store.loadSession(lane)).toMatchObject({
        state: { at: 'menu' },
        lastUserAt: 10,
      });
      expect((await store.nextOutbox(lane, 200))?.body).toEqual({ n: 1 });
      expect(await store.stats('f')).toEqual([{ nodeId: 'n', key: 'entered', count: 1 }]);
      expect((await store.counts()).outboxPending).toBe(1);
    });

    it('sends outbox rows in order, with retries and pauses', async () => {
      await store.insertEvents([item('m1', 10)], 1);
      await store.claimLanes('w1', 100, 1000, 10);
      const event = (await store.nextEvent(lane))!;
      const rows = [1, 2, 3].map((n) => ({
        kind: 'message' as const,
        body: { n },
        media: false,
        delayMs: n === 3 ? 500 : 0,
      }));
      await store.commitEvent({
        lane,
        owner: 'w1',
        eventId: event.id,
        status: 'done',
        state: null,
        wakeAt: null,
        lastUserAt: 10,
        outbox: rows,
        stats: [],
        now: 100,
      });
      const first = (await store.nextOutbox(lane, 100))!;
      await store.reschedule(first.id, 300, 'transient-2');
      expect(await store.nextOutbox(lane, 200)).toBeUndefined();
      const again = (await store.nextOutbox(lane, 300))!;
      expect(again).toMatchObject({ id: first.id, attempts: 1 });
      await store.markSent(again.id, 300, 'mid-1');
      const second = (await store.nextOutbox(lane, 300))!;
      expect(second.body).toEqual({ n: 2 });
      await store.markSent(second.id, 310, 'mid-2');
      await store.delayNextOutbox(lane, 810);
      expect(await store.nextOutbox(lane, 800)).toBeUndefined();
      expect((await store.nextOutbox(lane, 810))?.body).toEqual({ n: 3 });
      expect(await store.cancelOutbox(lane, 900, 'user-unavailable')).toBe(1);
      expect(await store.counts()).toMatchObject({
        outboxPending: 0,
        outboxSent: 2,
        outboxFailed: 1,
      });
    });

    it('turns a due delay into one timer event, also when asked twice', async () => {
      await store.insertEvents([item('m1', 10)], 1);
      await store.claimLanes('w1', 100, 1000, 10);
      const event = (await store.nextEvent(lane))!;
      await store.commitEvent({
        lane,
        owner: 'w1',
        eventId: event.id,
        status: 'done',
        state: null,
        wakeAt: 5000,
        lastUserAt: 10,
        outbox: [],
        stats: [],
        now: 100,
      });
      await store.releaseLane(lane, 'w1');
      expect(await store.fireDueDelays(4999, 10)).toBe(0);
      expect(await store.fireDueDelays(5000, 10)).toBe(1);
      expect(await store.fireDueDelays(6000, 10)).toBe(0);
      const timer = (await store.nextEvent(lane))!;
      expect(timer).toMatchObject({
        channel: 'timer',
        event: { timer: { dueAt: 5000 } },
        fromUser: false,
      });
    });

    it('keeps revisions, activates atomically and rolls back', async () => {
      const a = compile(exampleFlow('welcome'));
      const b = compile({ ...exampleFlow('welcome'), name: 'B' });
      await store.publish(a, 1);
      await store.publish(b, 2);
      await store.publish(b, 3);
      expect((await store.revisions('welcome')).map((r) => r.revision)).toEqual([
        b.revision,
        a.revision,
      ]);
      expect((await store.activeFlow())?.revision).toBe(b.revision);
      expect((await store.rollback('welcome', undefined, 4))?.revision).toBe(a.revision);
      expect((await store.activeFlow())?.flow).toEqual(a);
      expect(await store.rollback('welcome', undefined, 5)).toBeUndefined();
      const other = compile(delayFlow(5));
      await store.publish(other, 6);
      expect((await store.activeFlow())?.flowId).toBe('delays');
      expect((await store.flowActive('welcome'))?.revision).toBe(a.revision);
    });

    it('remembers settings', async () => {
      expect(await store.getSetting('k')).toBeUndefined();
      await store.setSetting('k', 'v1');
      await store.setSetting('k', 'v2');
      expect(await store.getSetting('k')).toBe('v2');
    });

    it('keeps one user profile per subscriber and replaces it on refresh', async () => {
      expect(await store.userProfile(lane)).toBeUndefined();
      const anna = { firstName: 'Anna', lastName: 'Ek', locale: 'sv_SE', error: null };
      await store.saveUserProfile(lane, { ...anna, fetchedAt: 1 });
      expect(await store.userProfile(lane)).toEqual({ ...anna, fetchedAt: 1 });
      const failed = { firstName: null, lastName: null, locale: null, error: '100/2018247' };
      await store.saveUserProfile(lane, { ...failed, fetchedAt: 2 });
      expect(await store.userProfile(lane)).toEqual({ ...failed, fetchedAt: 2 });
      expect(await store.userProfile({ pageId: 'page', psid: 'ben' })).toBeUndefined();
    });

    it('never leases one lane to two instances at once', async () => {
      const other = await factory.second();
      try {
        const users = Array.from({ length: 30 }, (_, i) => `u${i}`);
        await store.insertEvents(
          users.map((u, i) => item(`k${i}`, i, u)),
          1,
        );
        const [a, b] = await Promise.all([
          store.claimLanes('instance-a', 100, 1000, 20),
          other.claimLanes('instance-b', 100, 1000, 20),
        ]);
        const ids = [...a, ...b].map((l) => l.psid);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(30);
      } finally {
        await other.close();
      }
    });
  });
}
