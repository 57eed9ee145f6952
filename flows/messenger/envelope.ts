// Reading a webhook body (docs/messenger.md §1.3) item by item: one odd entry or event never costs the
// others of the batch. Shared by the runtime's intake (which stores events) and webhookToEvents
// (which turns them into engine events), so both read a body the same way. docs/events.md says
// what each kind becomes.

import { decodePayload } from './payload';

type Obj = Record<string, unknown>;

export function asObject(value: unknown): Obj | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Obj)
    : undefined;
}

/** What one event of `entry[].messaging[]` or `entry[].standby[]` is, by its payload key. */
export type EventKind =
  | 'message'
  | 'echo'
  | 'postback'
  | 'referral'
  | 'optin'
  | 'delivery'
  | 'read'
  | 'reaction'
  | 'message_edit'
  | 'response_feedback'
  | 'pass_thread_control'
  | 'take_thread_control'
  | 'request_thread_control'
  | 'app_roles'
  | 'policy_enforcement'
  /** `changes[]` of the `feed` field (docs/events.md "Comments"): a new comment on a post. */
  | 'comment'
  | 'comment_edit'
  | 'comment_remove'
  /** Anything else on the Page's feed (posts, reactions, likes) or another field's change. */
  | 'page_change'
  | 'unknown';

const KEYED: [string, EventKind][] = [
  ['postback', 'postback'],
  ['referral', 'referral'],
  ['optin', 'optin'],
  ['delivery', 'delivery'],
  ['read', 'read'],
  ['reaction', 'reaction'],
  ['message_edit', 'message_edit'],
  ['response_feedback', 'response_feedback'],
  ['pass_thread_control', 'pass_thread_control'],
  ['take_thread_control', 'take_thread_control'],
  ['request_thread_control', 'request_thread_control'],
  ['app_roles', 'app_roles'],
  ['policy-enforcement', 'policy_enforcement'],
];

export function eventKind(event: Obj): EventKind {
  const feed = asObject(event.feed);
  if (feed) {
    if (feed.item !== 'comment') return 'page_change';
    if (feed.verb === 'add') return 'comment';
    return feed.verb === 'edited' ? 'comment_edit' : 'comment_remove';
  }
  if (event.page_change !== undefined) return 'page_change';
  const message = asObject(event.message);
  if (message) return message.is_echo === true ? 'echo' : 'message';
  for (const [key, kind] of KEYED) if (event[key] !== undefined && event[key] !== null) return kind;
  return 'unknown';
}

/** Why an item of the body was not read as an event. */
export type EnvelopeProblem = 'not_page_object' | 'bad_entry' | 'bad_event_list' | 'bad_event';

export interface RawEvent {
  /** The entry's id: the Page. */
  pageId: string;
  /** A `changes[]` item (a comment) is read as a `messaging` event: see feedEvent. */
  channel: 'messaging' | 'standby';
  event: Obj;
  /** The entry's `time`, when it has one. */
  entryTime?: number;
}

export interface EnvelopeSkip {
  problem: EnvelopeProblem;
  reason: string;
  pageId?: string;
}

export type EnvelopeRead =
  { ok: true; events: RawEvent[]; skipped: EnvelopeSkip[] } | { ok: false; message: string };

/** Every readable event of a body; only a body that is not a JSON object is refused. */
export function readEnvelope(body: unknown): EnvelopeRead {
  const root = asObject(body);
  if (!root) return { ok: false, message: 'the body is not a JSON object' };
  const events: RawEvent[] = [];
  const skipped: EnvelopeSkip[] = [];
  if (root.object !== 'page') {
    const what = typeof root.object === 'string' ? `"${root.object}"` : 'missing';
    skipped.push({
      problem: 'not_page_object',
      reason: `object ${what} is not a Messenger page`,
    });
    return { ok: true, events, skipped };
  }
  if (!Array.isArray(root.entry)) {
    skipped.push({ problem: 'bad_entry', reason: 'entry is not a list' });
    return { ok: true, events, skipped };
  }
  root.entry.forEach((item: unknown, i) => {
    const entry = asObject(item);
    if (!entry || typeof entry.id !== 'string' || entry.id === '') {
      skipped.push({ problem: 'bad_entry', reason: `entry ${i} has no id` });
      return;
    }
    const pageId = entry.id;
    const entryTime = typeof entry.time === 'number' ? entry.time : undefined;
    const changes = entry.changes;
    if (changes !== undefined && changes !== null) {
      if (!Array.isArray(changes))
        skipped.push({
          problem: 'bad_event_list',
          reason: `entry ${i}: changes is not a list`,
          pageId,
        });
      else
        changes.forEach((raw: unknown, j) => {
          const change = asObject(raw);
          if (!change) {
            skipped.push({
              problem: 'bad_event',
              reason: `entry ${i}: changes ${j} is not an object`,
              pageId,
            });
            return;
          }
          events.push({
            pageId,
            channel: 'messaging',
            event: changeEvent(change, entryTime),
            ...(entryTime !== undefined ? { entryTime } : {}),
          });
        });
    }
    for (const channel of ['messaging', 'standby'] as const) {
      const list = entry[channel];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) {
        skipped.push({
          problem: 'bad_event_list',
          reason: `entry ${i}: ${channel} is not a list`,
          pageId,
        });
        continue;
      }
      list.forEach((raw: unknown, j) => {
        const event = asObject(raw);
        if (!event)
          skipped.push({
            problem: 'bad_event',
            reason: `entry ${i}: ${channel} ${j} is not an object`,
            pageId,
          });
        else
          events.push({
            pageId,
            channel,
            event,
            ...(entryTime !== undefined ? { entryTime } : {}),
          });
      });
    }
  });
  return { ok: true, events, skipped };
}

/**
 * A `changes[]` item in the shape of a messaging event, so the runtime stores and replays it like
 * one: `{ sender: {id: value.from.id}, timestamp: value.created_time in ms, feed: value }` for the
 * `feed` field, `{ page_change: field }` for any other.
 */
function changeEvent(change: Obj, entryTime: number | undefined): Obj {
  const value = asObject(change.value);
  if (change.field !== 'feed' || !value)
    return { page_change: typeof change.field === 'string' ? change.field : 'unknown' };
  const from = appIdOf(asObject(value.from)?.id);
  const created = createdAt(value.created_time) ?? entryTime;
  return {
    ...(from !== undefined ? { sender: { id: from } } : {}),
    ...(created !== undefined ? { timestamp: created } : {}),
    feed: value,
  };
}

/** `created_time` comes as Unix seconds (or, in some deliveries, an ISO string): ms epoch. */
function createdAt(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value))
    return value < 1e12 ? value * 1000 : value;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** The comment of a `comment` event (eventKind), as the engine reads it. */
export function commentOf(
  event: Obj,
): { commentId: string; postId: string; text: string; from?: string } | undefined {
  const feed = asObject(event.feed);
  const commentId = appIdOf(feed?.comment_id);
  const postId = appIdOf(feed?.post_id);
  if (!feed || commentId === undefined || postId === undefined) return undefined;
  const from = appIdOf(asObject(feed.from)?.id);
  return {
    commentId,
    postId,
    text: typeof feed.message === 'string' ? feed.message : '',
    ...(from !== undefined ? { from } : {}),
  };
}

/** The sender's PSID, when the event has one (plugin events may carry `user_ref` instead). */
export function senderOf(event: Obj): string | undefined {
  const id = asObject(event.sender)?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Meta's ids come as strings or numbers. */
export function appIdOf(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * Whether an event is one of docs/format.md §2 rule 1's kinds, which start their target whatever the
 * session waits for: a postback of our own calls to action (Get Started, persistent menu, ice
 * breakers; set by our app through the Messenger Profile API) or a referral with a ref. Messenger
 * sends these to us under `standby` while another app has the thread; the bot takes the thread
 * back to answer them (docs/events.md).
 */
export function startsAlways(event: Obj): boolean {
  const kind = eventKind(event);
  if (kind === 'referral') {
    const ref = asObject(event.referral)?.ref;
    return typeof ref === 'string' && ref !== '';
  }
  if (kind !== 'postback') return false;
  const payload = asObject(event.postback)?.payload;
  const decoded = typeof payload === 'string' ? decodePayload(payload) : null;
  return decoded?.kind === 'get_started' || decoded?.kind === 'menu' || decoded?.kind === 'ice';
}
