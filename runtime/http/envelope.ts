// Turns a verified webhook body (MESSENGER.md §1.3) into inbox items, one per event, each with a
// key that stays the same when Messenger redelivers it (§1.5). Echoes, deliveries and reads are
// not stored: the flow never answers them.
import { z } from 'zod';
import type { InboxItem } from '../store/types';

const WebhookEvent = z.looseObject({
  sender: z.looseObject({ id: z.string().optional() }).optional(),
  recipient: z.looseObject({ id: z.string() }).optional(),
  timestamp: z.number(),
});
type WebhookEvent = z.infer<typeof WebhookEvent> & Record<string, unknown>;

export const WebhookBody = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      time: z.number().optional(),
      messaging: z.array(WebhookEvent).optional(),
      standby: z.array(WebhookEvent).optional(),
    }),
  ),
});
export type WebhookBody = z.infer<typeof WebhookBody>;

const HANDOVER_KINDS = [
  'pass_thread_control',
  'take_thread_control',
  'request_thread_control',
  'app_roles',
] as const;
const USER_KINDS = ['message', 'postback', 'referral', 'optin'] as const;

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

/** The dedupe key and whether the user acted, or undefined for events the runtime ignores. */
function classify(
  event: WebhookEvent,
  psid: string,
): { key: string; fromUser: boolean } | undefined {
  const ts = event.timestamp;
  const message = record(event.message);
  if (message) {
    if (message.is_echo) return undefined;
    return typeof message.mid === 'string'
      ? { key: `mid:${message.mid}`, fromUser: true }
      : { key: `message:${psid}:${ts}`, fromUser: true };
  }
  const postback = record(event.postback);
  if (postback) {
    return typeof postback.mid === 'string'
      ? { key: `mid:${postback.mid}`, fromUser: true }
      : { key: `postback:${psid}:${ts}:${String(postback.payload ?? '')}`, fromUser: true };
  }
  for (const kind of USER_KINDS)
    if (event[kind] !== undefined) return { key: `${kind}:${psid}:${ts}`, fromUser: true };
  for (const kind of HANDOVER_KINDS)
    if (event[kind] !== undefined) return { key: `${kind}:${psid}:${ts}`, fromUser: false };
  return undefined;
}

export interface EnvelopeResult {
  items: InboxItem[];
  /** Events dropped: echoes, deliveries, reads, other Pages. */
  ignored: number;
}

export function inboxItemsOf(body: WebhookBody, pageId: string): EnvelopeResult {
  const items: InboxItem[] = [];
  let ignored = 0;
  for (const entry of body.entry) {
    const lists = [
      ['messaging', entry.messaging ?? []],
      ['standby', entry.standby ?? []],
    ] as const;
    for (const [channel, events] of lists) {
      for (const raw of events) {
        const event = raw as WebhookEvent;
        const psid = event.sender?.id;
        const kind = psid && entry.id === pageId ? classify(event, psid) : undefined;
        if (!psid || !kind) {
          ignored++;
          continue;
        }
        items.push({
          pageId,
          psid,
          dedupeKey: channel === 'standby' ? `standby:${kind.key}` : kind.key,
          timestamp: event.timestamp,
          channel,
          event,
          // A user writing while the Page Inbox owns the thread still keeps the window open.
          fromUser: kind.fromUser,
        });
      }
    }
  }
  return { items, ignored };
}
