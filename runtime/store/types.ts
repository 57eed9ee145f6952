// The store interface that the embedded SQLite store and the PostgreSQL store both fill. Every
// method is one short transaction; lanes (one a user) carry a lease so that only one worker of
// one instance runs a user's events at a time, and the lease fences each commit.
import type { CompiledFlow } from '../../flows/schema';
import type { AudienceStore } from './audience';
import type { Moves, SessionMove } from './moves';
import type { PruneOptions, PruneResult } from './retention';

/** `start`: the host starts the flow at a step (a broadcast, the start-flow API). */
export type Channel = 'messaging' | 'standby' | 'timer' | 'start';
export type EventStatus = 'pending' | 'done' | 'standby' | 'skipped';

export interface InboxItem {
  pageId: string;
  psid: string;
  /** Messenger redelivers: the message id, or the best stable key the event offers. */
  dedupeKey: string;
  timestamp: number;
  channel: Channel;
  /** One raw webhook event (`entry[].messaging[i]`), or a timer's `{ timer: { dueAt } }`. */
  event: unknown;
  /** Whether the user acted (opens the 24-hour window); false for timers, handovers, standby. */
  fromUser: boolean;
}

export interface StoredEvent extends InboxItem {
  id: number;
}

export interface Lane {
  pageId: string;
  psid: string;
}

export interface SessionRecord extends Lane {
  state: unknown | null;
  lastUserAt: number | null;
  wakeAt: number | null;
}

export type OutboxKind =
  'message' | 'sender_action' | 'pass_thread_control' | 'take_thread_control';

export interface NewOutbox {
  kind: OutboxKind;
  body: unknown;
  /** Audio and video share a tighter per-Page rate (docs/messenger.md §6). */
  media: boolean;
  /** A pause after the previous row was sent (typing indicators). */
  delayMs: number;
  /** What made the row, when not a conversation turn: `broadcast:<id>` or `start:<id>`. */
  origin?: string;
}

export interface OutboxRow extends NewOutbox, Lane {
  id: number;
  attempts: number;
  dueAt: number;
}

export interface StatIncrement {
  flowId: string;
  /** The revision that ran the turn. */
  revision: string;
  nodeId: string;
  /** `entered`, `sent`, `dropped`, or `clicked:<handle>`. */
  key: string;
  count: number;
}

export interface EventCommit {
  lane: Lane;
  owner: string;
  eventId: number;
  status: 'done' | 'skipped';
  state: unknown | null;
  wakeAt: number | null;
  /** Set when the event was the user's own action. */
  lastUserAt: number | null;
  outbox: NewOutbox[];
  stats: StatIncrement[];
  now: number;
}

export interface RevisionMeta {
  flowId: string;
  revision: string;
  name: string;
  createdAt: number;
  active: boolean;
  /** How many nodes (steps) the revision has. */
  nodeCount: number;
}

export interface StoredRevision extends RevisionMeta {
  flow: CompiledFlow;
}

/** A publish's outcome: the revision, and the sessions it moved or stopped waiting (moves.ts). */
export interface Published extends RevisionMeta {
  moved: SessionMove[];
}

/** Sessions waiting per node, at any revision of a flow (pending delays included). */
export interface WaitingCounts {
  /** The flow's active revision. */
  revision: string;
  nodes: Record<string, number>;
}

export interface ActiveFlow {
  flowId: string;
  revision: string;
  flow: CompiledFlow;
}

/** Which daily buckets to sum (all of them when empty). Days count from 1970-01-01, UTC. */
export interface StatsQuery {
  /** First day included. */
  fromDay?: number;
  /** Last day included. */
  toDay?: number;
  revision?: string;
}

export interface StatRow {
  nodeId: string;
  key: string;
  count: number;
}

export interface StoreCounts {
  inboxPending: number;
  outboxPending: number;
  outboxSent: number;
  outboxFailed: number;
  sessions: number;
}

/** A subscriber's User Profile API answer as stored (docs/messenger.md §7), or why there is none. */
export interface StoredUserProfile {
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  /** Set when the last fetch failed: the Graph error code or the network failure. */
  error: string | null;
  fetchedAt: number;
}

export interface SendTokenRequest {
  pageId: string;
  bucket: 'text' | 'media';
  want: number;
  ratePerSecond: number;
  burst: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<number>;
  close(): Promise<void>;
  ping(): Promise<boolean>;

  /** Stores new events (dropping ones already seen) and returns how many were new. */
  insertEvents(items: InboxItem[], now: number): Promise<number>;
  /** Leases up to `limit` lanes that have a pending event or a due outbox row. */
  claimLanes(owner: string, now: number, leaseMs: number, limit: number): Promise<Lane[]>;
  renewLane(lane: Lane, owner: string, until: number): Promise<boolean>;
  releaseLane(lane: Lane, owner: string): Promise<void>;
  /** Frees every lease (start-up of a single instance, tests). */
  releaseAllLeases(): Promise<void>;
  nextEvent(lane: Lane): Promise<StoredEvent | undefined>;
  loadSession(lane: Lane): Promise<SessionRecord>;
  /** Atomically: session, event status, outbox rows and stats. False when fenced out. */
  commitEvent(commit: EventCommit): Promise<boolean>;

  /** The oldest unsent row of a lane, if it is due. */
  nextOutbox(lane: Lane, now: number): Promise<OutboxRow | undefined>;
  /**
   * May answer once the mark is queued (PostgreSQL) rather than written, as long as the row is
   * never given out again and the store's later writes are written after it.
   */
  markSent(id: number, now: number, messageId: string | null): Promise<void>;
  /**
   * For a store whose markSent answers once the mark is queued: the write of that mark, until it
   * is durable. Sends in flight count until then, so a crash repeats at most that many replies.
   */
  sentDurable?(id: number): Promise<void> | undefined;
  markFailed(id: number, now: number, reason: string): Promise<void>;
  reschedule(id: number, dueAt: number, reason: string): Promise<void>;
  /** Gives up on every unsent row of a lane (the user blocked the Page, the window closed). */
  cancelOutbox(lane: Lane, now: number, reason: string): Promise<number>;
  /** Delays the lane's next row: a pause after a typing indicator. */
  delayNextOutbox(lane: Lane, dueAt: number): Promise<void>;

  /** Turns sessions whose delay fell due into timer events, exactly once. */
  fireDueDelays(now: number, limit: number): Promise<number>;

  /**
   * Stores the revision if new and makes it the active one, in one transaction, which also moves
   * the sessions of the flow's earlier revisions that wait at nodes named in `moves`, or at nodes
   * the new revision removed (relocate in moves.ts).
   */
  publish(flow: CompiledFlow, now: number, moves?: Moves): Promise<Published>;
  /** Undefined when the flow was never published. */
  waiting(flowId: string): Promise<WaitingCounts | undefined>;
  activeFlow(): Promise<ActiveFlow | undefined>;
  /**
   * Which revision is active, without reading the compiled flow: a cache holding a big flow
   * checks this instead of reading and validating it again.
   */
  activeRevision?(): Promise<{ flowId: string; revision: string } | undefined>;
  flowActive(flowId: string): Promise<RevisionMeta | undefined>;
  revisions(flowId: string): Promise<RevisionMeta[]>;
  /** One stored revision with its compiled flow, active or not. */
  revision(flowId: string, revision: string): Promise<StoredRevision | undefined>;
  /** Activates `revision`, or the one before the active one. */
  rollback(
    flowId: string,
    revision: string | undefined,
    now: number,
  ): Promise<RevisionMeta | undefined>;
  /**
   * Per node and counter, the sum of the daily buckets the query selects. A commit counts on
   * the UTC day of its `now`.
   */
  stats(flowId: string, query?: StatsQuery): Promise<StatRow[]>;

  userProfile(lane: Lane): Promise<StoredUserProfile | undefined>;
  saveUserProfile(lane: Lane, profile: StoredUserProfile): Promise<void>;
  /**
   * Calls `onChange` whenever any instance publishes or rolls back (and after a lost connection,
   * when a change may have been missed); returns a function that stops it. Only stores shared by
   * several instances have it.
   */
  watchFlows?(onChange: () => void): () => void;
  /**
   * Takes up to `want` send tokens from the Page's bucket shared by every instance (refilled at
   * `ratePerSecond`, holding at most `burst`, empty at first). `waitMs`: when one is free again.
   */
  takeSendTokens?(request: SendTokenRequest): Promise<{ granted: number; waitMs: number }>;

  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
  counts(): Promise<StoreCounts>;

  /** Deletes what the retention periods let go (see retention.ts), in short transactions. */
  prune(options: PruneOptions): Promise<PruneResult>;

  /** Subscribers, broadcasts and deletion requests (audience.ts). */
  readonly audience: AudienceStore;
}
