// Shared row decoding for both stores: SQLite and PostgreSQL return the same columns, with
// numbers sometimes as strings (PostgreSQL bigint), so every field is converted explicitly.
import { CompiledFlow } from '../../flows/schema';
import type { OutboxKind, OutboxRow, RevisionMeta, StoredEvent, StoredUserProfile } from './types';

export type Row = Record<string, unknown>;

/**
 * A session row whose text is not JSON (a hand edit, a damaged file): handed to the processor as
 * it is, which cannot read it, and written back as the same text, so nothing is lost.
 */
export class UnparsedState {
  constructor(readonly text: string) {}
}

export function parseState(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return new UnparsedState(text);
  }
}

export function stateText(state: unknown): string | null {
  if (state === null) return null;
  return state instanceof UnparsedState ? state.text : JSON.stringify(state);
}

/** Stored revisions were validated on publish; parsing again guards against a hand-edited DB. */
export function parseFlowBody(body: string): CompiledFlow {
  return CompiledFlow.parse(JSON.parse(body));
}

export const toEvent = (r: Row): StoredEvent => ({
  id: Number(r.id),
  pageId: String(r.page_id),
  psid: String(r.psid),
  dedupeKey: String(r.dedupe_key),
  timestamp: Number(r.ts),
  channel: r.channel as StoredEvent['channel'],
  event: JSON.parse(String(r.event)),
  fromUser: Number(r.from_user) === 1,
});

export const toOutbox = (r: Row): OutboxRow => ({
  id: Number(r.id),
  pageId: String(r.page_id),
  psid: String(r.psid),
  kind: r.kind as OutboxKind,
  body: JSON.parse(String(r.body)),
  media: Number(r.media) === 1,
  delayMs: Number(r.delay_ms),
  attempts: Number(r.attempts),
  dueAt: Number(r.due_at),
});

/** A revision row as the admin API shows it; `active` is the flow's active revision. */
export const toRevisionMeta = (r: Row, active: unknown): RevisionMeta => ({
  flowId: String(r.flow_id),
  revision: String(r.revision),
  name: String(r.name),
  createdAt: Number(r.created_at),
  active: r.revision === active,
  nodeCount: nodeCount(r.body),
});

/** The steps in a stored revision's body (0 when the row came without it or it is unreadable). */
function nodeCount(body: unknown): number {
  if (typeof body !== 'string') return 0;
  try {
    const steps = (JSON.parse(body) as { steps?: unknown }).steps;
    return Array.isArray(steps) ? steps.length : 0;
  } catch {
    return 0;
  }
}

const textOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

export const toUserProfile = (r: Row): StoredUserProfile => ({
  firstName: textOrNull(r.first_name),
  lastName: textOrNull(r.last_name),
  locale: textOrNull(r.locale),
  error: textOrNull(r.error),
  fetchedAt: Number(r.fetched_at),
});

/** The columns after (page_id, psid) in the order both stores bind them. */
export const userProfileParams = (p: StoredUserProfile) => [
  p.firstName,
  p.lastName,
  p.locale,
  p.error,
  p.fetchedAt,
];
