// Versioned schema migrations, one list a dialect. A migration is applied once, in order, inside
// a transaction, and recorded in schema_migrations; never edit one that shipped, add the next.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const tables = (t: { id: string; json: string; big: string }) => `
CREATE TABLE inbox (
  id ${t.id},
  page_id TEXT NOT NULL,
  psid TEXT NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE,
  ts ${t.big} NOT NULL,
  channel TEXT NOT NULL,
  event ${t.json} NOT NULL,
  from_user INTEGER NOT NULL,
  status TEXT NOT NULL,
  received_at ${t.big} NOT NULL
);
CREATE INDEX inbox_pending ON inbox (page_id, psid, ts, id) WHERE status = 'pending';
CREATE TABLE sessions (
  page_id TEXT NOT NULL,
  psid TEXT NOT NULL,
  state ${t.json},
  last_user_at ${t.big},
  wake_at ${t.big},
  lease_owner TEXT,
  lease_until ${t.big},
  updated_at ${t.big} NOT NULL,
  PRIMARY KEY (page_id, psid)
);
CREATE INDEX sessions_wake ON sessions (wake_at) WHERE wake_at IS NOT NULL;
CREATE TABLE outbox (
  id ${t.id},
  page_id TEXT NOT NULL,
  psid TEXT NOT NULL,
  kind TEXT NOT NULL,
  body ${t.json} NOT NULL,
  media INTEGER NOT NULL,
  delay_ms INTEGER NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  due_at ${t.big} NOT NULL,
  created_at ${t.big} NOT NULL,
  sent_at ${t.big},
  message_id TEXT,
  error TEXT
);
CREATE INDEX outbox_pending ON outbox (page_id, psid, id) WHERE status = 'pending';
CREATE TABLE revisions (
  seq ${t.id},
  flow_id TEXT NOT NULL,
  revision TEXT NOT NULL,
  name TEXT NOT NULL,
  body ${t.json} NOT NULL,
  created_at ${t.big} NOT NULL,
  UNIQUE (flow_id, revision)
);
CREATE TABLE flows (
  flow_id TEXT PRIMARY KEY,
  active_revision TEXT NOT NULL,
  activated_at ${t.big} NOT NULL
);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE node_stats (
  flow_id TEXT NOT NULL,
  node_id TEXT NOT NULL,
  key TEXT NOT NULL,
  count ${t.big} NOT NULL,
  PRIMARY KEY (flow_id, node_id, key)
);
`;

// The subscribers' User Profile API answers (the built-in user_* variables), or the reason there
// is none; fetched_at says when to ask again. No profile_pic: its URL expires (docs/messenger.md §7).
const userProfiles = (big: string) => `
CREATE TABLE user_profiles (
  page_id TEXT NOT NULL,
  psid TEXT NOT NULL,
  first_name TEXT,
  last_name TEXT,
  locale TEXT,
  error TEXT,
  fetched_at ${big} NOT NULL,
  PRIMARY KEY (page_id, psid)
);
`;

// Statistics as daily buckets (docs/format.md §6 stats): one row per flow, UTC day (days since
// 1970-01-01), revision, node and counter, so a date range or one revision can be asked for and
// old days pruned (retention.ts). The running totals kept before this migration move into one
// bucket: the day the migration runs, with the empty revision (which one counted them is
// unknown). They stay in "all time" totals and in any range that includes that day. node_stats
// itself stays, no longer read or written: an older runtime still running against the same
// database (a rolling upgrade of several instances, or a rollback) writes its stats there in the
// transaction of each turn, and would fail every turn if the table were gone. A later migration
// may drop it.
const dailyStats = (t: { big: string; today: string }) => `
CREATE TABLE node_stats_daily (
  flow_id TEXT NOT NULL,
  day INTEGER NOT NULL,
  revision TEXT NOT NULL,
  node_id TEXT NOT NULL,
  key TEXT NOT NULL,
  count ${t.big} NOT NULL,
  PRIMARY KEY (flow_id, day, revision, node_id, key)
);
INSERT INTO node_stats_daily (flow_id, day, revision, node_id, key, count)
  SELECT flow_id, ${t.today}, '', node_id, key, count FROM node_stats;
`;
export const DAILY_STATS_MIGRATION = 'daily node stats';

// The audience and broadcasts (docs/runtime.md "Audience and broadcasts"). A subscriber's
// conversation state stays in `sessions`; `subscribers` adds what a session does not hold: when
// the person was first seen and where they came from (an m.me ref, an ad, a comment). Existing
// sessions get a row, first seen when they last wrote (the best time known). Outbox rows carry
// their origin (`broadcast:<id>`, `start:<id>`) so a broadcast can tell each recipient's result.
// Broadcast recipients are snapshotted when the broadcast starts; the runner holds a broadcast
// with a lease (lease_owner, lease_until) so one instance sends it at a time.
const audience = (big: string) => `
CREATE TABLE subscribers (
  page_id TEXT NOT NULL,
  psid TEXT NOT NULL,
  first_seen ${big} NOT NULL,
  source_kind TEXT,
  source_ref TEXT,
  source_ad TEXT,
  source_comment TEXT,
  source_at ${big},
  PRIMARY KEY (page_id, psid)
);
INSERT INTO subscribers (page_id, psid, first_seen)
  SELECT page_id, psid, COALESCE(last_user_at, updated_at) FROM sessions;
ALTER TABLE outbox ADD COLUMN origin TEXT;
CREATE INDEX outbox_origin ON outbox (origin, psid) WHERE origin IS NOT NULL;
CREATE TABLE broadcasts (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL,
  flow_id TEXT NOT NULL,
  node TEXT NOT NULL,
  segment TEXT NOT NULL,
  variables TEXT NOT NULL,
  rate INTEGER NOT NULL,
  status TEXT NOT NULL,
  send_at ${big} NOT NULL,
  created_at ${big} NOT NULL,
  started_at ${big},
  finished_at ${big},
  total INTEGER,
  lease_owner TEXT,
  lease_until ${big}
);
CREATE INDEX broadcasts_due ON broadcasts (send_at) WHERE status IN ('scheduled', 'running');
CREATE TABLE broadcast_recipients (
  broadcast_id TEXT NOT NULL,
  psid TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  at ${big},
  PRIMARY KEY (broadcast_id, psid)
);
CREATE INDEX broadcast_recipients_status ON broadcast_recipients (broadcast_id, status);
CREATE TABLE deletion_requests (
  code TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  status TEXT NOT NULL,
  deleted TEXT,
  requested_at ${big} NOT NULL,
  finished_at ${big}
);
`;
export const AUDIENCE_MIGRATION = 'audience and broadcasts';

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'inbox, sessions, outbox, revisions, stats',
    sql: tables({ id: 'INTEGER PRIMARY KEY AUTOINCREMENT', json: 'TEXT', big: 'INTEGER' }),
  },
  { version: 2, name: 'user profiles', sql: userProfiles('INTEGER') },
  {
    version: 3,
    name: DAILY_STATS_MIGRATION,
    sql: dailyStats({ big: 'INTEGER', today: `CAST(strftime('%s', 'now') AS INTEGER) / 86400` }),
  },
  { version: 4, name: AUDIENCE_MIGRATION, sql: audience('INTEGER') },
];

export const POSTGRES_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'inbox, sessions, outbox, revisions, stats',
    sql: tables({ id: 'BIGSERIAL PRIMARY KEY', json: 'TEXT', big: 'BIGINT' }),
  },
  { version: 2, name: 'user profiles', sql: userProfiles('BIGINT') },
  {
    version: 3,
    // Per-Page send pacing shared by every instance. Unlogged: it needs no WAL flush per
    // update, and losing it in a crash only means starting from an empty bucket again.
    name: 'shared send buckets',
    sql: `CREATE UNLOGGED TABLE send_buckets (
      page_id TEXT NOT NULL,
      bucket TEXT NOT NULL,
      tokens DOUBLE PRECISION NOT NULL,
      granted DOUBLE PRECISION NOT NULL,
      at DOUBLE PRECISION NOT NULL,
      PRIMARY KEY (page_id, bucket)
    )`,
  },
  {
    version: 4,
    name: DAILY_STATS_MIGRATION,
    sql: dailyStats({ big: 'BIGINT', today: `floor(extract(epoch FROM now()) / 86400)::int` }),
  },
  { version: 5, name: AUDIENCE_MIGRATION, sql: audience('BIGINT') },
];
