// The PostgreSQL store, for several runtime instances on one database. Lanes are claimed with
// FOR UPDATE SKIP LOCKED so two instances never lease the same user, every commit is fenced by
// the lease, and an event is marked done in the same statement that writes its replies, so each
// message id is processed exactly once.
//
// Cluster behaviour: each store keeps one extra connection (the presence connection) that holds
// a session-level advisory lock per lease owner and LISTENs for flow changes. PostgreSQL drops
// those locks the moment the connection dies, so another instance takes over a dead instance's
// users at its next claim instead of waiting for their leases to run out; publish and rollback
// NOTIFY every instance. Per-Page send pacing lives in a shared (unlogged) bucket table.
//
// Speed: the hot path is a handful of single-statement round trips, as prepared statements.
// Webhook inserts and the worker's writes (finished turns, sent replies, released lanes) are
// queued and written by one statement at a time: whatever queued while one ran goes together in
// the next, so under load many messages share one durable commit (group commit).
import pg from 'pg';
import type { CompiledFlow } from '../../flows/schema';
import { createAudienceStore } from './audience';
import { Batcher } from './batcher';
import { POSTGRES_MIGRATIONS } from './migrations';
import { countWaiting, relocate, type Moves, type SessionMove } from './moves';
import { dayOf, prunePostgres } from './retention';
import { postgresRunner } from './sql';
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
  OutboxRow,
  StatRow,
  Store,
  StoredEvent,
} from './types';

// BIGINT columns hold millisecond times and counts, well inside Number's exact range.
pg.types.setTypeParser(20, (v) => Number(v));

export interface PostgresOptions {
  /** A schema to create and use (tests use a unique one a run). */
  schema?: string;
  max?: number;
  /** Shown in pg_stat_activity (tests find an instance's connections by it). */
  applicationName?: string;
}

/** Advisory lock namespace of lease owners (the second key is hashtext(owner)). */
const OWNER_LOCKS = 7207002;

export async function openPostgresStore(
  url: string,
  options: PostgresOptions = {},
): Promise<Store> {
  const { schema } = options;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  if (schema) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await client.end();
    }
  }
  const config: pg.ClientConfig = {
    connectionString: url,
    application_name: options.applicationName ?? 'threadline',
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  };
  const pool = new pg.Pool({ ...config, max: options.max ?? 8 });
  pool.on('error', () => undefined); // an idle client's error surfaces on the next query instead
  // NOTIFY channels are per database, not per schema: the schema keeps test runs apart.
  return build(pool, new Presence(config, `threadline_flows${schema ? `_${schema}` : ''}`));
}

/**
 * The presence connection: the advisory locks that say "this lease owner is alive", and LISTEN
 * for flow changes. When it drops it reconnects (half a second later) and takes the locks again;
 * the listeners hear of the reconnect too, since a change may have been missed meanwhile.
 */
class Presence {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private owners = new Set<string>();
  private listeners = new Set<() => void>();
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private lostOnce = false;

  constructor(
    private config: pg.ClientConfig,
    readonly channel: string,
  ) {}

  /** Connected, with `owner`'s lock held (PostgreSQL frees it when this connection dies). */
  async hold(owner?: string): Promise<void> {
    const client = await this.connect();
    if (owner === undefined || this.owners.has(owner)) return;
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [OWNER_LOCKS, owner]);
    this.owners.add(owner);
  }

  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    this.hold().catch(() => this.schedule());
    return () => this.listeners.delete(listener);
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    if (this.closed) return Promise.reject(new Error('store closed'));
    this.connecting ??= (async () => {
      const client = new pg.Client(this.config);
      const lost = () => this.lost(client);
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', () => this.changed());
      try {
        await client.connect();
        await client.query(`LISTEN ${this.channel}`);
        for (const owner of this.owners)
          await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [OWNER_LOCKS, owner]);
      } catch (error) {
        client.removeAllListeners();
        await client.end().catch(() => undefined);
        throw error;
      } finally {
        this.connecting = undefined;
      }
      this.client = client;
      if (this.lostOnce) this.changed();
      return client;
    })();
    return this.connecting;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.lostOnce = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.owners.size || this.listeners.size) this.hold().catch(() => this.schedule());
    }, 500);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    client?.removeAllListeners();
    client?.on('error', () => undefined);
    await client?.end().catch(() => undefined);
  }
}

async function build(pool: pg.Pool, presence: Presence): Promise<Store> {
  // Named queries are prepared once per connection and then sent as Bind/Execute only.
  const run = (name: string, text: string, values: unknown[] = []) =>
    pool.query({ name, text, values });
  // A batch touches many rows; should it ever deadlock with another instance's, PostgreSQL
  // aborts one of the two, and that one simply runs again.
  const batch = async (name: string, text: string, values: unknown[]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run(name, text, values);
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt >= 3) throw error;
      }
    }
  };
  const one = async (sql: string, params: unknown[] = []) =>
    (await pool.query(sql, params)).rows[0] as Row | undefined;
  const all = async (sql: string, params: unknown[] = []) =>
    (await pool.query(sql, params)).rows as Row[];
  const tx = async <T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  const migrate = async () => {
    await pool.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at BIGINT)',
    );
    let applied = 0;
    for (const m of POSTGRES_MIGRATIONS) {
      const did = await tx(async (c) => {
        // One instance migrates at a time; the others wait here and then find the work done.
        await c.query('SELECT pg_advisory_xact_lock(7207001)');
        const seen = await c.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
          m.version,
        ]);
        if (seen.rowCount) return false;
        await c.query(m.sql);
        await c.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          Date.now(),
        ]);
        return true;
      });
      if (did) applied++;
    }
    return applied;
  };
  await migrate();

  /** Sessions that may wait (a prefilter: each state is read in full); `lock` for a publish. */
  const waitingRows = async (q: pg.Pool | pg.PoolClient, lock: boolean) =>
    (
      await q.query(
        `SELECT page_id, psid, state, wake_at FROM sessions
         WHERE state IS NOT NULL AND state NOT LIKE '%"wait":null%'${lock ? ' FOR UPDATE' : ''}`,
      )
    ).rows.map((r: Row) => ({
      pageId: String(r.page_id),
      psid: String(r.psid),
      state: parseState(String(r.state)),
      wakeAt: r.wake_at == null ? null : Number(r.wake_at),
    }));
  const revisionSet = async (q: pg.Pool | pg.PoolClient, flowId: string) =>
    new Set(
      (await q.query(`SELECT revision FROM revisions WHERE flow_id = $1`, [flowId])).rows.map(
        (r: Row) => String(r.revision),
      ),
    );

  const activeMeta = async (q: pg.Pool | pg.PoolClient, flowId: string) => {
    const r = (
      await q.query(
        `SELECT r.* FROM flows f JOIN revisions r
           ON r.flow_id = f.flow_id AND r.revision = f.active_revision WHERE f.flow_id = $1`,
        [flowId],
      )
    ).rows[0] as Row | undefined;
    return r ? toRevisionMeta(r, r.revision) : undefined;
  };
  const activate = (c: pg.PoolClient, flowId: string, revision: string, now: number) =>
    c.query(
      `INSERT INTO flows (flow_id, active_revision, activated_at) VALUES ($1, $2, $3)
       ON CONFLICT (flow_id) DO UPDATE SET active_revision = excluded.active_revision,
         activated_at = excluded.activated_at;
       `,
      [flowId, revision, now],
    );
  const setActiveFlow = (c: pg.PoolClient, flowId: string) =>
    c.query(
      `INSERT INTO settings (key, value) VALUES ('active_flow', $1)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [flowId],
    );

  const insertBatch = new Batcher<{ items: InboxItem[]; now: number }, number>(async (requests) => {
    const rows = requests.flatMap((r) =>
      r.items.map((it) => ({
        page_id: it.pageId,
        psid: it.psid,
        dedupe_key: it.dedupeKey,
        ts: it.timestamp,
        channel: it.channel,
        event: JSON.stringify(it.event),
        from_user: it.fromUser ? 1 : 0,
        received_at: r.now,
      })),
    );
    // One statement: the new events, a session for each new user, and (for standby events,
    // which are never processed) the time the user last wrote. A new session gets that time as
    // it is created; the UPDATE, which cannot see rows this statement inserts, serves the others.
    const result = await batch(
      'insert-events',
      `WITH x AS (
         SELECT row_number() OVER () AS n, * FROM json_to_recordset($1::json) AS x(page_id text,
           psid text, dedupe_key text, ts bigint, channel text, event text, from_user int,
           received_at bigint)),
       ins AS (
         INSERT INTO inbox (page_id, psid, dedupe_key, ts, channel, event, from_user, status, received_at)
         SELECT page_id, psid, dedupe_key, ts, channel, event, from_user,
           CASE WHEN channel = 'standby' THEN 'standby' ELSE 'pending' END, received_at
         FROM x ORDER BY n
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING dedupe_key, page_id, psid, ts, channel, from_user, received_at),
       seen AS (
         SELECT page_id, psid, max(received_at) AS at,
           max(ts) FILTER (WHERE channel = 'standby' AND from_user = 1) AS standby_at
         FROM ins GROUP BY page_id, psid),
       created AS (
         INSERT INTO sessions (page_id, psid, updated_at, last_user_at)
         SELECT page_id, psid, at, standby_at FROM seen ORDER BY page_id, psid
         ON CONFLICT DO NOTHING),
       noted AS (
         UPDATE sessions s SET last_user_at = GREATEST(COALESCE(s.last_user_at, 0), seen.standby_at)
         FROM seen WHERE seen.standby_at IS NOT NULL AND s.page_id = seen.page_id
           AND s.psid = seen.psid)
       SELECT dedupe_key FROM ins`,
      [JSON.stringify(rows)],
    );
    // A key inserted counts for the first request that carried it.
    const fresh = new Set(result.rows.map((r: Row) => String(r.dedupe_key)));
    return requests.map((r) => {
      let inserted = 0;
      for (const it of r.items) if (fresh.delete(it.dedupeKey)) inserted++;
      return inserted;
    });
  });

  type Write =
    | { type: 'commit'; commit: EventCommit }
    | { type: 'sent'; id: number; now: number; messageId: string | null }
    | { type: 'release'; lane: Lane; owner: string };
  const writeBatch = new Batcher<Write, boolean>(async (writes) => {
    const commits: unknown[] = [];
    const outbox: unknown[] = [];
    const stats: unknown[] = [];
    const sent: unknown[] = [];
    const releases: unknown[] = [];
    writes.forEach((w, i) => {
      if (w.type === 'sent') sent.push({ id: w.id, now: w.now, mid: w.messageId });
      else if (w.type === 'release') releases.push({ ...laneRow(w.lane), owner: w.owner });
      else {
        const c = w.commit;
        commits.push({
          i,
          ...laneRow(c.lane),
          owner: c.owner,
          event_id: c.eventId,
          status: c.status,
          state: c.state === null ? null : stateText(c.state),
          wake_at: c.wakeAt,
          last_user_at: c.lastUserAt,
          now: c.now,
        });
        c.outbox.forEach((o, j) =>
          outbox.push({
            i,
            j,
            ...laneRow(c.lane),
            kind: o.kind,
            body: JSON.stringify(o.body),
            media: o.media ? 1 : 0,
            delay_ms: o.delayMs,
            due_at: c.now + o.delayMs,
            created_at: c.now,
            origin: o.origin ?? null,
          }),
        );
        const day = dayOf(c.now);
        for (const st of c.stats)
          stats.push({
            i,
            flow_id: st.flowId,
            day,
            revision: st.revision,
            node_id: st.nodeId,
            key: st.key,
            count: st.count,
          });
      }
    });
    // Each commit is fenced on its own: its session moves only while its lease holds and its
    // event is still pending, the event only with its session, replies and statistics only
    // with the event. Statistics of the whole batch are summed into one upsert.
    const result = await batch(
      'worker-writes',
      `WITH c AS (
         SELECT * FROM json_to_recordset($1::json) AS c(i int, page_id text, psid text,
           owner text, event_id bigint, status text, state text, wake_at bigint,
           last_user_at bigint, now bigint)),
       s AS (
         UPDATE sessions t SET state = c.state, wake_at = c.wake_at,
           last_user_at = COALESCE(c.last_user_at, t.last_user_at), updated_at = c.now
         FROM c
         WHERE t.page_id = c.page_id AND t.psid = c.psid AND t.lease_owner = c.owner
           AND t.lease_until >= c.now
           AND EXISTS (SELECT 1 FROM inbox WHERE inbox.id = c.event_id AND inbox.status = 'pending')
         RETURNING c.i, c.event_id, c.status),
       e AS (
         UPDATE inbox SET status = s.status FROM s
         WHERE inbox.id = s.event_id AND inbox.status = 'pending'
         RETURNING s.i),
       o AS (
         INSERT INTO outbox (page_id, psid, kind, body, media, delay_ms, status, attempts, due_at,
           created_at, origin)
         SELECT o.page_id, o.psid, o.kind, o.body, o.media, o.delay_ms, 'pending', 0, o.due_at,
           o.created_at, o.origin
         FROM json_to_recordset($2::json) AS o(i int, j int, page_id text, psid text, kind text,
           body text, media int, delay_ms int, due_at bigint, created_at bigint, origin text)
         WHERE o.i IN (SELECT i FROM e) ORDER BY o.i, o.j
         RETURNING id),
       st AS (
         INSERT INTO node_stats_daily (flow_id, day, revision, node_id, key, count)
         SELECT z.flow_id, z.day, z.revision, z.node_id, z.key, sum(z.count)::bigint
         FROM json_to_recordset($3::json) AS z(i int, flow_id text, day int, revision text,
           node_id text, key text, count bigint)
         WHERE z.i IN (SELECT i FROM e)
         GROUP BY z.flow_id, z.day, z.revision, z.node_id, z.key ORDER BY 1, 2, 3, 4, 5
         ON CONFLICT (flow_id, day, revision, node_id, key)
           DO UPDATE SET count = node_stats_daily.count + excluded.count),
       m AS (
         UPDATE outbox SET status = 'sent', sent_at = x.now, message_id = x.mid,
           attempts = attempts + 1
         FROM json_to_recordset($4::json) AS x(id bigint, now bigint, mid text)
         WHERE outbox.id = x.id RETURNING outbox.id),
       r AS (
         UPDATE sessions t SET lease_owner = NULL, lease_until = NULL
         FROM json_to_recordset($5::json) AS r(page_id text, psid text, owner text)
         WHERE t.page_id = r.page_id AND t.psid = r.psid AND t.lease_owner = r.owner
         RETURNING 1),
       -- Each committed lane's next pending event (this statement still sees its own as pending).
       nx AS (
         SELECT DISTINCT ON (n.page_id, n.psid) s.i, n.* FROM s
         JOIN c ON c.i = s.i
         JOIN inbox n ON n.page_id = c.page_id AND n.psid = c.psid AND n.status = 'pending'
           AND n.id <> s.event_id
         WHERE s.i IN (SELECT i FROM e)
         ORDER BY n.page_id, n.psid, n.ts, n.id)
       SELECT i, NULL::bigint AS id, NULL AS next FROM e
       UNION ALL SELECT -1, id, NULL FROM o
       UNION ALL SELECT -2, NULL, NULL FROM m UNION ALL SELECT -3, NULL, NULL FROM r
       UNION ALL SELECT -4, i, row_to_json(nx)::text FROM nx`,
      [commits, outbox, stats, sent, releases].map((list) => JSON.stringify(list)),
    );
    const rows = result.rows as Row[];
    const committed = new Set(rows.map((r) => Number(r.i)));
    // Outbox ids come in the order the rows were inserted: by commit, then by position.
    for (const r of rows) {
      if (Number(r.i) !== -4) continue;
      const next = toEvent(JSON.parse(String(r.next)) as Row);
      const w = writes[Number(r.id)];
      if (w?.type === 'commit') nextEvents.set(laneKey(w.commit.lane), next);
    }
    const ids = rows
      .filter((r) => Number(r.i) === -1)
      .map((r) => Number(r.id))
      .sort((x, y) => x - y);
    writes.forEach((w, i) => {
      if (w.type !== 'commit' || !committed.has(i)) return;
      const c = w.commit;
      const known = pendingOutbox.get(laneKey(c.lane));
      for (const o of c.outbox) {
        const id = ids.shift()!;
        known?.push({
          ...c.lane,
          id,
          kind: o.kind,
          body: JSON.parse(JSON.stringify(o.body)) as unknown,
          media: o.media,
          delayMs: o.delayMs,
          attempts: 0,
          dueAt: c.now + o.delayMs,
        });
      }
    });
    return writes.map((w, i) => (w.type === 'commit' ? committed.has(i) : true));
  });

  // Delivered to every listening instance when the transaction commits, and only then.
  const announce = (c: pg.PoolClient, flowId: string) =>
    c.query('SELECT pg_notify($1, $2)', [presence.channel, flowId]);

  // A lane's pending outbox rows, all of them in order, kept while this instance holds the lane:
  // only the lease holder adds, sends or changes them, so after one read (or none: a commit
  // returns the ids of the rows it adds) the worker's "what is next" costs no query. Dropped
  // when the lane is claimed or released, and when a write about it fails.
  const pendingOutbox = new Map<string, OutboxRow[]>();
  /**
   * A held lane's next pending event, read by the statement that committed the one before. Only
   * the holder finishes a lane's events; one that arrives later with an earlier timestamp can
   * come second, as it can when it arrives just after a read. Dropped on claim and release.
   */
  const nextEvents = new Map<string, StoredEvent>();
  /** Rows marked sent whose mark is queued but not yet written (see markSent). */
  const marking = new Set<number>();
  /** The write of each queued mark, for whoever must wait until it is durable. */
  const markWrites = new Map<number, Promise<void>>();
  const findRow = (id: number) => {
    for (const [key, rows] of pendingOutbox) {
      const index = rows.findIndex((r) => r.id === id);
      if (index >= 0) return { key, rows, index };
    }
    return undefined;
  };
  /** Runs a write about one outbox row; the lane's kept rows follow it, or are dropped. */
  const rowWrite = async (
    id: number,
    write: () => Promise<unknown>,
    update: (r: OutboxRow, rows: OutboxRow[], index: number) => void,
  ) => {
    const found = findRow(id);
    try {
      await write();
    } catch (error) {
      if (found) pendingOutbox.delete(found.key);
      throw error;
    }
    const after = findRow(id);
    if (after) update(after.rows[after.index]!, after.rows, after.index);
  };

  const store: Store = {
    kind: 'postgres',
    audience: createAudienceStore(postgresRunner(pool)),
    migrate,
    close: async () => {
      await Promise.all([insertBatch.drain(), writeBatch.drain()]);
      await presence.close();
      await pool.end();
    },
    ping: async () => (await one('SELECT 1 AS ok'))?.ok === 1,
    insertEvents: (items, now) =>
      items.length === 0 ? Promise.resolve(0) : insertBatch.add({ items, now }),
    claimLanes: async (owner, now, leaseMs, limit) => {
      // Our own lock first: from now on our leases count as alive.
      await presence.hold(owner);
      // A lease is free when it ran out, or when its owner's presence lock is free: that owner's
      // connection died (a killed or cut-off instance). Trying the lock costs nothing when held.
      const result = await run(
        'claim-lanes',
        `UPDATE sessions s SET lease_owner = $1, lease_until = $2
         FROM (
           SELECT page_id, psid FROM sessions
           WHERE (lease_until IS NULL OR lease_until < $3
               OR (lease_owner <> $1 AND pg_try_advisory_xact_lock(${OWNER_LOCKS}, hashtext(lease_owner))))
             AND (page_id, psid) IN (
               SELECT page_id, psid FROM inbox WHERE status = 'pending'
               UNION SELECT page_id, psid FROM outbox WHERE status = 'pending' AND due_at <= $3)
           LIMIT $4 FOR UPDATE SKIP LOCKED) c
         WHERE s.page_id = c.page_id AND s.psid = c.psid
         RETURNING s.page_id, s.psid`,
        [owner, now + leaseMs, now, limit],
      );
      return (result.rows as Row[]).map((r) => {
        const lane = { pageId: String(r.page_id), psid: String(r.psid) };
        pendingOutbox.delete(laneKey(lane));
        nextEvents.delete(laneKey(lane));
        return lane;
      });
    },
    renewLane: async (lane, owner, until) =>
      (
        await run(
          'renew-lane',
          `UPDATE sessions SET lease_until = $1 WHERE page_id = $2 AND psid = $3 AND lease_owner = $4`,
          [until, lane.pageId, lane.psid, owner],
        )
      ).rowCount === 1,
    releaseLane: async (lane, owner) => {
      pendingOutbox.delete(laneKey(lane));
      nextEvents.delete(laneKey(lane));
      await writeBatch.add({ type: 'release', lane, owner });
    },
    releaseAllLeases: async () =>
      void (await pool.query(`UPDATE sessions SET lease_owner = NULL, lease_until = NULL`)),
    nextEvent: async (lane) => {
      // Read along with the lane's last commit (see worker-writes).
      const known = nextEvents.get(laneKey(lane));
      if (known) {
        nextEvents.delete(laneKey(lane));
        return known;
      }
      const r = (
        await run(
          'next-event',
          `SELECT * FROM inbox WHERE page_id = $1 AND psid = $2 AND status = 'pending'
           ORDER BY ts, id LIMIT 1`,
          [lane.pageId, lane.psid],
        )
      ).rows[0] as Row | undefined;
      return r ? toEvent(r) : undefined;
    },
    loadSession: async (lane) => {
      const r = (
        await run('load-session', `SELECT * FROM sessions WHERE page_id = $1 AND psid = $2`, [
          lane.pageId,
          lane.psid,
        ])
      ).rows[0] as Row | undefined;
      return {
        ...lane,
        state: r?.state ? parseState(String(r.state)) : null,
        lastUserAt: r?.last_user_at == null ? null : Number(r.last_user_at),
        wakeAt: r?.wake_at == null ? null : Number(r.wake_at),
      };
    },
    commitEvent: (commit) => writeBatch.add({ type: 'commit', commit }),
    nextOutbox: async (lane, now) => {
      const key = laneKey(lane);
      let rows = pendingOutbox.get(key);
      if (!rows) {
        const read = (
          await run(
            'pending-outbox',
            `SELECT * FROM outbox WHERE page_id = $1 AND psid = $2 AND status = 'pending'
             ORDER BY id LIMIT ${KEEP_ROWS + 1}`,
            [lane.pageId, lane.psid],
          )
        ).rows as Row[];
        // A row whose sent mark is still queued is sent already.
        rows = read.map(toOutbox).filter((r) => !marking.has(r.id));
        // Kept only when complete (a long backlog is read again instead).
        if (rows.length <= KEEP_ROWS) pendingOutbox.set(key, rows);
      }
      const first = rows[0];
      return first && first.dueAt <= now ? { ...first } : undefined;
    },
    // Answered as soon as it is queued: the lane need not wait a commit to send its next row.
    // Every later write of this store (the lane's next commit, its release) is queued after it
    // and so is written with it or after it, and close() writes it too. A sent row whose mark is
    // lost in a crash is sent again after the restart, as it is when the process dies between
    // the Send API's answer and any mark; if the batch fails, the lane's rows are read again.
    markSent: async (id, now, messageId) => {
      const found = findRow(id);
      if (found) found.rows.splice(found.index, 1);
      marking.add(id);
      const written = writeBatch
        .add({ type: 'sent', id, now, messageId })
        .then(
          () => undefined,
          () => {
            if (found) pendingOutbox.delete(found.key);
          },
        )
        .finally(() => {
          marking.delete(id);
          markWrites.delete(id);
        });
      markWrites.set(id, written);
    },
    sentDurable: (id) => markWrites.get(id),
    markFailed: (id, now, reason) =>
      rowWrite(
        id,
        () =>
          pool.query(
            `UPDATE outbox SET status = 'failed', sent_at = $1, error = $2, attempts = attempts + 1 WHERE id = $3`,
            [now, reason, id],
          ),
        (_, rows, index) => void rows.splice(index, 1),
      ),
    reschedule: (id, dueAt, reason) =>
      rowWrite(
        id,
        () =>
          pool.query(
            `UPDATE outbox SET due_at = $1, error = $2, attempts = attempts + 1 WHERE id = $3`,
            [dueAt, reason, id],
          ),
        (row) => {
          row.dueAt = dueAt;
          row.attempts++;
        },
      ),
    cancelOutbox: async (lane, now, reason) => {
      pendingOutbox.delete(laneKey(lane));
      return (
        (
          await pool.query(
            `UPDATE outbox SET status = 'failed', sent_at = $1, error = $2
             WHERE page_id = $3 AND psid = $4 AND status = 'pending' AND NOT id = ANY($5::bigint[])`,
            [now, reason, lane.pageId, lane.psid, [...marking]],
          )
        ).rowCount ?? 0
      );
    },
    delayNextOutbox: async (lane, dueAt) => {
      const rows = pendingOutbox.get(laneKey(lane));
      pendingOutbox.delete(laneKey(lane));
      await pool.query(
        `UPDATE outbox SET due_at = GREATEST(due_at, $1) WHERE id = (
           SELECT id FROM outbox WHERE page_id = $2 AND psid = $3 AND status = 'pending'
             AND NOT id = ANY($4::bigint[])
           ORDER BY id LIMIT 1)`,
        [dueAt, lane.pageId, lane.psid, [...marking]],
      );
      if (rows?.[0]) rows[0].dueAt = Math.max(rows[0].dueAt, dueAt);
      if (rows) pendingOutbox.set(laneKey(lane), rows);
    },
    fireDueDelays: async (now, limit) =>
      (
        await run(
          'fire-due-delays',
          `WITH due AS (
             SELECT page_id, psid, wake_at FROM sessions
             WHERE wake_at IS NOT NULL AND wake_at <= $1
             LIMIT $2 FOR UPDATE SKIP LOCKED),
           fired AS (
             INSERT INTO inbox (page_id, psid, dedupe_key, ts, channel, event, from_user, status, received_at)
             SELECT page_id, psid, 'timer:' || page_id || ':' || psid || ':' || wake_at, wake_at,
               'timer', json_build_object('timer', json_build_object('dueAt', wake_at))::text, 0,
               'pending', $1
             FROM due ON CONFLICT (dedupe_key) DO NOTHING),
           cleared AS (
             UPDATE sessions s SET wake_at = NULL FROM due
             WHERE s.page_id = due.page_id AND s.psid = due.psid AND s.wake_at = due.wake_at)
           SELECT 1 FROM due`,
          [now, limit],
        )
      ).rowCount ?? 0,
    publish: (flow: CompiledFlow, now, moves: Moves = {}) =>
      tx(async (c) => {
        await c.query(
          `INSERT INTO revisions (flow_id, revision, name, body, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (flow_id, revision) DO NOTHING`,
          [flow.flowId, flow.revision, flow.name, JSON.stringify(flow), now],
        );
        await activate(c, flow.flowId, flow.revision, now);
        await setActiveFlow(c, flow.flowId);
        const revisions = await revisionSet(c, flow.flowId);
        const moved: SessionMove[] = [];
        for (const row of await waitingRows(c, true)) {
          const next = relocate(row, flow, revisions, moves, now);
          if (!next) continue;
          await c.query(
            `UPDATE sessions SET state = $1, wake_at = $2, updated_at = $3
             WHERE page_id = $4 AND psid = $5`,
            [stateText(next.state), next.wakeAt, now, row.pageId, row.psid],
          );
          moved.push(next.move);
        }
        await announce(c, flow.flowId);
        return { ...(await activeMeta(c, flow.flowId))!, moved };
      }),
    waiting: async (flowId) => {
      const revision = (await one(`SELECT active_revision FROM flows WHERE flow_id = $1`, [flowId]))
        ?.active_revision;
      if (revision === undefined) return undefined;
      const nodes = countWaiting(await waitingRows(pool, false), await revisionSet(pool, flowId));
      return { revision: String(revision), nodes };
    },
    activeFlow: async (): Promise<ActiveFlow | undefined> => {
      const r = await one(
        `SELECT r.flow_id, r.revision, r.body FROM settings s
         JOIN flows f ON f.flow_id = s.value
         JOIN revisions r ON r.flow_id = f.flow_id AND r.revision = f.active_revision
         WHERE s.key = 'active_flow'`,
      );
      if (!r) return undefined;
      return {
        flowId: String(r.flow_id),
        revision: String(r.revision),
        flow: parseFlowBody(String(r.body)),
      };
    },
    activeRevision: async () => {
      const r = await one(
        `SELECT f.flow_id, f.active_revision FROM settings s
         JOIN flows f ON f.flow_id = s.value WHERE s.key = 'active_flow'`,
      );
      return r ? { flowId: String(r.flow_id), revision: String(r.active_revision) } : undefined;
    },
    flowActive: (flowId) => activeMeta(pool, flowId),
    revisions: async (flowId) => {
      const active = (await one(`SELECT active_revision FROM flows WHERE flow_id = $1`, [flowId]))
        ?.active_revision;
      return (
        await all(`SELECT * FROM revisions WHERE flow_id = $1 ORDER BY seq DESC`, [flowId])
      ).map((r) => toRevisionMeta(r, active));
    },
    revision: async (flowId, revision) => {
      const row = await one(
        `SELECT r.*, f.active_revision FROM revisions r
         LEFT JOIN flows f ON f.flow_id = r.flow_id
         WHERE r.flow_id = $1 AND r.revision = $2`,
        [flowId, revision],
      );
      if (!row) return undefined;
      return { ...toRevisionMeta(row, row.active_revision), flow: parseFlowBody(String(row.body)) };
    },
    rollback: (flowId, revision, now) =>
      tx(async (c) => {
        const current = (
          await c.query(`SELECT active_revision FROM flows WHERE flow_id = $1 FOR UPDATE`, [flowId])
        ).rows[0]?.active_revision as string | undefined;
        const list = (
          await c.query(`SELECT * FROM revisions WHERE flow_id = $1 ORDER BY seq DESC`, [flowId])
        ).rows as Row[];
        let target: Row | undefined;
        if (revision) target = list.find((r) => r.revision === revision);
        else {
          const index = list.findIndex((r) => r.revision === current);
          target = index >= 0 ? list[index + 1] : undefined;
        }
        if (!target) return undefined;
        await activate(c, flowId, String(target.revision), now);
        await setActiveFlow(c, flowId);
        await announce(c, flowId);
        return activeMeta(c, flowId);
      }),
    stats: async (flowId, query = {}): Promise<StatRow[]> =>
      (
        await all(
          `SELECT node_id, key, sum(count) AS count FROM node_stats_daily
           WHERE flow_id = $1 AND day >= $2 AND day <= $3 AND ($4::text IS NULL OR revision = $4)
           GROUP BY node_id, key ORDER BY node_id, key`,
          [
            flowId,
            query.fromDay ?? -2_147_483_648,
            query.toDay ?? 2_147_483_647,
            query.revision ?? null,
          ],
        )
      ).map((r) => ({ nodeId: String(r.node_id), key: String(r.key), count: Number(r.count) })),
    userProfile: async (lane) => {
      const r = await one(`SELECT * FROM user_profiles WHERE page_id = $1 AND psid = $2`, [
        lane.pageId,
        lane.psid,
      ]);
      return r ? toUserProfile(r) : undefined;
    },
    saveUserProfile: async (lane, profile) =>
      void (await pool.query(
        `INSERT INTO user_profiles (page_id, psid, first_name, last_name, locale, error, fetched_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (page_id, psid) DO UPDATE SET first_name = excluded.first_name,
           last_name = excluded.last_name, locale = excluded.locale, error = excluded.error,
           fetched_at = excluded.fetched_at`,
        [lane.pageId, lane.psid, ...userProfileParams(profile)],
      )),
    watchFlows: (onChange) => presence.watch(onChange),
    takeSendTokens: async ({ pageId, bucket, want, ratePerSecond, burst }) => {
      // The database's clock, so instances whose clocks differ still share one bucket. A bucket
      // starts empty; the granted column only carries this call's answer out of the UPDATE.
      const r = (
        await run(
          'take-send-tokens',
          `WITH clock AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now)
           INSERT INTO send_buckets AS b (page_id, bucket, tokens, granted, at)
           SELECT $1, $2, 0, 0, now FROM clock
           ON CONFLICT (page_id, bucket) DO UPDATE SET
             granted = LEAST($3::float8, floor(LEAST($5::float8,
               b.tokens + GREATEST(0, excluded.at - b.at) * $4::float8 / 1000))),
             tokens = LEAST($5::float8, b.tokens + GREATEST(0, excluded.at - b.at) * $4::float8 / 1000)
               - LEAST($3::float8, floor(LEAST($5::float8,
                 b.tokens + GREATEST(0, excluded.at - b.at) * $4::float8 / 1000))),
             at = GREATEST(b.at, excluded.at)
           RETURNING granted, tokens`,
          [pageId, bucket, want, ratePerSecond, burst],
        )
      ).rows[0] as Row;
      const granted = Number(r.granted);
      const tokens = Number(r.tokens);
      return {
        granted,
        waitMs: granted >= 1 ? 0 : Math.ceil(((1 - tokens) / ratePerSecond) * 1000),
      };
    },
    getSetting: async (key) => {
      const r = await one(`SELECT value FROM settings WHERE key = $1`, [key]);
      return r ? String(r.value) : undefined;
    },
    setSetting: async (key, value) =>
      void (await pool.query(
        `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [key, value],
      )),
    counts: async () => {
      await writeBatch.drain(); // sent marks still queued count as sent
      const r = (await one(
        `SELECT
           (SELECT COUNT(*) FROM inbox WHERE status = 'pending') AS inbox_pending,
           (SELECT COUNT(*) FROM outbox WHERE status = 'pending') AS outbox_pending,
           (SELECT COUNT(*) FROM outbox WHERE status = 'sent') AS outbox_sent,
           (SELECT COUNT(*) FROM outbox WHERE status = 'failed') AS outbox_failed,
           (SELECT COUNT(*) FROM sessions) AS sessions`,
      ))!;
      return {
        inboxPending: Number(r.inbox_pending),
        outboxPending: Number(r.outbox_pending),
        outboxSent: Number(r.outbox_sent),
        outboxFailed: Number(r.outbox_failed),
        sessions: Number(r.sessions),
      };
    },
    prune: (options) => prunePostgres(pool, options),
  };
  return store;
}

const laneRow = (lane: Lane) => ({ page_id: lane.pageId, psid: lane.psid });
const laneKey = (lane: Lane) => `${lane.pageId}\u0000${lane.psid}`;
/** How many pending outbox rows of a lane are kept in memory at most. */
const KEEP_ROWS = 50;
