// Turns a verified webhook body (docs/messenger.md §1.3) into inbox items, one per event, each with a
// key that stays the same when Messenger redelivers it (§1.5). The body is read item by item
// (flows/messenger/envelope.ts): whatever is odd or not for the flow is counted by kind and costs
// no other event. docs/events.md is the table of what each kind does.
import {
  commentOf,
  eventKind,
  readEnvelope,
  asObject,
  senderOf,
  startsAlways,
  type EnvelopeProblem,
  type EventKind,
} from '../../flows/messenger';
import type { PolicyNotice } from '../policy';
import type { InboxItem } from '../store/types';

/** What the worker runs through the flow; `true` when the user acted (opens the window). */
const STORED: Partial<Record<EventKind, boolean>> = {
  message: true,
  postback: true,
  referral: true,
  optin: true,
  // A comment opens no window (docs/events.md "Comments").
  comment: false,
  pass_thread_control: false,
  take_thread_control: false,
};

/** Why an event was not stored: its kind, or what was wrong with it. */
export type IgnoredKind = EventKind | EnvelopeProblem | 'other_page' | 'no_sender' | 'own_comment';

export interface EnvelopeResult {
  items: InboxItem[];
  /** Events not stored, by kind. */
  ignored: Map<IgnoredKind, number>;
  /** The reasons for items that were malformed (for the log; never message text). */
  problems: string[];
  policy: PolicyNotice[];
}

/**
 * The inbox items of a parsed body, or undefined when the body is not a JSON object (the only
 * shape refused). Events without a timestamp take `receivedAt`.
 */
export function inboxItemsOf(
  body: unknown,
  pageId: string,
  receivedAt: number,
): EnvelopeResult | undefined {
  const read = readEnvelope(body);
  if (!read.ok) return undefined;
  const items: InboxItem[] = [];
  const ignored = new Map<IgnoredKind, number>();
  const ignore = (kind: IgnoredKind) => ignored.set(kind, (ignored.get(kind) ?? 0) + 1);
  const problems: string[] = [];
  const policy: PolicyNotice[] = [];
  for (const skip of read.skipped) {
    ignore(skip.problem);
    problems.push(skip.reason);
  }
  for (const { pageId: entryPage, channel, event } of read.events) {
    if (entryPage !== pageId) {
      ignore('other_page');
      continue;
    }
    const kind = eventKind(event);
    if (kind === 'policy_enforcement') {
      const notice = asObject(event['policy-enforcement']) ?? {};
      policy.push({
        action: typeof notice.action === 'string' ? notice.action : 'unknown',
        ...(typeof notice.reason === 'string' ? { reason: notice.reason } : {}),
        at: receivedAt,
      });
      continue;
    }
    const fromUser = STORED[kind];
    if (fromUser === undefined) {
      ignore(kind);
      continue;
    }
    const psid = senderOf(event);
    if (!psid) {
      ignore('no_sender');
      continue;
    }
    // The Page answering on its own post is no one to reply to privately.
    if (kind === 'comment' && psid === pageId) {
      ignore('own_comment');
      continue;
    }
    const timestamp =
      typeof event.timestamp === 'number' && Number.isFinite(event.timestamp)
        ? event.timestamp
        : receivedAt;
    const key = dedupeKey(kind, event, psid, timestamp);
    // Our own calls to action (and ref links) are answered even while a person has the thread:
    // the engine takes it back first. Anything else under standby is only kept (a person answers).
    const inert = channel === 'standby' && !startsAlways(event);
    items.push({
      pageId,
      psid,
      dedupeKey: inert ? `standby:${key}` : key,
      timestamp,
      channel: inert ? 'standby' : 'messaging',
      event: { ...event, timestamp },
      // A user writing while the Page Inbox owns the thread still keeps the window open.
      fromUser,
    });
  }
  return { items, ignored, problems, policy };
}

function dedupeKey(
  kind: EventKind,
  event: Record<string, unknown>,
  psid: string,
  timestamp: number,
): string {
  // Each comment is answered once, however often Meta delivers it.
  const commentId = kind === 'comment' ? commentOf(event)?.commentId : undefined;
  if (commentId !== undefined) return `comment:${commentId}`;
  const mid = asObject(event[kind === 'postback' ? 'postback' : 'message'])?.mid;
  if ((kind === 'message' || kind === 'postback') && typeof mid === 'string') return `mid:${mid}`;
  if (kind === 'postback')
    return `postback:${psid}:${timestamp}:${String(asObject(event.postback)?.payload ?? '')}`;
  return `${kind}:${psid}:${timestamp}`;
}
