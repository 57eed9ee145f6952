// The behaviour every store must have, as one test suite that the SQLite and the PostgreSQL
// stores both run (sqlite.test.ts, postgres.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compile, delayFlow, exampleFlow } from '../testing/flows';
import { DAILY_STATS_MIGRATION } from './migrations';
import { dayOf } from './retention';
import type { InboxItem, NewOutbox, StatIncrement, Store } from './types';

export interface StoreFactory {
  /** A fresh, empty store; `second` opens another handle on the same data (another instance). */
  open(): Promise<Store>;
  second(): Promise<Store>;
  cleanup(): Promise<void>;
  /** Runs SQL on the data of the store `open` gave, over a connection of its own (migration tests). */
  exec(sql: string): Promise<void>;
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

const DAY = 24 * 60 * 60 * 1000;
const message = (n: number): NewOutbox => ({
  kind: 'message',
  body: { n },
  media: false,
  delayMs: 0,
});

/** Stores one event for `psid` at `now` and runs it to `done` with these effects. */
async function handled(
  store: Store,
  psid: string,
  key: string,
  now: number,
  effects: {
    outbox?: NewOutbox[];
    wakeAt?: number;
    stats?: StatIncrement[];
    leaseMs?: number;
    state?: unknown;
  } = {},
): Promise<void> {
  const lane = { pageId: 'page', psid };
  await store.insertEvents([item(key, now, psid)], now);
  expect(await store.claimLanes(`w-${psid}`, now, effects.leaseMs ?? 1000, 100)).toContainEqual(
    lane,
  );
  const event = (await store.nextEvent(lane))!;
  expect(
    await store.commitEvent({
      lane,
      owner: `w-${psid}`,
      eventId: event.id,
      status: 'done',
      state: effects.state ?? { at: key },
      wakeAt: effects.wakeAt ?? null,
      lastUserAt: now,
      outbox: effects.outbox ?? [],
      stats: effects.stats ?? [],
      now,
    }),
  ).toBe(true);
  if (!effects.leaseMs) await store.releaseLane(lane, `w-${psid}`);
}

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
        stats: [{ flowId: 'f', revision: 'r1', nodeId: 'n', key: 'entered', count: 1 }],
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

    it('counts stats in the UTC day of the commit and by revision, and sums what is asked', async () => {
      const midnight = Date.UTC(2026, 10, 29); // 2026-11-29T00:00Z
      const day = dayOf(midnight);
      const r1 = 'a'.repeat(64);
      const r2 = 'b'.repeat(64);
      const stat = (revision: string, key: string, count = 1): StatIncrement => ({
        flowId: 'f',
        revision,
        nodeId: 'n',
        key,
        count,
      });
      // The last millisecond of the 28th and the first of the 29th are two buckets.
      await handled(store, 'anna', 'a1', midnight - 1, { stats: [stat(r1, 'entered')] });
      await handled(store, 'anna', 'a2', midnight, {
        stats: [stat(r1, 'entered'), stat(r1, 'clicked:reply:0', 2)],
      });
      await handled(store, 'anna', 'a3', midnight + DAY - 1, { stats: [stat(r2, 'entered')] });
      await handled(store, 'anna', 'a4', midnight + DAY, { stats: [stat(r2, 'sent', 3)] });
      // Commits of several lanes written together (PostgreSQL batches them into one upsert)
      // still land in their own day and revision.
      const lanes = ['ben', 'carl', 'dora'].map((psid) => ({ pageId: 'page', psid }));
      await store.insertEvents(
        lanes.map((l) => item(`${l.psid}-1`, midnight, l.psid)),
        midnight,
      );
      expect(await store.claimLanes('w', midnight, 10 * DAY, 10)).toHaveLength(3);
      const events = await Promise.all(lanes.map(async (l) => (await store.nextEvent(l))!));
      const at = [midnight - 1, midnight + DAY, midnight - 1];
      const results = await Promise.all(
        lanes.map((l, i) =>
          store.commitEvent({
            lane: l,
            owner: 'w',
            eventId: events[i]!.id,
            status: 'done',
            state: null,
            wakeAt: null,
            lastUserAt: at[i]!,
            outbox: [],
            stats: [stat(i === 1 ? r2 : r1, 'entered')],
            now: at[i]!,
          }),
        ),
      );
      expect(results).toEqual([true, true, true]);

      const entered = (count: number) => ({ nodeId: 'n', key: 'entered', count });
      const clicked = (count: number) => ({ nodeId: 'n', key: 'clicked:reply:0', count });
      const sent = (count: number) => ({ nodeId: 'n', key: 'sent', count });
      expect(await store.stats('f')).toEqual([clicked(2), entered(6), sent(3)]);
      expect(await store.stats('f', { fromDay: day - 1, toDay: day - 1 })).toEqual([entered(3)]);
      expect(await store.stats('f', { fromDay: day, toDay: day })).toEqual([
        clicked(2),
        entered(2),
      ]);
      expect(await store.stats('f', { fromDay: day + 1 })).toEqual([entered(1), sent(3)]);
      expect(await store.stats('f', { toDay: day })).toEqual([clicked(2), entered(5)]);
      expect(await store.stats('f', { revision: r2 })).toEqual([entered(2), sent(3)]);
      expect(await store.stats('f', { fromDay: day, revision: r1 })).toEqual([
        clicked(2),
        entered(1),
      ]);
      expect(await store.stats('f', { fromDay: day + 2 })).toEqual([]);
      expect(await store.stats('f', { revision: 'c'.repeat(64) })).toEqual([]);
      expect(await store.stats('other')).toEqual([]);
    });

    it('moves the totals of the old stats table into the bucket of the migration day', async () => {
      // The data as a runtime from before daily stats left it: running totals in node_stats.
      await factory.exec(`
        DROP TABLE node_stats_daily;
        DROP TABLE node_stats;
        CREATE TABLE node_stats (flow_id TEXT NOT NULL, node_id TEXT NOT NULL,
          key TEXT NOT NULL, count BIGINT NOT NULL, PRIMARY KEY (flow_id, node_id, key));
        INSERT INTO node_stats VALUES ('f', 'n', 'entered', 41), ('f', 'n', 'clicked:reply:0', 7),
          ('g', 'm', 'sent', 5);
        DELETE FROM schema_migrations WHERE name = '${DAILY_STATS_MIGRATION}';`);
      const before = dayOf(Date.now());
      expect(await store.migrate()).toBe(1);
      const after = dayOf(Date.now());
      const totals = [
        { nodeId: 'n', key: 'clicked:reply:0', count: 7 },
        { nodeId: 'n', key: 'entered', count: 41 },
      ];
      expect(await store.stats('f')).toEqual(totals);
      expect(await store.stats('g')).toEqual([{ nodeId: 'm', key: 'sent', count: 5 }]);
      expect(await store.stats('f', { fromDay: before, toDay: after })).toEqual(totals);
      expect(await store.stats('f', { toDay: before - 1 })).toEqual([]);
      // Which revision counted them is unknown: they are under none.
      expect(await store.stats('f', { revision: 'a'.repeat(64) })).toEqual([]);
      // New turns count on top.
      await handled(store, 'anna', 'm1', Date.now(), {
        stats: [{ flowId: 'f', revision: 'a'.repeat(64), nodeId: 'n', key: 'entered', count: 1 }],
      });
      expect(await store.stats('f')).toEqual([totals[0], { ...totals[1]!, count: 42 }]);
      expect(await store.migrate()).toBe(0);
      // The old table stays, so an older runtime on the same data (a rollback, a rolling upgrade)
      // still commits its turns; what it counts there is not read any more.
      await factory.exec(`INSERT INTO node_stats VALUES ('f', 'n', 'sent', 1)`);
      expect(await store.stats('f')).toEqual([totals[0], { ...totals[1]!, count: 42 }]);
    });

    it('prunes daily stats buckets past the stats retention, and only those', async () => {
      const now = Date.UTC(2026, 10, 29, 12);
      const today = dayOf(now);
      const stat = (key: string): StatIncrement => ({
        flowId: 'f',
        revision: 'r1',
        nodeId: 'n',
        key,
        count: 1,
      });
      // Two counters on a day 401 days back, one on the day 400 days back (the first kept), one
      // today.
      await handled(store, 'anna', 'a1', now - 401 * DAY, {
        stats: [stat('entered'), stat('sent')],
      });
      await handled(store, 'anna', 'a2', now - 400 * DAY, { stats: [stat('entered')] });
      await handled(store, 'anna', 'a3', now, { stats: [stat('entered')] });
      const options = { now, retentionMs: 30 * DAY, subscriberRetentionMs: 365 * DAY };
      // The default stats retention is 400 days.
      expect(await store.prune(options)).toMatchObject({ stats: 2 });
      expect(await store.stats('f')).toEqual([{ nodeId: 'n', key: 'entered', count: 2 }]);
      expect(await store.stats('f', { toDay: today - 400 })).toEqual([
        { nodeId: 'n', key: 'entered', count: 1 },
      ]);
      expect(await store.prune(options)).toMatchObject({ stats: 0 });
      // A shorter retention: only today is left.
      expect(await store.prune({ ...options, statsRetentionMs: 1 * DAY })).toMatchObject({
        stats: 1,
      });
      expect(await store.stats('f')).toEqual([{ nodeId: 'n', key: 'entered', count: 1 }]);
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
      expect(await store.activeRevision?.()).toBeUndefined();
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
      expect(await store.activeRevision?.()).toEqual({ flowId: 'welcome', revision: a.revision });
      expect(await store.rollback('welcome', undefined, 5)).toBeUndefined();
      const other = compile(delayFlow(5));
      await store.publish(other, 6);
      expect((await store.activeFlow())?.flowId).toBe('delays');
      expect(await store.activeRevision?.()).toEqual({
        flowId: 'delays',
        revision: other.revision,
      });
      expect((await store.flowActive('welcome'))?.revision).toBe(a.revision);
    });

    it('counts waiting sessions per node and moves them in the publish transaction', async () => {
      const a = compile(delayFlow(5));
      expect(await store.waiting('delays')).toBeUndefined();
      await store.publish(a, 1);
      const session = (revision: string, wait: unknown) => ({ flowRevision: revision, wait });
      await handled(store, 'anna', 'a1', 2, {
        wakeAt: 5000,
        state: session(a.revision, { kind: 'delay', step: 'wait', dueAt: 5000 }),
      });
      await handled(store, 'ben', 'b1', 2, {
        state: session(a.revision, { kind: 'input', step: 'hello', retries: 0 }),
      });
      await handled(store, 'carl', 'c1', 2, { state: session('other', { kind: 'delay' }) });
      await handled(store, 'dora', 'd1', 2, { state: session(a.revision, null) });
      expect(await store.waiting('delays')).toEqual({
        revision: a.revision,
        nodes: { wait: 1, hello: 1 },
      });

      const doc = delayFlow(5);
      for (const n of doc.nodes) if (n.id === 'wait') n.id = 'wait2';
      for (const e of doc.edges) {
        if (e.source === 'wait') e.source = 'wait2';
        if (e.target === 'wait') e.target = 'wait2';
      }
      const b = compile(doc);
      const published = await store.publish(b, 3, { wait: 'wait2' });
      expect(published).toMatchObject({ revision: b.revision, active: true });
      expect(published.moved).toEqual([
        expect.objectContaining({ psid: 'anna', from: 'wait', to: 'wait2', chosen: true }),
        // "hello" is a message now: the input wait there ends, unasked.
        expect.objectContaining({ psid: 'ben', from: 'hello', to: null, chosen: false }),
      ]);
      expect(published.moved).toHaveLength(2);
      expect(await store.loadSession({ pageId: 'page', psid: 'anna' })).toMatchObject({
        wakeAt: 5000,
        state: { flowRevision: b.revision, wait: { kind: 'delay', step: 'wait2', dueAt: 5000 } },
      });
      expect(await store.loadSession({ pageId: 'page', psid: 'ben' })).toMatchObject({
        state: { flowRevision: b.revision, wait: null },
      });
      expect(await store.waiting('delays')).toEqual({ revision: b.revision, nodes: { wait2: 1 } });
      expect(await store.fireDueDelays(5000, 10)).toBe(1);
    });

    it('gives out one stored revision with its flow and node count', async () => {
      const a = compile(exampleFlow('welcome'));
      const b = compile({ ...exampleFlow('welcome'), name: 'B' });
      await store.publish(a, 1);
      await store.publish(b, 2);
      expect(await store.revision('welcome', a.revision)).toEqual({
        flowId: 'welcome',
        revision: a.revision,
        name: a.name,
        createdAt: 1,
        active: false,
        nodeCount: a.steps.length,
        flow: a,
      });
      expect((await store.revision('welcome', b.revision))?.active).toBe(true);
      expect(await store.revision('welcome', 'f'.repeat(64))).toBeUndefined();
      expect((await store.revisions('welcome')).map((r) => r.nodeCount)).toEqual([
        b.steps.length,
        a.steps.length,
      ]);
    });

    it('remembers settings', async () => {
      expect(await store.getSetting('k')).toBeUndefined();
      await store.setSetting('k', 'v1');
      await store.setSetting('k', 'v2');
      expect(await store.getSetting('k')).toBe('v2');
    });

    it('prunes handled events and finished replies past the retention, never pending ones', async () => {
      const t0 = 1_000_000;
      const stats = [
        { flowId: 'f', revision: 'r1', nodeId: 'n', key: 'entered', count: 1 },
        { flowId: 'f', revision: 'r1', nodeId: 'n', key: 'sent', count: 2 },
      ];
      // Anna: five old turns, each with a reply that was sent; the last one's second reply is
      // still pending (the Page was paused), so it and nothing else of hers stays in the outbox.
      for (let i = 0; i < 5; i++)
        await handled(store, 'anna', `a${i}`, t0 + i, {
          outbox: i === 4 ? [message(i), message(99)] : [message(i)],
          stats,
        });
      for (let i = 0; i < 5; i++) {
        const row = (await store.nextOutbox(lane, t0 + 10))!;
        await store.markSent(row.id, t0 + 10, `mid-${i}`);
      }
      // Ben's old event was never handled (the runtime was down, say): it must stay.
      await store.insertEvents([item('b0', t0, 'ben')], t0);
      // Carl's turn is 29 days old, inside the retention: a failed reply and the event stay.
      await handled(store, 'carl', 'c0', t0 + 29 * DAY, { outbox: [message(1)] });
      const carlRow = (await store.nextOutbox({ pageId: 'page', psid: 'carl' }, t0 + 29 * DAY))!;
      await store.markFailed(carlRow.id, t0 + 29 * DAY, 'user-unavailable');
      const totals = await store.stats('f');
      expect(totals).toEqual([
        { nodeId: 'n', key: 'entered', count: 5 },
        { nodeId: 'n', key: 'sent', count: 10 },
      ]);

      const result = await store.prune({
        now: t0 + 31 * DAY,
        retentionMs: 30 * DAY,
        subscriberRetentionMs: 365 * DAY,
        batch: 2, // several batches, as a big table would take
      });
      expect(result).toEqual({ events: 5, outbox: 5, sessions: 0, stats: 0 });
      expect(await store.counts()).toMatchObject({
        inboxPending: 1,
        outboxPending: 1,
        outboxSent: 0,
        outboxFailed: 1,
        sessions: 3,
      });
      expect((await store.nextOutbox(lane, t0 + 31 * DAY))?.body).toEqual({ n: 99 });
      expect((await store.nextEvent({ pageId: 'page', psid: 'ben' }))?.dedupeKey).toBe('b0');
      expect(await store.stats('f')).toEqual(totals);
      // A second run finds nothing more to do.
      expect(
        await store.prune({
          now: t0 + 31 * DAY,
          retentionMs: 30 * DAY,
          subscriberRetentionMs: 365 * DAY,
        }),
      ).toEqual({ events: 0, outbox: 0, sessions: 0, stats: 0 });
    });

    it('forgets silent subscribers, but not one with a delay, pending work or a lease', async () => {
      const t0 = 1_000_000;
      const now = t0 + 400 * DAY;
      const at = (psid: string) => ({ pageId: 'page', psid });
      await handled(store, 'dora', 'd0', t0); // silent for 400 days: forgotten
      const profile = { firstName: 'D', lastName: null, locale: null, error: null, fetchedAt: t0 };
      await store.saveUserProfile(at('dora'), profile);
      await handled(store, 'erik', 'e0', t0, { wakeAt: now + DAY }); // a delay still to come
      await store.saveUserProfile(at('erik'), {
        firstName: 'E',
        lastName: null,
        locale: null,
        error: null,
        fetchedAt: t0,
      });
      await handled(store, 'finn', 'f0', t0);
      await store.insertEvents([item('f1', t0 + 1, 'finn')], t0 + 1); // wrote; not yet handled
      await handled(store, 'gus', 'g0', t0 + 100 * DAY); // wrote 300 days ago
      await handled(store, 'hank', 'h0', t0, { outbox: [message(1)] }); // a reply still to send
      await store.insertEvents([item('i0', t0, 'ida')], t0);
      await store.claimLanes('w-ida', now, 60_000, 100); // a worker is on her lane right now
      const ida = (await store.nextEvent(at('ida')))!;
      await store.commitEvent({
        lane: at('ida'),
        owner: 'w-ida',
        eventId: ida.id,
        status: 'done',
        state: { at: 'i0' },
        wakeAt: null,
        lastUserAt: t0,
        outbox: [],
        stats: [],
        now: t0,
      });

      const result = await store.prune({
        now,
        retentionMs: 30 * DAY,
        subscriberRetentionMs: 365 * DAY,
        batch: 2,
      });
      expect(result.sessions).toBe(1);
      expect((await store.loadSession(at('dora'))).state).toBeNull();
      expect(await store.userProfile(at('dora'))).toBeUndefined();
      for (const psid of ['erik', 'finn', 'gus', 'hank', 'ida'])
        expect((await store.loadSession(at(psid))).state, psid).not.toBeNull();
      expect((await store.userProfile(at('erik')))?.firstName).toBe('E');
      expect(await store.counts()).toMatchObject({
        sessions: 5,
        inboxPending: 1,
        outboxPending: 1,
      });
      // Erik's delay still fires, and Finn's event is still his to handle.
      expect(await store.fireDueDelays(now + DAY, 10)).toBe(1);
      expect((await store.nextEvent(at('finn')))?.dedupeKey).toBe('f1');
      // Dora comes back: she starts afresh, like a new subscriber.
      expect(await store.insertEvents([item('d1', now, 'dora')], now)).toBe(1);
      expect(await store.claimLanes('w2', now, 1000, 100)).toContainEqual(at('dora'));
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
