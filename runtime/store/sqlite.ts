// The embedded store: one SQLite file in WAL mode, for one runtime process. better-sqlite3 is
// synchronous, so every method is one transaction that no other call can interleave with. Lane
// leases live in memory (per file, shared by the handles of this process): writing them to the
// file would cost two commits a message, and a crash frees them by itself. They still fence
// commits, so the worker code is the same as with PostgreSQL.
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import type { CompiledFlow } from '../../flows/schema';
import { createAudienceStore } from './audience';
import { startCheckpointer } from './checkpointer';
import { GroupCommit } from './group-commit';
import { SQLITE_MIGRATIONS } from './migrations';
import { countWaiting, relocate, type Moves, type SessionMove } from './moves';
import { dayOf, enableIncrementalVacuum, pruneSqlite } from './retention';
import { sqliteRunner } from './sql';
import {
  parseFlowBody,
  parseState,
  stateText,
  toEvent,
  toOutbox,
  toRevisionMeta,
  toUserProfile,
  userProfileParams,
  type Row,
} from './rows';
import type {
  ActiveFlow,
  EventCommit,
  InboxItem,
  Lane,
  Published,
  SessionRecord,
  StatRow,
  Store,
  StoreCounts,
} from './types';

interface Lease {
  owner: string;
  until: number;
}
const LEASES = new Map<string, Map<string, Lease>>();
const handles = new Map<string, number>();
const laneKey = (pageId: string, psid: string) => `${pageId}\u0000${psid}`;

export function openSqliteStore(file: string): Store {
  const db = new Database(file);
  const leaseKey = file === ':memory:' ? `memory:${Math.random()}` : resolve(file);
  let leases = LEASES.get(leaseKey);
  if (!leases) LEASES.set(leaseKey, (leases = new Map()));
  const leased = leases;
  handles.set(leaseKey, (handles.get(leaseKey) ?? 0) + 1);
  // Before the first table (or by one rebuild of an older file): pages that pruning frees can be
  // given back to the file system (retention.ts).
  enableIncrementalVacuum(db);
  db.pragma('journal_mode = WAL');
  // NORMAL is durable against process crashes in WAL mode (only an OS crash may lose the tail).
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Checkpoints (which fsync) run once a second off the request path, in a thread of their own
  // (see checkpointer.ts), instead of inside whichever commit crosses the WAL size threshold.
  db.pragma('wal_autocheckpoint = 0');
  const checkpoints = file === ':memory:' ? undefined : startCheckpointer(file, 1000);

  const q = <T = Row>(sql: string) => {
    const stmt = db.prepare(sql);
    return {
      get: (...args: unknown[]) => stmt.get(...args) as T | undefined,
      all: (...args: unknown[]) => stmt.all(...args) as T[],
      run: (...args: unknown[]) => stmt.run(...args),
    };
  };

  const migrate = () => {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at INTEGER)',
    );
    const done = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
        (r) => r.version,
      ),
    );
    let applied = 0;
    for (const m of SQLITE_MIGRATIONS) {
      if (done.has(m.version)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
          m.version,
          m.name,
          Date.now(),
        );
      })();
      applied++;
    }
    return applied;
  };
  migrate();
  // Every write the runtime makes per message goes through here (see group-commit.ts).
  const group = new GroupCommit(db);
  const write = <T>(op: () => T) => group.run(op);
  /** A write of one statement: atomic by itself, no savepoint (group-commit.ts). */
  const single = <T>(op: () => T) => group.run(op, true);

  const s = {
    insertEvent: q(
      `INSERT INTO inbox (page_id, psid, dedupe_key, ts, channel, event, from_user, status, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
    ),
    noteUser: q(
      `UPDATE sessions SET last_user_at = MAX(COALESCE(last_user_at, 0), ?)
       WHERE page_id = ? AND psid = ?`,
    ),
    ensureSession: q(
      `INSERT INTO sessions (page_id, psid, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    // Two DISTINCT scans of the pending indexes stop at the limit; a UNION would first collect
    // every pending row (a backlog of thousands under load) to remove duplicates.
    inboxCandidates: q<{ page_id: string; psid: string }>(
      `SELECT DISTINCT page_id, psid FROM inbox WHERE status = 'pending' LIMIT @limit`,
    ),
    outboxCandidates: q<{ page_id: string; psid: string }>(
      `SELECT DISTINCT page_id, psid FROM outbox WHERE status = 'pending' AND due_at <= @now
       LIMIT @limit`,
    ),
    nextEvent: q(
      `SELECT * FROM inbox WHERE page_id = ? AND psid = ? AND status = 'pending'
       ORDER BY ts, id LIMIT 1`,
    ),
    session: q(`SELECT * FROM sessions WHERE page_id = ? AND psid = ?`),
    commitSession: q(
      `UPDATE sessions SET state = ?, wake_at = ?, last_user_at = COALESCE(?, last_user_at),
         updated_at = ?
       WHERE page_id = ? AND psid = ?`,
    ),
    finishEvent: q(`UPDATE inbox SET status = ? WHERE id = ? AND status = 'pending'`),
    insertOutbox: q(
      `INSERT INTO outbox (page_id, psid, kind, body, media, delay_ms, status, attempts, due_at, created_at, origin)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
    ),
    addStat: q(
      `INSERT INTO node_stats_daily (flow_id, day, revision, node_id, key, count)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (flow_id, day, revision, node_id, key) DO UPDATE SET count = count + excluded.count`,
    ),
    nextOutbox: q(
      `SELECT * FROM outbox WHERE page_id = ? AND psid = ? AND status = 'pending'
       ORDER BY id LIMIT 1`,
    ),
    markSent: q(
      `UPDATE outbox SET status = 'sent', sent_at = ?, message_id = ?, attempts = attempts + 1
       WHERE id = ?`,
    ),
    markFailed: q(
      `UPDATE outbox SET status = 'failed', sent_at = ?, error = ?, attempts = attempts + 1
       WHERE id = ?`,
    ),
    reschedule: q(`UPDATE outbox SET due_at = ?, error = ?, attempts = attempts + 1 WHERE id = ?`),
    cancel: q(
      `UPDATE outbox SET status = 'failed', sent_at = ?, error = ?
       WHERE page_id = ? AND psid = ? AND status = 'pending'`,
    ),
    delayNext: q(
      `UPDATE outbox SET due_at = MAX(due_at, ?) WHERE id = (
         SELECT id FROM outbox WHERE page_id = ? AND psid = ? AND status = 'pending'
         ORDER BY id LIMIT 1)`,
    ),
    dueSessions: q(
      `SELECT page_id, psid, wake_at FROM sessions WHERE wake_at IS NOT NULL AND wake_at <= ?
       LIMIT ?`,
    ),
    waitingSessions: q(
      `SELECT page_id, psid, state, wake_at FROM sessions
       WHERE state IS NOT NULL AND state NOT LIKE '%"wait":null%'`,
    ),
    moveSession: q(
      `UPDATE sessions SET state = ?, wake_at = ?, updated_at = ? WHERE page_id = ? AND psid = ?`,
    ),
    clearWake: q(
      `UPDATE sessions SET wake_at = NULL WHERE page_id = ? AND psid = ? AND wake_at = ?`,
    ),
    insertRevision: q(
      `INSERT INTO revisions (flow_id, revision, name, body, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (flow_id, revision) DO NOTHING`,
    ),
    activate: q(
      `INSERT INTO flows (flow_id, active_revision, activated_at) VALUES (?, ?, ?)
       ON CONFLICT (flow_id) DO UPDATE SET active_revision = excluded.active_revision,
         activated_at = excluded.activated_at`,
    ),
    setSetting: q(
      `INSERT INTO settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ),
    getSetting: q<{ value: string }>(`SELECT value FROM settings WHERE key = ?`),
    userProfile: q(`SELECT * FROM user_profiles WHERE page_id = ? AND psid = ?`),
    saveUserProfile: q(
      `INSERT INTO user_profiles (page_id, psid, first_name, last_name, locale, error, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (page_id, psid) DO UPDATE SET first_name = excluded.first_name,
         last_name = excluded.last_name, locale = excluded.locale, error = excluded.error,
         fetched_at = excluded.fetched_at`,
    ),
    flowRow: q<{ active_revision: string }>(`SELECT active_revision FROM flows WHERE flow_id = ?`),
    revision: q(`SELECT * FROM revisions WHERE flow_id = ? AND revision = ?`),
    revisions: q(`SELECT * FROM revisions WHERE flow_id = ? ORDER BY seq DESC`),
    stats: q(
      `SELECT node_id, key, SUM(count) AS count FROM node_stats_daily
       WHERE flow_id = @flowId AND day >= @from AND day <= @to
         AND (@revision IS NULL OR revision = @revision)
       GROUP BY node_id, key ORDER BY node_id, key`,
    ),
  };

  // insertEvents and commitEvent run in the group's transaction, each in its own savepoint.
  const insertEvents = (items: InboxItem[], now: number) => {
    let inserted = 0;
    for (const it of items) {
      const status = it.channel === 'standby' ? 'standby' : 'pending';
      const r = s.insertEvent.run(
        it.pageId,
        it.psid,
        it.dedupeKey,
        it.timestamp,
        it.channel,
        JSON.stringify(it.event),
        it.fromUser ? 1 : 0,
        status,
        now,
      );
      if (r.changes === 1) {
        inserted++;
        s.ensureSession.run(it.pageId, it.psid, now);
        // Standby events are never processed, so their window-opening time is recorded here.
        if (it.channel === 'standby' && it.fromUser)
          s.noteUser.run(it.timestamp, it.pageId, it.psid);
      }
    }
    return inserted;
  };

  const holds = (lane: Lane, owner: string, now: number) => {
    const lease = leased.get(laneKey(lane.pageId, lane.psid));
    return lease !== undefined && lease.owner === owner && lease.until >= now;
  };

  const commitEvent = (c: EventCommit): boolean => {
    const { lane } = c;
    if (!holds(lane, c.owner, c.now)) throw new Fenced();
    const updated = s.commitSession.run(
      stateText(c.state),
      c.wakeAt,
      c.lastUserAt,
      c.now,
      lane.pageId,
      lane.psid,
    );
    if (updated.changes !== 1) throw new Fenced();
    if (s.finishEvent.run(c.status, c.eventId).changes !== 1) throw new Fenced();
    let due = c.now;
    for (const o of c.outbox) {
      s.insertOutbox.run(
        lane.pageId,
        lane.psid,
        o.kind,
        JSON.stringify(o.body),
        o.media ? 1 : 0,
        o.delayMs,
        due + o.delayMs,
        c.now,
        o.origin ?? null,
      );
      due = c.now;
    }
    const day = dayOf(c.now);
    for (const st of c.stats)
      s.addStat.run(st.flowId, day, st.revision, st.nodeId, st.key, st.count);
    return true;
  };

  const fireDueDelays = db.transaction((now: number, limit: number) => {
    let fired = 0;
    for (const r of s.dueSessions.all(now, limit)) {
      const wakeAt = Number(r.wake_at);
      s.insertEvent.run(
        r.page_id,
        r.psid,
        `timer:${String(r.page_id)}:${String(r.psid)}:${wakeAt}`,
        wakeAt,
        'timer',
        JSON.stringify({ timer: { dueAt: wakeAt } }),
        0,
        'pending',
        now,
      );
      s.clearWake.run(r.page_id, r.psid, wakeAt);
      fired++;
    }
    return fired;
  });

  const activeMeta = (flowId: string) => {
    const active = s.flowRow.get(flowId)?.active_revision;
    if (!active) return undefined;
    const row = s.revision.get(flowId, active);
    return row ? toRevisionMeta(row, active) : undefined;
  };

  const waitingRows = () =>
    s.waitingSessions.all().map((r) => ({
      pageId: String(r.page_id),
      psid: String(r.psid),
      state: parseState(String(r.state)),
      wakeAt: r.wake_at == null ? null : Number(r.wake_at),
    }));
  const revisionSet = (flowId: string) =>
    new Set(s.revisions.all(flowId).map((r) => String(r.revision)));

  const publish = db.transaction((flow: CompiledFlow, now: number, moves: Moves): Published => {
    s.insertRevision.run(flow.flowId, flow.revision, flow.name, JSON.stringify(flow), now);
    s.activate.run(flow.flowId, flow.revision, now);
    s.setSetting.run('active_flow', flow.flowId);
    const revisions = revisionSet(flow.flowId);
    const moved: SessionMove[] = [];
    for (const row of waitingRows()) {
      const next = relocate(row, flow, revisions, moves, now);
      if (!next) continue;
      s.moveSession.run(stateText(next.state), next.wakeAt, now, row.pageId, row.psid);
      moved.push(next.move);
    }
    return { ...activeMeta(flow.flowId)!, moved };
  });

  const rollback = db.transaction((flowId: string, revision: string | undefined, now: number) => {
    const current = s.flowRow.get(flowId)?.active_revision;
    const all = s.revisions.all(flowId);
    let target: Row | undefined;
    if (revision) target = all.find((r) => r.revision === revision);
    else {
      const index = all.findIndex((r) => r.revision === current);
      target = index >= 0 ? all[index + 1] : undefined;
    }
    if (!target) return undefined;
    s.activate.run(flowId, target.revision, now);
    s.setSetting.run('active_flow', flowId);
    return activeMeta(flowId);
  });

  const store: Store = {
    kind: 'sqlite',
    audience: createAudienceStore(sqliteRunner(db, write)),
    migrate: async () => migrate(),
    close: async () => {
      await checkpoints?.stop();
      if (db.open) group.flush();
      if (db.open) db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      if (![...LEASES.keys()].includes(leaseKey)) return;
      // Leases belong to the open handles of this process; the last one out clears them.
      handles.set(leaseKey, (handles.get(leaseKey) ?? 1) - 1);
      if (handles.get(leaseKey)! <= 0) LEASES.delete(leaseKey);
    },
    ping: async () => db.prepare('SELECT 1 AS ok').get() !== undefined,
    insertEvents: (items, now) => write(() => insertEvents(items, now)),
    claimLanes: async (owner, now, leaseMs, limit) => {
      const lanes: Lane[] = [];
      // Ask for enough rows to see past the lanes leased already.
      const want = limit + leased.size;
      const rows = [
        ...s.inboxCandidates.all({ limit: want }),
        ...s.outboxCandidates.all({ now, limit: want }),
      ];
      for (const r of rows) {
        if (lanes.length >= limit) break;
        const key = laneKey(r.page_id, r.psid);
        const lease = leased.get(key);
        if (lease && lease.until >= now) continue;
        leased.set(key, { owner, until: now + leaseMs });
        lanes.push({ pageId: r.page_id, psid: r.psid });
      }
      return lanes;
    },
    renewLane: async (lane, owner, until) => {
      const lease = leased.get(laneKey(lane.pageId, lane.psid));
      if (!lease || lease.owner !== owner) return false;
      lease.until = until;
      return true;
    },
    releaseLane: async (lane, owner) => {
      const key = laneKey(lane.pageId, lane.psid);
      if (leased.get(key)?.owner === owner) leased.delete(key);
    },
    releaseAllLeases: async () => leased.clear(),
    nextEvent: async (lane) => {
      const r = s.nextEvent.get(lane.pageId, lane.psid);
      return r ? toEvent(r) : undefined;
    },
    loadSession: async (lane): Promise<SessionRecord> => {
      const r = s.session.get(lane.pageId, lane.psid);
      return {
        ...lane,
        state: r?.state ? parseState(String(r.state)) : null,
        lastUserAt: r?.last_user_at == null ? null : Number(r.last_user_at),
        wakeAt: r?.wake_at == null ? null : Number(r.wake_at),
      };
    },
    commitEvent: async (c) => {
      try {
        return await write(() => commitEvent(c));
      } catch (error) {
        if (error instanceof Fenced) return false;
        throw error;
      }
    },
    nextOutbox: async (lane, now) => {
      const r = s.nextOutbox.get(lane.pageId, lane.psid);
      return r && Number(r.due_at) <= now ? toOutbox(r) : undefined;
    },
    markSent: (id, now, messageId) => single(() => void s.markSent.run(now, messageId, id)),
    markFailed: (id, now, reason) => single(() => void s.markFailed.run(now, reason, id)),
    reschedule: (id, dueAt, reason) => single(() => void s.reschedule.run(dueAt, reason, id)),
    cancelOutbox: (lane, now, reason) =>
      single(() => s.cancel.run(now, reason, lane.pageId, lane.psid).changes),
    delayNextOutbox: (lane, dueAt) =>
      single(() => void s.delayNext.run(dueAt, lane.pageId, lane.psid)),
    fireDueDelays: (now, limit) => write(() => fireDueDelays(now, limit)),
    publish: async (flow, now, moves = {}) => publish(flow, now, moves),
    waiting: async (flowId) => {
      const revision = s.flowRow.get(flowId)?.active_revision;
      if (!revision) return undefined;
      return { revision, nodes: countWaiting(waitingRows(), revisionSet(flowId)) };
    },
    activeFlow: async (): Promise<ActiveFlow | undefined> => {
      const flowId = s.getSetting.get('active_flow')?.value;
      if (!flowId) return undefined;
      const revision = s.flowRow.get(flowId)?.active_revision;
      const row = revision ? s.revision.get(flowId, revision) : undefined;
      if (!row || !revision) return undefined;
      return { flowId, revision, flow: parseFlowBody(String(row.body)) };
    },
    activeRevision: async () => {
      const flowId = s.getSetting.get('active_flow')?.value;
      const revision = flowId ? s.flowRow.get(flowId)?.active_revision : undefined;
      return flowId && revision ? { flowId, revision } : undefined;
    },
    flowActive: async (flowId) => activeMeta(flowId),
    revisions: async (flowId) => {
      const active = s.flowRow.get(flowId)?.active_revision;
      return s.revisions.all(flowId).map((r) => toRevisionMeta(r, active));
    },
    rollback: async (flowId, revision, now) => rollback(flowId, revision, now),
    revision: async (flowId, revision) => {
      const row = s.revision.get(flowId, revision);
      if (!row) return undefined;
      const active = s.flowRow.get(flowId)?.active_revision;
      return { ...toRevisionMeta(row, active), flow: parseFlowBody(String(row.body)) };
    },
    stats: async (flowId, query = {}): Promise<StatRow[]> =>
      s.stats
        .all({
          flowId,
          from: query.fromDay ?? Number.MIN_SAFE_INTEGER,
          to: query.toDay ?? Number.MAX_SAFE_INTEGER,
          revision: query.revision ?? null,
        })
        .map((r) => ({ nodeId: String(r.node_id), key: String(r.key), count: Number(r.count) })),
    userProfile: async (lane) => {
      const row = s.userProfile.get(lane.pageId, lane.psid);
      return row ? toUserProfile(row) : undefined;
    },
    saveUserProfile: async (lane, profile) =>
      void s.saveUserProfile.run(lane.pageId, lane.psid, ...userProfileParams(profile)),
    getSetting: async (key) => s.getSetting.get(key)?.value,
    setSetting: async (key, value) => void s.setSetting.run(key, value),
    counts: async (): Promise<StoreCounts> => {
      const one = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
      return {
        inboxPending: one(`SELECT COUNT(*) AS n FROM inbox WHERE status = 'pending'`),
        outboxPending: one(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'`),
        outboxSent: one(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'sent'`),
        outboxFailed: one(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'failed'`),
        sessions: one(`SELECT COUNT(*) AS n FROM sessions`),
      };
    },
    prune: async (options) => {
      // Writes queued for the group commit go first, so the prune judges them as stored.
      group.flush();
      const isLeased = (pageId: string, psid: string, now: number) =>
        (leased.get(laneKey(pageId, psid))?.until ?? -Infinity) >= now;
      return pruneSqlite({ db, leased: isLeased }, options);
    },
  };
  return store;
}

/** Thrown inside a transaction to roll it back when the lease or the event moved on. */
class Fenced extends Error {}
