// The audience part of the store, the same SQL for SQLite and PostgreSQL (sql.ts): subscribers
// (sessions joined with where they came from and their profile), a subscriber's conversation,
// deleting a person, broadcasts with their recipients, and data deletion requests. None of this
// is on the path of a message, so it favours plain statements over the stores' batching.
import type { Lane } from './types';
import type { Row } from './rows';
import type { SqlRunner } from './sql';

export type SourceKind = 'ref' | 'ad' | 'comment';

export interface SubscriberSource {
  kind: SourceKind;
  ref?: string;
  adId?: string;
  commentId?: string;
  at: number;
}

/** A subscriber as stored; the caller reads `state` (the session) for tags and variables. */
export interface SubscriberRow {
  psid: string;
  state: string | null;
  lastUserAt: number | null;
  firstSeen: number;
  source: SubscriberSource | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
}

export interface ConversationEntry {
  at: number;
  from: 'user' | 'page';
  /** User: the raw webhook event. Page: the Send API body. */
  body: unknown;
  /** Page: pending, sent or failed (with `error`). User: the event's status. */
  status: string;
  error?: string;
}

export interface DeletedCounts {
  sessions: number;
  events: number;
  messages: number;
  profiles: number;
}

export type BroadcastStatus = 'scheduled' | 'running' | 'done' | 'cancelled';
export type RecipientStatus = 'pending' | 'queued' | 'sending' | 'sent' | 'skipped' | 'failed';

export interface BroadcastRow {
  id: string;
  pageId: string;
  flowId: string;
  node: string;
  segment: unknown;
  variables: Record<string, unknown>;
  rate: number;
  status: BroadcastStatus;
  sendAt: number;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  total: number | null;
}

/** A recipient being sent to, with what its outbox rows say so far. */
export interface OpenRecipient {
  psid: string;
  status: RecipientStatus;
  eventStatus: string | null;
  rows: number;
  sent: number;
  failed: number;
  error: string | null;
}

export interface RecipientCount {
  status: RecipientStatus;
  reason: string | null;
  count: number;
}

export interface DeletionRequest {
  code: string;
  userId: string;
  status: 'done';
  deleted: DeletedCounts;
  requestedAt: number;
  finishedAt: number | null;
}

export interface AudienceStore {
  /** Records a subscriber (first seen `at`) and, if none is known yet, where they came from. */
  noteSubscriber(lane: Lane, at: number, source?: SubscriberSource): Promise<void>;
  /** Subscribers in PSID order after `after`; `activeSince` keeps those who wrote since then. */
  scanSubscribers(
    pageId: string,
    options: { after?: string; activeSince?: number; limit: number },
  ): Promise<SubscriberRow[]>;
  subscriber(lane: Lane): Promise<SubscriberRow | undefined>;
  subscribersByPsid(pageId: string, psids: string[]): Promise<SubscriberRow[]>;
  /** The newest `limit` events and replies, oldest first. */
  conversation(lane: Lane, limit: number): Promise<ConversationEntry[]>;
  /** Deletes the person's session, events, replies, profile and broadcast entries. */
  deleteSubscriber(lane: Lane): Promise<DeletedCounts>;
  /** Deletes `subscribers` rows whose session retention removed. */
  pruneOrphans(): Promise<number>;

  createBroadcast(row: BroadcastRow): Promise<void>;
  broadcast(id: string): Promise<BroadcastRow | undefined>;
  /** Broadcasts due at `now`, not running elsewhere; takes a lease on one and returns it. */
  claimBroadcast(owner: string, now: number, leaseMs: number): Promise<BroadcastRow | undefined>;
  renewBroadcast(id: string, owner: string, until: number): Promise<boolean>;
  releaseBroadcast(id: string, owner: string): Promise<void>;
  /** Stores the recipients and marks the broadcast running; false when it is no longer held. */
  startBroadcast(id: string, owner: string, psids: string[], now: number): Promise<boolean>;
  pendingRecipients(id: string, limit: number): Promise<string[]>;
  /** Sets recipients' status; with `onlyFrom`, only those whose status is one of these. */
  setRecipients(
    id: string,
    updates: { psid: string; status: RecipientStatus; reason?: string | null }[],
    now: number,
    onlyFrom?: RecipientStatus[],
  ): Promise<number[]>;
  openRecipients(broadcast: BroadcastRow, limit: number): Promise<OpenRecipient[]>;
  recipientCounts(id: string): Promise<RecipientCount[]>;
  /** Ends a running broadcast (`done`) or a scheduled or running one (`cancelled`). */
  finishBroadcast(id: string, status: 'done' | 'cancelled', now: number): Promise<boolean>;
  /** On cancel: recipients not yet handed to their lane, and their start events, are skipped. */
  cancelRecipients(broadcast: BroadcastRow, now: number): Promise<number>;

  saveDeletion(request: DeletionRequest): Promise<void>;
  deletion(code: string): Promise<DeletionRequest | undefined>;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toSubscriber(r: Row): SubscriberRow {
  const kind = str(r.source_kind) as SourceKind | null;
  return {
    psid: String(r.psid),
    state: str(r.state),
    lastUserAt: num(r.last_user_at),
    firstSeen: num(r.first_seen) ?? num(r.updated_at) ?? 0,
    source: kind
      ? {
          kind,
          ...(r.source_ref != null ? { ref: String(r.source_ref) } : {}),
          ...(r.source_ad != null ? { adId: String(r.source_ad) } : {}),
          ...(r.source_comment != null ? { commentId: String(r.source_comment) } : {}),
          at: Number(r.source_at),
        }
      : null,
    firstName: str(r.first_name),
    lastName: str(r.last_name),
    locale: str(r.locale),
  };
}

function toBroadcast(r: Row): BroadcastRow {
  return {
    id: String(r.id),
    pageId: String(r.page_id),
    flowId: String(r.flow_id),
    node: String(r.node),
    segment: JSON.parse(String(r.segment)) as unknown,
    variables: JSON.parse(String(r.variables)) as Record<string, unknown>,
    rate: Number(r.rate),
    status: r.status as BroadcastStatus,
    sendAt: Number(r.send_at),
    createdAt: Number(r.created_at),
    startedAt: num(r.started_at),
    finishedAt: num(r.finished_at),
    total: num(r.total),
  };
}

const SUBSCRIBER_COLUMNS = `s.psid, s.state, s.last_user_at, s.updated_at, b.first_seen,
  b.source_kind, b.source_ref, b.source_ad, b.source_comment, b.source_at,
  p.first_name, p.last_name, p.locale
  FROM sessions s
  LEFT JOIN subscribers b ON b.page_id = s.page_id AND b.psid = s.psid
  LEFT JOIN user_profiles p ON p.page_id = s.page_id AND p.psid = s.psid`;

/** Start events of a broadcast carry this dedupe key, so a recipient is started once. */
export const broadcastEventKey = (id: string, psid: string) => `broadcast:${id}:${psid}`;
export const broadcastOrigin = (id: string) => `broadcast:${id}`;

export function createAudienceStore(sql: SqlRunner): AudienceStore {
  const chunks = <T>(list: T[], size: number) => {
    const out: T[][] = [];
    for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
    return out;
  };
  return {
    noteSubscriber: async (lane, at, source) => {
      await sql.batch([
        [
          `INSERT INTO subscribers (page_id, psid, first_seen) VALUES (?, ?, ?)
           ON CONFLICT (page_id, psid) DO NOTHING`,
          [lane.pageId, lane.psid, at],
        ],
        ...(source
          ? ([
              [
                `UPDATE subscribers SET source_kind = ?, source_ref = ?, source_ad = ?,
                   source_comment = ?, source_at = ?
                 WHERE page_id = ? AND psid = ? AND source_kind IS NULL`,
                [
                  source.kind,
                  source.ref ?? null,
                  source.adId ?? null,
                  source.commentId ?? null,
                  source.at,
                  lane.pageId,
                  lane.psid,
                ],
              ],
            ] as [string, unknown[]][])
          : []),
      ]);
    },

    scanSubscribers: async (pageId, { after, activeSince, limit }) => {
      const where = ['s.page_id = ?'];
      const params: unknown[] = [pageId];
      if (after !== undefined) {
        where.push('s.psid > ?');
        params.push(after);
      }
      if (activeSince !== undefined) {
        where.push('s.last_user_at >= ?');
        params.push(activeSince);
      }
      const rows = await sql.all(
        `SELECT ${SUBSCRIBER_COLUMNS} WHERE ${where.join(' AND ')} ORDER BY s.psid LIMIT ?`,
        [...params, limit],
      );
      return rows.map(toSubscriber);
    },

    subscriber: async (lane) => {
      const [row] = await sql.all(
        `SELECT ${SUBSCRIBER_COLUMNS} WHERE s.page_id = ? AND s.psid = ?`,
        [lane.pageId, lane.psid],
      );
      return row ? toSubscriber(row) : undefined;
    },

    subscribersByPsid: async (pageId, psids) => {
      if (psids.length === 0) return [];
      const rows = await sql.all(
        `SELECT ${SUBSCRIBER_COLUMNS} WHERE s.page_id = ? AND s.psid IN (${psids.map(() => '?').join(', ')})`,
        [pageId, ...psids],
      );
      return rows.map(toSubscriber);
    },

    conversation: async (lane, limit) => {
      const [events, replies] = await Promise.all([
        sql.all(
          `SELECT ts, event, status, channel FROM inbox
           WHERE page_id = ? AND psid = ? AND from_user = 1 ORDER BY ts DESC, id DESC LIMIT ?`,
          [lane.pageId, lane.psid, limit],
        ),
        sql.all(
          `SELECT COALESCE(sent_at, created_at) AS at, body, status, error FROM outbox
           WHERE page_id = ? AND psid = ? AND kind = 'message' ORDER BY id DESC LIMIT ?`,
          [lane.pageId, lane.psid, limit],
        ),
      ]);
      const entries: ConversationEntry[] = [
        ...events.map((r): ConversationEntry => ({
          at: Number(r.ts),
          from: 'user',
          body: JSON.parse(String(r.event)) as unknown,
          status: String(r.status),
        })),
        ...replies.map((r): ConversationEntry => ({
          at: Number(r.at),
          from: 'page',
          body: JSON.parse(String(r.body)) as unknown,
          status: String(r.status),
          ...(r.error != null ? { error: String(r.error) } : {}),
        })),
      ];
      entries.sort((a, b) => a.at - b.at);
      return entries.slice(-limit);
    },

    deleteSubscriber: async (lane) => {
      const key = [lane.pageId, lane.psid];
      const [sessions, events, messages, profiles] = await sql.batch([
        ['DELETE FROM sessions WHERE page_id = ? AND psid = ?', key],
        ['DELETE FROM inbox WHERE page_id = ? AND psid = ?', key],
        ['DELETE FROM outbox WHERE page_id = ? AND psid = ?', key],
        ['DELETE FROM user_profiles WHERE page_id = ? AND psid = ?', key],
        ['DELETE FROM subscribers WHERE page_id = ? AND psid = ?', key],
        [
          `DELETE FROM broadcast_recipients WHERE psid = ?
             AND broadcast_id IN (SELECT id FROM broadcasts WHERE page_id = ?)`,
          [lane.psid, lane.pageId],
        ],
      ]);
      return {
        sessions: sessions ?? 0,
        events: events ?? 0,
        messages: messages ?? 0,
        profiles: profiles ?? 0,
      };
    },

    pruneOrphans: async () => {
      const [n] = await sql.batch([
        [
          `DELETE FROM subscribers WHERE NOT EXISTS (SELECT 1 FROM sessions s
             WHERE s.page_id = subscribers.page_id AND s.psid = subscribers.psid)`,
          [],
        ],
      ]);
      return n ?? 0;
    },

    createBroadcast: async (b) => {
      await sql.batch([
        [
          `INSERT INTO broadcasts (id, page_id, flow_id, node, segment, variables, rate, status,
             send_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            b.id,
            b.pageId,
            b.flowId,
            b.node,
            JSON.stringify(b.segment),
            JSON.stringify(b.variables),
            b.rate,
            b.status,
            b.sendAt,
            b.createdAt,
          ],
        ],
      ]);
    },

    broadcast: async (id) => {
      const [row] = await sql.all('SELECT * FROM broadcasts WHERE id = ?', [id]);
      return row ? toBroadcast(row) : undefined;
    },

    claimBroadcast: async (owner, now, leaseMs) => {
      const due = await sql.all(
        `SELECT id FROM broadcasts WHERE status IN ('scheduled', 'running') AND send_at <= ?
           AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)
         ORDER BY send_at, id LIMIT 5`,
        [now, owner, now],
      );
      for (const r of due) {
        // A conditional update: of several instances, exactly one takes it.
        const [took] = await sql.batch([
          [
            `UPDATE broadcasts SET lease_owner = ?, lease_until = ?
             WHERE id = ? AND status IN ('scheduled', 'running')
               AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)`,
            [owner, now + leaseMs, r.id, owner, now],
          ],
        ]);
        if (took === 1) {
          const [row] = await sql.all('SELECT * FROM broadcasts WHERE id = ?', [r.id]);
          if (row) return toBroadcast(row);
        }
      }
      return undefined;
    },

    renewBroadcast: async (id, owner, until) => {
      const [n] = await sql.batch([
        [
          `UPDATE broadcasts SET lease_until = ? WHERE id = ? AND lease_owner = ?
             AND status IN ('scheduled', 'running')`,
          [until, id, owner],
        ],
      ]);
      return n === 1;
    },

    releaseBroadcast: async (id, owner) => {
      await sql.batch([
        [
          'UPDATE broadcasts SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?',
          [id, owner],
        ],
      ]);
    },

    startBroadcast: async (id, owner, psids, now) => {
      const inserts = chunks(psids, 200).map((part): [string, unknown[]] => [
        `INSERT INTO broadcast_recipients (broadcast_id, psid, status, at) VALUES
             ${part.map(() => `(?, ?, 'pending', ?)`).join(', ')}
           ON CONFLICT (broadcast_id, psid) DO NOTHING`,
        part.flatMap((psid) => [id, psid, now]),
      ]);
      const [held] = await sql.batch([
        [
          `UPDATE broadcasts SET status = 'running', started_at = ?, total = ?
           WHERE id = ? AND lease_owner = ? AND status = 'scheduled'`,
          [now, psids.length, id, owner],
        ],
        ...inserts,
      ]);
      return held === 1;
    },

    pendingRecipients: async (id, limit) =>
      (
        await sql.all(
          `SELECT psid FROM broadcast_recipients WHERE broadcast_id = ? AND status = 'pending'
           ORDER BY psid LIMIT ?`,
          [id, limit],
        )
      ).map((r) => String(r.psid)),

    setRecipients: async (id, updates, now, onlyFrom) => {
      if (updates.length === 0) return [];
      const from = onlyFrom?.length ? ` AND status IN (${onlyFrom.map(() => '?').join(', ')})` : '';
      return sql.batch(
        updates.map((u): [string, unknown[]] => [
          `UPDATE broadcast_recipients SET status = ?, reason = ?, at = ?
           WHERE broadcast_id = ? AND psid = ?${from}`,
          [u.status, u.reason ?? null, now, id, u.psid, ...(onlyFrom ?? [])],
        ]),
      );
    },

    openRecipients: async (b, limit) => {
      const origin = broadcastOrigin(b.id);
      const rows = await sql.all(
        `SELECT r.psid, r.status,
           (SELECT i.status FROM inbox i WHERE i.dedupe_key = CAST(? AS TEXT) || r.psid) AS event_status,
           (SELECT COUNT(*) FROM outbox o WHERE o.origin = ? AND o.psid = r.psid
              AND o.page_id = ? AND o.kind = 'message') AS n_rows,
           (SELECT COUNT(*) FROM outbox o WHERE o.origin = ? AND o.psid = r.psid
              AND o.page_id = ? AND o.kind = 'message' AND o.status = 'sent') AS n_sent,
           (SELECT COUNT(*) FROM outbox o WHERE o.origin = ? AND o.psid = r.psid
              AND o.page_id = ? AND o.status = 'failed') AS n_failed,
           (SELECT MIN(o.error) FROM outbox o WHERE o.origin = ? AND o.psid = r.psid
              AND o.page_id = ? AND o.status = 'failed') AS error
         FROM broadcast_recipients r
         WHERE r.broadcast_id = ? AND r.status IN ('queued', 'sending')
         ORDER BY r.psid LIMIT ?`,
        [
          `broadcast:${b.id}:`,
          origin,
          b.pageId,
          origin,
          b.pageId,
          origin,
          b.pageId,
          origin,
          b.pageId,
          b.id,
          limit,
        ],
      );
      return rows.map((r) => ({
        psid: String(r.psid),
        status: r.status as RecipientStatus,
        eventStatus: str(r.event_status),
        rows: Number(r.n_rows),
        sent: Number(r.n_sent),
        failed: Number(r.n_failed),
        error: str(r.error),
      }));
    },

    recipientCounts: async (id) =>
      (
        await sql.all(
          `SELECT status, reason, COUNT(*) AS n FROM broadcast_recipients WHERE broadcast_id = ?
           GROUP BY status, reason`,
          [id],
        )
      ).map((r) => ({
        status: r.status as RecipientStatus,
        reason: str(r.reason),
        count: Number(r.n),
      })),

    finishBroadcast: async (id, status, now) => {
      const from = status === 'done' ? `('running')` : `('scheduled', 'running')`;
      const [n] = await sql.batch([
        [
          `UPDATE broadcasts SET status = ?, finished_at = ?, lease_owner = NULL, lease_until = NULL
           WHERE id = ? AND status IN ${from}`,
          [status, now, id],
        ],
      ]);
      return n === 1;
    },

    cancelRecipients: async (b, now) => {
      const [skipped] = await sql.batch([
        [
          `UPDATE broadcast_recipients SET status = 'skipped', reason = 'cancelled', at = ?
           WHERE broadcast_id = ? AND status IN ('pending', 'queued')
             AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.dedupe_key = CAST(? AS TEXT) || broadcast_recipients.psid
               AND i.status <> 'pending')`,
          [now, b.id, `broadcast:${b.id}:`],
        ],
        [
          `UPDATE inbox SET status = 'skipped' WHERE page_id = ? AND channel = 'start'
             AND status = 'pending' AND dedupe_key LIKE ?`,
          [b.pageId, `broadcast:${b.id}:%`],
        ],
        [
          `UPDATE outbox SET status = 'failed', error = 'cancelled'
           WHERE origin = ? AND status = 'pending'`,
          [broadcastOrigin(b.id)],
        ],
      ]);
      return skipped ?? 0;
    },

    saveDeletion: async (d) => {
      await sql.batch([
        [
          `INSERT INTO deletion_requests (code, user_id, status, deleted, requested_at, finished_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [d.code, d.userId, d.status, JSON.stringify(d.deleted), d.requestedAt, d.finishedAt],
        ],
      ]);
    },

    deletion: async (code) => {
      const [r] = await sql.all('SELECT * FROM deletion_requests WHERE code = ?', [code]);
      if (!r) return undefined;
      return {
        code: String(r.code),
        userId: String(r.user_id),
        status: 'done',
        deleted: JSON.parse(String(r.deleted)) as DeletedCounts,
        requestedAt: Number(r.requested_at),
        finishedAt: num(r.finished_at),
      };
    },
  };
}
