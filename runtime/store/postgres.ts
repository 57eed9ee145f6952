// The PostgreSQL store, for several runtime instances on one database. Lanes are claimed with
// FOR UPDATE SKIP LOCKED so two instances never lease the same user, every commit is fenced by
// the lease, and an event is marked done in the same transaction that writes its replies, so each
// message id is processed exactly once.
import pg from 'pg';
import type { CompiledFlow } from '../../flows/schema';
import { POSTGRES_MIGRATIONS } from './migrations';
import { prunePostgres } from './retention';
import {
  parseFlowBody,
  parseState,
  stateText,
  toEvent,
  toOutbox,
  toRevisionMeta,
  type Row,
} from './rows';
import type { ActiveFlow, EventCommit, StatRow, Store } from './types';

// BIGINT columns hold millisecond times and counts, well inside Number's exact range.
pg.types.setTypeParser(20, (v) => Number(v));

export interface PostgresOptions {
  /** A schema to create and use (tests use a unique one a run). */
  schema?: string;
  max?: number;
}

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
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 8,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => undefined); // an idle client's error surfaces on the next query instead
  return build(pool);
}

async function build(pool: pg.Pool): Promise<Store> {
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

  const store: Store = {
    kind: 'postgres',
    migrate,
    close: () => pool.end(),
    ping: async () => (await one('SELECT 1 AS ok'))?.ok === 1,
    insertEvents: (items, now) =>
      tx(async (c) => {
        let inserted = 0;
        for (const it of items) {
          const r = await c.query(
            `INSERT INTO inbox (page_id, psid, dedupe_key, ts, channel, event, from_user, status, received_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (dedupe_key) DO NOTHING`,
            [
              it.pageId,
              it.psid,
              it.dedupeKey,
              it.timestamp,
              it.channel,
              JSON.stringify(it.event),
              it.fromUser ? 1 : 0,
              it.channel === 'standby' ? 'standby' : 'pending',
              now,
            ],
          );
          if (r.rowCount === 1) {
            inserted++;
            await c.query(
              `INSERT INTO sessions (page_id, psid, updated_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
              [it.pageId, it.psid, now],
            );
            // Standby events are never processed, so their window-opening time is recorded here.
            if (it.channel === 'standby' && it.fromUser)
              await c.query(
                `UPDATE sessions SET last_user_at = GREATEST(COALESCE(last_user_at, 0), $1)
                 WHERE page_id = $2 AND psid = $3`,
                [it.timestamp, it.pageId, it.psid],
              );
          }
        }
        return inserted;
      }),
    claimLanes: async (owner, now, leaseMs, limit) =>
      (
        await all(
          `UPDATE sessions s SET lease_owner = $1, lease_until = $2
           FROM (
             SELECT page_id, psid FROM sessions
             WHERE (lease_until IS NULL OR lease_until < $3)
               AND (page_id, psid) IN (
                 SELECT page_id, psid FROM inbox WHERE status = 'pending'
                 UNION SELECT page_id, psid FROM outbox WHERE status = 'pending' AND due_at <= $3)
             LIMIT $4 FOR UPDATE SKIP LOCKED) c
           WHERE s.page_id = c.page_id AND s.psid = c.psid
           RETURNING s.page_id, s.psid`,
          [owner, now + leaseMs, now, limit],
        )
      ).map((r) => ({ pageId: String(r.page_id), psid: String(r.psid) })),
    renewLane: async (lane, owner, until) =>
      (
        await pool.query(
          `UPDATE sessions SET lease_until = $1 WHERE page_id = $2 AND psid = $3 AND lease_owner = $4`,
          [until, lane.pageId, lane.psid, owner],
        )
      ).rowCount === 1,
    releaseLane: async (lane, owner) =>
      void (await pool.query(
        `UPDATE sessions SET lease_owner = NULL, lease_until = NULL
         WHERE page_id = $1 AND psid = $2 AND lease_owner = $3`,
        [lane.pageId, lane.psid, owner],
      )),
    releaseAllLeases: async () =>
      void (await pool.query(`UPDATE sessions SET lease_owner = NULL, lease_until = NULL`)),
    nextEvent: async (lane) => {
      const r = await one(
        `SELECT * FROM inbox WHERE page_id = $1 AND psid = $2 AND status = 'pending'
         ORDER BY ts, id LIMIT 1`,
        [lane.pageId, lane.psid],
      );
      return r ? toEvent(r) : undefined;
    },
    loadSession: async (lane) => {
      const r = await one(`SELECT * FROM sessions WHERE page_id = $1 AND psid = $2`, [
        lane.pageId,
        lane.psid,
      ]);
      return {
        ...lane,
        state: r?.state ? parseState(String(r.state)) : null,
        lastUserAt: r?.last_user_at == null ? null : Number(r.last_user_at),
        wakeAt: r?.wake_at == null ? null : Number(r.wake_at),
      };
    },
    commitEvent: (c: EventCommit) =>
      tx(async (client): Promise<boolean> => {
        const { lane } = c;
        const s = await client.query(
          `UPDATE sessions SET state = $1, wake_at = $2, last_user_at = COALESCE($3, last_user_at),
             updated_at = $4
           WHERE page_id = $5 AND psid = $6 AND lease_owner = $7 AND lease_until >= $4`,
          [stateText(c.state), c.wakeAt, c.lastUserAt, c.now, lane.pageId, lane.psid, c.owner],
        );
        if (s.rowCount !== 1) throw new Fenced();
        const e = await client.query(
          `UPDATE inbox SET status = $1 WHERE id = $2 AND status = 'pending'`,
          [c.status, c.eventId],
        );
        if (e.rowCount !== 1) throw new Fenced();
        for (const o of c.outbox) {
          await client.query(
            `INSERT INTO outbox (page_id, psid, kind, body, media, delay_ms, status, attempts, due_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, $8)`,
            [
              lane.pageId,
              lane.psid,
              o.kind,
              JSON.stringify(o.body),
              o.media ? 1 : 0,
              o.delayMs,
              c.now + o.delayMs,
              c.now,
            ],
          );
        }
        for (const st of c.stats) {
          await client.query(
            `INSERT INTO node_stats (flow_id, node_id, key, count) VALUES ($1, $2, $3, $4)
             ON CONFLICT (flow_id, node_id, key) DO UPDATE SET count = node_stats.count + excluded.count`,
            [st.flowId, st.nodeId, st.key, st.count],
          );
        }
        return true;
      }).catch((error: unknown) => {
        if (error instanceof Fenced) return false;
        throw error;
      }),
    nextOutbox: async (lane, now) => {
      const r = await one(
        `SELECT * FROM outbox WHERE page_id = $1 AND psid = $2 AND status = 'pending'
         ORDER BY id LIMIT 1`,
        [lane.pageId, lane.psid],
      );
      return r && Number(r.due_at) <= now ? toOutbox(r) : undefined;
    },
    markSent: async (id, now, messageId) =>
      void (await pool.query(
        `UPDATE outbox SET status = 'sent', sent_at = $1, message_id = $2, attempts = attempts + 1 WHERE id = $3`,
        [now, messageId, id],
      )),
    markFailed: async (id, now, reason) =>
      void (await pool.query(
        `UPDATE outbox SET status = 'failed', sent_at = $1, error = $2, attempts = attempts + 1 WHERE id = $3`,
        [now, reason, id],
      )),
    reschedule: async (id, dueAt, reason) =>
      void (await pool.query(
        `UPDATE outbox SET due_at = $1, error = $2, attempts = attempts + 1 WHERE id = $3`,
        [dueAt, reason, id],
      )),
    cancelOutbox: async (lane, now, reason) =>
      (
        await pool.query(
          `UPDATE outbox SET status = 'failed', sent_at = $1, error = $2
           WHERE page_id = $3 AND psid = $4 AND status = 'pending'`,
          [now, reason, lane.pageId, lane.psid],
        )
      ).rowCount ?? 0,
    delayNextOutbox: async (lane, dueAt) =>
      void (await pool.query(
        `UPDATE outbox SET due_at = GREATEST(due_at, $1) WHERE id = (
           SELECT id FROM outbox WHERE page_id = $2 AND psid = $3 AND status = 'pending'
           ORDER BY id LIMIT 1)`,
        [dueAt, lane.pageId, lane.psid],
      )),
    fireDueDelays: (now, limit) =>
      tx(async (c) => {
        const due = await c.query(
          `SELECT page_id, psid, wake_at FROM sessions WHERE wake_at IS NOT NULL AND wake_at <= $1
           LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [now, limit],
        );
        for (const r of due.rows as Row[]) {
          const wakeAt = Number(r.wake_at);
          await c.query(
            `INSERT INTO inbox (page_id, psid, dedupe_key, ts, channel, event, from_user, status, received_at)
             VALUES ($1, $2, $3, $4, 'timer', $5, 0, 'pending', $6) ON CONFLICT (dedupe_key) DO NOTHING`,
            [
              r.page_id,
              r.psid,
              `timer:${String(r.page_id)}:${String(r.psid)}:${wakeAt}`,
              wakeAt,
              JSON.stringify({ timer: { dueAt: wakeAt } }),
              now,
            ],
          );
          await c.query(
            `UPDATE sessions SET wake_at = NULL WHERE page_id = $1 AND psid = $2 AND wake_at = $3`,
            [r.page_id, r.psid, wakeAt],
          );
        }
        return due.rowCount ?? 0;
      }),
    publish: (flow: CompiledFlow, now) =>
      tx(async (c) => {
        await c.query(
          `INSERT INTO revisions (flow_id, revision, name, body, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (flow_id, revision) DO NOTHING`,
          [flow.flowId, flow.revision, flow.name, JSON.stringify(flow), now],
        );
        await activate(c, flow.flowId, flow.revision, now);
        await setActiveFlow(c, flow.flowId);
        return (await activeMeta(c, flow.flowId))!;
      }),
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
    flowActive: (flowId) => activeMeta(pool, flowId),
    revisions: async (flowId) => {
      const active = (await one(`SELECT active_revision FROM flows WHERE flow_id = $1`, [flowId]))
        ?.active_revision;
      return (
        await all(`SELECT * FROM revisions WHERE flow_id = $1 ORDER BY seq DESC`, [flowId])
      ).map((r) => toRevisionMeta(r, active));
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
        return activeMeta(c, flowId);
      }),
    stats: async (flowId): Promise<StatRow[]> =>
      (
        await all(
          `SELECT node_id, key, count FROM node_stats WHERE flow_id = $1 ORDER BY node_id, key`,
          [flowId],
        )
      ).map((r) => ({ nodeId: String(r.node_id), key: String(r.key), count: Number(r.count) })),
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

/** Thrown inside a transaction to roll it back when the lease or the event moved on. */
class Fenced extends Error {}
