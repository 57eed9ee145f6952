// Retention: what the stores delete so that their size follows the traffic of the retention
// period instead of growing forever. Handled events and finished outbox rows older than the
// retention period go, and so do the sessions of subscribers silent for longer than the
// subscriber retention. Never deleted: a pending event, a pending outbox row, a session with a
// pending delay, pending work or a live lease. Statistics are daily buckets (one row per flow,
// day, revision, node and counter, updated in place): they grow with the days, not the traffic,
// and a day's buckets are deleted once the day is older than the stats retention (400 days by
// default), in one statement, since even a year of them is a small table.
//
// Every table is walked in short batches along its primary key, each batch its own transaction,
// so pruning never holds a lock (SQLite: the one writer; PostgreSQL: row locks) for long and
// needs no extra index. Inbox and outbox ids grow with the time a row was written, so their walk
// stops at the first row younger than the cut-off.
import type { Database } from 'better-sqlite3';
import type pg from 'pg';

export interface PruneOptions {
  now: number;
  /** Handled events and sent or failed outbox rows older than this are deleted. */
  retentionMs: number;
  /** Sessions of subscribers who wrote nothing (and got nothing) for this long are deleted. */
  subscriberRetentionMs: number;
  /**
   * Daily stats buckets of days that ended longer ago than this are deleted (default
   * DEFAULT_STATS_RETENTION_DAYS).
   */
  statsRetentionMs?: number;
  /** Rows a transaction (default 500). */
  batch?: number;
}

export interface PruneResult {
  events: number;
  outbox: number;
  sessions: number;
  /** Daily stats buckets. */
  stats: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_RETENTION_DAYS = 30;
export const DEFAULT_SUBSCRIBER_RETENTION_DAYS = 365;
export const DEFAULT_STATS_RETENTION_DAYS = 400;
export const daysToMs = (days: number) => days * DAY_MS;
/** The UTC day of a time, as days since 1970-01-01: the stats bucket a commit at `ms` counts in. */
export const dayOf = (ms: number) => Math.floor(ms / DAY_MS);
/** The first day whose stats buckets are kept. */
const firstStatsDay = (o: PruneOptions) =>
  dayOf(o.now - (o.statsRetentionMs ?? daysToMs(DEFAULT_STATS_RETENTION_DAYS)));

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Upper bound on batches a table per run, so a run always ends (the next run continues). */
const MAX_BATCHES = 10_000;

// ---- SQLite -------------------------------------------------------------------------------------

export interface SqlitePruneDeps {
  db: Database;
  /** Whether a lane is leased right now (SQLite keeps leases in memory). */
  leased: (pageId: string, psid: string, now: number) => boolean;
}

export async function pruneSqlite(deps: SqlitePruneDeps, o: PruneOptions): Promise<PruneResult> {
  const { db } = deps;
  const batch = o.batch ?? 500;
  const cutoff = o.now - o.retentionMs;
  const silentSince = o.now - o.subscriberRetentionMs;
  const result: PruneResult = { events: 0, outbox: 0, sessions: 0, stats: 0 };

  const inboxPage = db.prepare(
    `SELECT id, status, received_at FROM inbox WHERE id > ? ORDER BY id LIMIT ?`,
  );
  const deleteEvent = db.prepare(`DELETE FROM inbox WHERE id = ? AND status <> 'pending'`);
  const inboxBatch = db.transaction((after: number) => {
    const rows = inboxPage.all(after, batch) as {
      id: number;
      status: string;
      received_at: number;
    }[];
    let deleted = 0;
    let done = rows.length < batch;
    for (const r of rows) {
      if (Number(r.received_at) >= cutoff) {
        done = true;
        break;
      }
      if (r.status !== 'pending') deleted += deleteEvent.run(r.id).changes;
    }
    return { last: rows.at(-1)?.id ?? after, deleted, done };
  });

  const outboxPage = db.prepare(
    `SELECT id, status, created_at, sent_at FROM outbox WHERE id > ? ORDER BY id LIMIT ?`,
  );
  const deleteOutbox = db.prepare(`DELETE FROM outbox WHERE id = ? AND status <> 'pending'`);
  const outboxBatch = db.transaction((after: number) => {
    const rows = outboxPage.all(after, batch) as {
      id: number;
      status: string;
      created_at: number;
      sent_at: number | null;
    }[];
    let deleted = 0;
    let done = rows.length < batch;
    for (const r of rows) {
      if (Number(r.created_at) >= cutoff) {
        done = true;
        break;
      }
      if (r.status !== 'pending' && Number(r.sent_at ?? r.created_at) < cutoff)
        deleted += deleteOutbox.run(r.id).changes;
    }
    return { last: rows.at(-1)?.id ?? after, deleted, done };
  });

  const sessionPage = db.prepare(
    `SELECT page_id, psid, last_user_at, updated_at, wake_at FROM sessions
     WHERE (page_id, psid) > (?, ?) ORDER BY page_id, psid LIMIT ?`,
  );
  const pendingEvent = db.prepare(
    `SELECT 1 FROM inbox WHERE page_id = ? AND psid = ? AND status = 'pending' LIMIT 1`,
  );
  const pendingOutbox = db.prepare(
    `SELECT 1 FROM outbox WHERE page_id = ? AND psid = ? AND status = 'pending' LIMIT 1`,
  );
  const deleteSession = db.prepare(`DELETE FROM sessions WHERE page_id = ? AND psid = ?`);
  const sessionBatch = db.transaction((after: [string, string]) => {
    const rows = sessionPage.all(after[0], after[1], batch) as {
      page_id: string;
      psid: string;
      last_user_at: number | null;
      updated_at: number;
      wake_at: number | null;
    }[];
    let deleted = 0;
    for (const r of rows) {
      if (r.wake_at !== null) continue;
      if (Math.max(Number(r.last_user_at ?? 0), Number(r.updated_at)) >= silentSince) continue;
      if (deps.leased(r.page_id, r.psid, o.now)) continue;
      if (pendingEvent.get(r.page_id, r.psid) || pendingOutbox.get(r.page_id, r.psid)) continue;
      deleted += deleteSession.run(r.page_id, r.psid).changes;
    }
    const lastRow = rows.at(-1);
    const last: [string, string] = lastRow ? [lastRow.page_id, lastRow.psid] : after;
    return { last, deleted, done: rows.length < batch };
  });

  for (let i = 0, after = 0; i < MAX_BATCHES; i++) {
    const step = inboxBatch(after);
    result.events += step.deleted;
    after = step.last;
    if (step.done) break;
    await yieldToOthers();
  }
  for (let i = 0, after = 0; i < MAX_BATCHES; i++) {
    const step = outboxBatch(after);
    result.outbox += step.deleted;
    after = step.last;
    if (step.done) break;
    await yieldToOthers();
  }
  let key: [string, string] = ['', ''];
  for (let i = 0; i < MAX_BATCHES; i++) {
    const step = sessionBatch(key);
    result.sessions += step.deleted;
    key = step.last;
    if (step.done) break;
    await yieldToOthers();
  }
  // A forgotten subscriber's User Profile answer goes with their session.
  if (result.sessions > 0)
    db.prepare(
      `DELETE FROM user_profiles WHERE fetched_at < ? AND NOT EXISTS (SELECT 1 FROM sessions s
         WHERE s.page_id = user_profiles.page_id AND s.psid = user_profiles.psid)`,
    ).run(silentSince);
  result.stats = db
    .prepare(`DELETE FROM node_stats_daily WHERE day < ?`)
    .run(firstStatsDay(o)).changes;
  await reclaimSqlite(db);
  return result;
}

/**
 * Gives freed pages back to the file system: the file runs with auto_vacuum=INCREMENTAL, and
 * each call moves at most `pages` pages, so it stays short. The file shrinks at the next
 * checkpoint.
 */
export async function reclaimSqlite(db: Database, pages = 1000): Promise<number> {
  let freed = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const free = Number(db.pragma('freelist_count', { simple: true }));
    if (free === 0) break;
    db.pragma(`incremental_vacuum(${pages})`);
    freed += Math.min(free, pages);
    await yieldToOthers();
  }
  return freed;
}

/**
 * Turns on incremental auto-vacuum. A new file gets it before its first table; an existing file
 * made without it is rebuilt once (VACUUM, which takes as long as copying the file).
 */
export function enableIncrementalVacuum(db: Database): void {
  if (Number(db.pragma('auto_vacuum', { simple: true })) === 2) return;
  db.pragma('auto_vacuum = INCREMENTAL');
  const tables = Number(
    (db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master`).get() as { n: number }).n,
  );
  if (tables > 0) db.exec('VACUUM');
}

// ---- PostgreSQL ---------------------------------------------------------------------------------

// Deleted rows leave dead tuples that autovacuum reclaims for reuse by new rows; the tables stay
// at the size of the retention period's traffic without anything done here.
export async function prunePostgres(pool: pg.Pool, o: PruneOptions): Promise<PruneResult> {
  // One instance prunes a schema at a time (the others skip this run): concurrent deletes of
  // the same rows would only wait on each other. The lock is the connection's, released at the
  // end; advisory locks are database-wide, so the key names the schema.
  const client = await pool.connect();
  const key = `${PRUNE_LOCK}, hashtext(current_schema())`;
  try {
    const got = await client.query(`SELECT pg_try_advisory_lock(${key}) AS ok`);
    if (!(got.rows[0] as { ok: boolean }).ok)
      return { events: 0, outbox: 0, sessions: 0, stats: 0 };
    try {
      return await prunePostgresLocked(client, o);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${key})`);
    }
  } finally {
    client.release();
  }
}

const PRUNE_LOCK = 7207002;

async function prunePostgresLocked(pool: pg.PoolClient, o: PruneOptions): Promise<PruneResult> {
  const batch = o.batch ?? 500;
  const cutoff = o.now - o.retentionMs;
  const silentSince = o.now - o.subscriberRetentionMs;
  const result: PruneResult = { events: 0, outbox: 0, sessions: 0, stats: 0 };

  // The batch is read and deleted in one statement; the row is re-checked as it is deleted, so a
  // row that changed since (it never goes back to pending) is judged as it is now.
  const walk = async (sql: string) => {
    let total = 0;
    for (let i = 0, after = 0; i < MAX_BATCHES; i++) {
      const r = (await pool.query(sql, [after, batch, cutoff])).rows[0] as {
        last: number | null;
        scanned: number;
        newer: number;
        deleted: number;
      };
      total += Number(r.deleted);
      if (r.last === null || Number(r.newer) > 0 || Number(r.scanned) < batch) break;
      after = Number(r.last);
    }
    return total;
  };
  result.events = await walk(
    `WITH b AS (SELECT id, received_at FROM inbox WHERE id > $1 ORDER BY id LIMIT $2),
     d AS (DELETE FROM inbox i USING b WHERE i.id = b.id AND i.status <> 'pending'
             AND i.received_at < $3 RETURNING 1)
     SELECT (SELECT max(id) FROM b) AS last, (SELECT count(*) FROM b)::int AS scanned,
       (SELECT count(*) FROM b WHERE received_at >= $3)::int AS newer,
       (SELECT count(*) FROM d)::int AS deleted`,
  );
  result.outbox = await walk(
    `WITH b AS (SELECT id, created_at FROM outbox WHERE id > $1 ORDER BY id LIMIT $2),
     d AS (DELETE FROM outbox o USING b WHERE o.id = b.id AND o.status <> 'pending'
             AND COALESCE(o.sent_at, o.created_at) < $3 RETURNING 1)
     SELECT (SELECT max(id) FROM b) AS last, (SELECT count(*) FROM b)::int AS scanned,
       (SELECT count(*) FROM b WHERE created_at >= $3)::int AS newer,
       (SELECT count(*) FROM d)::int AS deleted`,
  );

  let key = ['', ''];
  for (let i = 0; i < MAX_BATCHES; i++) {
    const r = (
      await pool.query(
        `WITH b AS (SELECT page_id, psid FROM sessions WHERE (page_id, psid) > ($1, $2)
                    ORDER BY page_id, psid LIMIT $3),
         d AS (DELETE FROM sessions s USING b
               WHERE s.page_id = b.page_id AND s.psid = b.psid AND s.wake_at IS NULL
                 AND GREATEST(COALESCE(s.last_user_at, 0), s.updated_at) < $4
                 AND (s.lease_until IS NULL OR s.lease_until < $5)
                 AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.page_id = s.page_id
                                   AND i.psid = s.psid AND i.status = 'pending')
                 AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.page_id = s.page_id
                                   AND o.psid = s.psid AND o.status = 'pending')
               RETURNING 1)
         SELECT (SELECT page_id FROM b ORDER BY page_id DESC, psid DESC LIMIT 1) AS page_id,
           (SELECT psid FROM b ORDER BY page_id DESC, psid DESC LIMIT 1) AS psid,
           (SELECT count(*) FROM b)::int AS scanned, (SELECT count(*) FROM d)::int AS deleted`,
        [key[0], key[1], batch, silentSince, o.now],
      )
    ).rows[0] as { page_id: string | null; psid: string | null; scanned: number; deleted: number };
    result.sessions += Number(r.deleted);
    if (r.page_id === null || Number(r.scanned) < batch) break;
    key = [r.page_id, String(r.psid)];
  }
  // A forgotten subscriber's User Profile answer goes with their session.
  if (result.sessions > 0)
    await pool.query(
      `DELETE FROM user_profiles p WHERE p.fetched_at < $1 AND NOT EXISTS (SELECT 1 FROM sessions s
         WHERE s.page_id = p.page_id AND s.psid = p.psid)`,
      [silentSince],
    );
  // A subscriber who wrote again while their session was being deleted (the event committed
  // after the delete's snapshot) gets a fresh session, so their pending work can be leased.
  if (result.sessions > 0)
    await pool.query(
      `INSERT INTO sessions (page_id, psid, updated_at)
       SELECT DISTINCT page_id, psid, $1::bigint FROM (
         SELECT page_id, psid FROM inbox WHERE status = 'pending'
         UNION SELECT page_id, psid FROM outbox WHERE status = 'pending') w
       ON CONFLICT DO NOTHING`,
      [o.now],
    );
  result.stats =
    (await pool.query(`DELETE FROM node_stats_daily WHERE day < $1`, [firstStatsDay(o)]))
      .rowCount ?? 0;
  return result;
}
