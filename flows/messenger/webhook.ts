// Webhook deliveries (MESSENGER.md §1.3, §1.4) as engine events. The envelope is checked with
// zod; each event on its own, so one odd event never costs the others in the batch. What Threadline
// does not act on (echoes, receipts, standby, other apps' handovers) is reported, not dropped silently.
import { z } from 'zod';
import type { EngineEvent } from '../engine/events';
import { decodePayload } from './payload';

const Referral = z.object({ ref: z.string().optional(), source: z.string().optional() });

const MessagingEvent = z.object({
  sender: z.object({ id: z.string().optional() }).optional(),
  recipient: z.object({ id: z.string().optional() }).optional(),
  timestamp: z.number().optional(),
  message: z
    .object({
      mid: z.string().optional(),
      text: z.string().optional(),
      is_echo: z.boolean().optional(),
      quick_reply: z.object({ payload: z.union([z.string(), z.number()]) }).optional(),
      attachments: z
        .array(
          z.object({
            type: z.string(),
            payload: z.object({ url: z.string().optional() }).nullish(),
          }),
        )
        .optional(),
    })
    .optional(),
  postback: z
    .object({
      mid: z.string().optional(),
      title: z.string().optional(),
      payload: z.string().optional(),
      referral: Referral.optional(),
    })
    .optional(),
  referral: Referral.optional(),
  pass_thread_control: z
    .object({ new_owner_app_id: z.union([z.string(), z.number()]).optional() })
    .optional(),
  take_thread_control: z.unknown().optional(),
  request_thread_control: z.unknown().optional(),
  delivery: z.unknown().optional(),
  read: z.unknown().optional(),
});
type MessagingEvent = z.infer<typeof MessagingEvent>;

export const WebhookBody = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      id: z.string(),
      time: z.number().optional(),
      messaging: z.array(z.unknown()).optional(),
      standby: z.array(z.unknown()).optional(),
    }),
  ),
});

export interface IncomingEvent {
  pageId: string;
  psid: string;
  /** ms epoch, as Messenger stamped it. */
  timestamp: number;
  /** Messenger's message id, the key for de-duplicating redeliveries. */
  mid?: string;
  event: EngineEvent;
}

export interface IgnoredEvent {
  reason: string;
  pageId?: string;
  psid?: string;
}

export type WebhookResult =
  | { ok: true; events: IncomingEvent[]; ignored: IgnoredEvent[] }
  | { ok: false; code: 'malformed-webhook'; message: string };

export interface WebhookOptions {
  /** Our app id: a pass_thread_control naming another new owner is not a return to us. */
  appId?: string;
}

const MEDIA = new Set(['image', 'video', 'audio', 'file']);

export function webhookToEvents(body: unknown, options: WebhookOptions = {}): WebhookResult {
  const parsed = WebhookBody.safeParse(body);
  if (!parsed.success)
    return {
      ok: false,
      code: 'malformed-webhook',
      message: parsed.error.issues
        .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
        .join('; '),
    };
  const events: IncomingEvent[] = [];
  const ignored: IgnoredEvent[] = [];
  if (parsed.data.object !== 'page') {
    ignored.push({ reason: `object "${parsed.data.object}" is not a Messenger page` });
    return { ok: true, events, ignored };
  }
  for (const entry of parsed.data.entry) {
    for (const raw of entry.standby ?? []) {
      const psid = MessagingEvent.safeParse(raw).data?.sender?.id;
      ignored.push({
        reason: 'standby: another app controls the thread',
        pageId: entry.id,
        ...(psid ? { psid } : {}),
      });
    }
    for (const raw of entry.messaging ?? []) {
      const item = MessagingEvent.safeParse(raw);
      if (!item.success) {
        ignored.push({
          reason: `malformed event: ${item.error.issues[0]?.message ?? 'invalid'}`,
          pageId: entry.id,
        });
        continue;
      }
      readEvent(item.data, entry.id, entry.time ?? 0, options, events, ignored);
    }
  }
  return { ok: true, events, ignored };
}

function readEvent(
  e: MessagingEvent,
  pageId: string,
  entryTime: number,
  options: WebhookOptions,
  events: IncomingEvent[],
  ignored: IgnoredEvent[],
): void {
  const psid = e.sender?.id;
  const skip = (reason: string): void => {
    ignored.push({ reason, pageId, ...(psid ? { psid } : {}) });
  };
  if (e.message?.is_echo) return skip('echo of a message the Page sent');
  if (!psid) return skip('no sender id (plugin user_ref events are not supported)');
  const timestamp = e.timestamp ?? entryTime;
  const push = (event: EngineEvent, mid?: string): void => {
    events.push({ pageId, psid, timestamp, ...(mid ? { mid } : {}), event });
  };

  if (e.message) {
    const { mid, text, quick_reply, attachments } = e.message;
    if (quick_reply)
      return push(
        {
          type: 'quick_reply',
          payload: String(quick_reply.payload),
          ...(text !== undefined ? { text } : {}),
        },
        mid,
      );
    if (text !== undefined) return push({ type: 'text', text }, mid);
    let used = false;
    for (const a of attachments ?? []) {
      const url = a.payload?.url;
      if (MEDIA.has(a.type) && url) {
        push({ type: 'attachment', attachmentType: a.type as 'image', url }, mid);
        used = true;
      } else skip(`attachment of type "${a.type}" is not handled`);
    }
    if (!used && !attachments?.length) skip('message without text or attachments');
    return;
  }
  if (e.postback) {
    const { mid, title, payload, referral } = e.postback;
    if (payload !== undefined && decodePayload(payload)?.kind === 'get_started')
      return push({ type: 'get_started', ...(referral?.ref ? { ref: referral.ref } : {}) }, mid);
    if (payload === undefined) return skip('postback without payload');
    return push({ type: 'postback', payload, ...(title !== undefined ? { title } : {}) }, mid);
  }
  if (e.referral) {
    if (e.referral.ref) return push({ type: 'referral', ref: e.referral.ref });
    return skip('referral without ref (an ad or a plain link)');
  }
  if (e.pass_thread_control) {
    const owner = e.pass_thread_control.new_owner_app_id;
    if (options.appId !== undefined && owner !== undefined && String(owner) !== options.appId)
      return skip('thread control passed to another app');
    return push({ type: 'handover_returned' });
  }
  if (e.take_thread_control !== undefined) return skip('another app took thread control');
  if (e.request_thread_control !== undefined) return skip('another app requested thread control');
  if (e.delivery !== undefined) return skip('delivery receipt');
  if (e.read !== undefined) return skip('read receipt');
  skip('event kind not handled');
}
