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
