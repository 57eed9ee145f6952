// Webhook deliveries (docs/messenger.md §1.3, §1.4) as engine events; docs/events.md is the table of
// what each kind becomes. The body is read item by item (./envelope), so one odd event never
// costs the others. What Threadline does not act on (echoes, receipts, reactions, edits, other
// apps' requests) is reported, not dropped silently.
import { z } from 'zod';
import type { Attachment, EngineEvent } from '../engine/events';
import { PAGE_INBOX_APP_ID } from './handover';
import {
  appIdOf,
  asObject,
  commentOf,
  eventKind,
  readEnvelope,
  senderOf,
  startsAlways,
} from './envelope';
import { decodePayload } from './payload';

const Referral = z.object({ ref: z.string().nullish(), source: z.string().nullish() });

/** The parts of an event the engine reads; everything else is left alone. */
const MessagingEvent = z.object({
  timestamp: z.number().optional().catch(undefined),
  message: z
    .object({
      mid: z.string().optional(),
      text: z.string().nullish(),
      quick_reply: z.object({ payload: z.union([z.string(), z.number()]) }).nullish(),
      attachments: z.array(z.unknown()).nullish(),
      /** Older deliveries named a sticker here and sent it as an `image` attachment. */
      sticker_id: z.union([z.string(), z.number()]).nullish(),
    })
    .optional(),
  postback: z
    .object({
      mid: z.string().optional(),
      title: z.string().nullish(),
      payload: z.string().nullish(),
      referral: Referral.nullish(),
    })
    .optional(),
  referral: Referral.optional(),
});
type MessagingEvent = z.infer<typeof MessagingEvent>;

export interface IncomingEvent {
  pageId: string;
  psid: string;
  /** ms epoch, as Messenger stamped it (the entry's time when the event has none). */
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
  /** Our app id: a handover naming another app is not a return to us. */
  appId?: string;
}

export function webhookToEvents(body: unknown, options: WebhookOptions = {}): WebhookResult {
  const read = readEnvelope(body);
  if (!read.ok) return { ok: false, code: 'malformed-webhook', message: read.message };
  const events: IncomingEvent[] = [];
  const ignored: IgnoredEvent[] = read.skipped.map((s) => ({
    reason: s.reason,
    ...(s.pageId ? { pageId: s.pageId } : {}),
  }));
  for (const raw of read.events) {
    const psid = senderOf(raw.event);
    if (raw.channel === 'standby' && !startsAlways(raw.event)) {
      ignored.push({
        reason: 'standby: another app controls the thread',
        pageId: raw.pageId,
        ...(psid ? { psid } : {}),
      });
      continue;
    }
    readEvent(raw.event, raw.pageId, raw.entryTime ?? 0, options, events, ignored);
  }
  return { ok: true, events, ignored };
}

function readEvent(
  raw: Record<string, unknown>,
  pageId: string,
  entryTime: number,
  options: WebhookOptions,
  events: IncomingEvent[],
  ignored: IgnoredEvent[],
): void {
  const psid = senderOf(raw);
  const skip = (reason: string): void => {
    ignored.push({ reason, pageId, ...(psid ? { psid } : {}) });
  };
  const kind = eventKind(raw);
  if (kind === 'echo') return skip('echo of a message the Page sent');
  if (kind === 'policy_enforcement') return skip('policy enforcement (the runtime logs it)');
  if (kind === 'comment_edit') return skip('edit of a comment (each comment is answered once)');
  if (kind === 'comment_remove') return skip('a comment was removed');
  if (kind === 'page_change') return skip('a change on the Page other than a new comment');
  if (kind === 'comment' && psid === pageId) return skip('the Page’s own comment');
  if (!psid) return skip('no sender id (plugin user_ref events are not supported)');
  const parsed = MessagingEvent.safeParse(raw);
  if (!parsed.success)
    return skip(`malformed ${kind}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const e = parsed.data;
  const timestamp = e.timestamp ?? entryTime;
  const push = (event: EngineEvent, mid?: string): void => {
    events.push({ pageId, psid, timestamp, ...(mid ? { mid } : {}), event });
  };

  switch (kind) {
    case 'message': {
      const event = messageEvent(e.message ?? {}, skip);
      return push(event, e.message?.mid);
    }
    case 'postback': {
      const { mid, title, payload, referral } = e.postback ?? {};
      if (payload && decodePayload(payload)?.kind === 'get_started')
        return push({ type: 'get_started', ...(referral?.ref ? { ref: referral.ref } : {}) }, mid);
      if (payload === undefined || payload === null) return skip('postback without payload');
      return push({ type: 'postback', payload, ...(title ? { title } : {}) }, mid);
    }
    case 'comment': {
      const comment = commentOf(raw);
      if (!comment) return skip('comment without comment_id or post_id');
      return push({
        type: 'comment',
        commentId: comment.commentId,
        postId: comment.postId,
        text: comment.text,
        createdAt: timestamp,
      });
    }
    case 'referral':
      if (e.referral?.ref) return push({ type: 'referral', ref: e.referral.ref });
      return skip('referral without ref (an ad or a plain link)');
    case 'pass_thread_control': {
      const owner = appIdOf(asObject(raw.pass_thread_control)?.new_owner_app_id);
      return push({
        type: passedToUs(owner, options.appId) ? 'handover_returned' : 'handover_taken',
      });
    }
    case 'take_thread_control': {
      const owner = appIdOf(asObject(raw.take_thread_control)?.new_owner_app_id);
      if (owner !== undefined && owner === options.appId) return skip('we took thread control');
      return push({ type: 'handover_taken' });
    }
    case 'request_thread_control':
      return skip('another app asked for thread control (Threadline keeps it)');
    case 'app_roles':
      return skip('app roles changed');
    case 'delivery':
      return skip('delivery receipt');
    case 'read':
      return skip('read receipt');
    case 'reaction':
      return skip('reaction to a message');
    case 'message_edit':
      return skip('edit of an earlier message (the conversation has moved on)');
    case 'response_feedback':
      return skip('feedback on a reply');
    case 'optin':
      return skip('plugin opt-in');
    case 'unknown':
      return skip('event kind not handled');
  }
}

/**
 * Whether a pass_thread_control gives the thread to us. Without our app id (the Graph API lookup
 * failed and THREADLINE_APP_ID is unset), a pass to the Page Inbox is still recognised as not ours.
 */
function passedToUs(owner: string | undefined, appId: string | undefined): boolean {
  if (owner === undefined) return true;
  if (appId !== undefined) return owner === appId;
  return owner !== String(PAGE_INBOX_APP_ID);
}

type Message = NonNullable<MessagingEvent['message']>;

/** A message as one engine event: text, a quick reply, its attachments, or "anything else". */
function messageEvent(message: Message, skip: (reason: string) => void): EngineEvent {
  const { text, quick_reply, attachments } = message;
  if (quick_reply)
    return {
      type: 'quick_reply',
      payload: String(quick_reply.payload),
      ...(typeof text === 'string' ? { text } : {}),
    };
  // A link share often comes with its URL as the text: the user "typed" the link.
  if (typeof text === 'string' && text !== '') return { type: 'text', text };
  const read: Attachment[] = [];
  const problems: string[] = [];
  const stickerId = message.sticker_id ?? undefined;
  for (const item of attachments ?? []) {
    const attachment = readAttachment(item, stickerId);
    if (typeof attachment === 'string') problems.push(attachment);
    // While stickers came both as `image` and as `sticker`, one sticker could arrive twice.
    else if (!read.some((a) => a.url === attachment.url)) read.push(attachment);
  }
  for (const problem of problems) skip(problem);
  const [first, ...more] = read;
  if (first) return { type: 'attachment', ...first, ...(more.length ? { more } : {}) };
  return {
    type: 'other_message',
    what: problems[0] ?? (text === '' ? 'an empty message' : 'a message without content'),
  };
}

const SHARES = new Set([
  'fallback',
  'share',
  'post',
  'ig_post',
  'reel',
  'ig_reel',
  'product',
  'template',
]);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** One attachment for the engine, or why it cannot be one. */
export function readAttachment(raw: unknown, stickerId?: string | number): Attachment | string {
  const a = asObject(raw);
  if (!a) return 'an attachment that is not an object';
  const type = typeof a.type === 'string' ? a.type : '';
  const payload = asObject(a.payload) ?? {};
  const url = text(payload.url) ?? text(a.url) ?? text(a.URL) ?? text(payload.URL);
  const missing = `attachment of type "${type}" without a URL`;
  switch (type) {
    case 'image': {
      if (!url) return missing;
      const sticker = payload.sticker_id !== undefined || stickerId !== undefined;
      return { attachmentType: sticker ? 'sticker' : 'image', url };
    }
    case 'sticker':
    case 'video':
    case 'audio':
    case 'file':
      return url ? { attachmentType: type, url } : missing;
    case 'location': {
      const at = asObject(payload.coordinates);
      const lat = at?.lat;
      const long = at?.long;
      if (typeof lat === 'number' && typeof long === 'number')
        return { attachmentType: 'location', url: mapLink(lat, long) };
      return url ? { attachmentType: 'location', url } : 'location without coordinates';
    }
  }
  if (SHARES.has(type)) {
    const shared = url ?? productImage(payload);
    return shared ? { attachmentType: 'share', url: shared } : missing;
  }
  return `attachment of type "${type || 'unknown'}" is not handled`;
}

/** A map link for a pinned location: opens anywhere, and keeps the coordinates readable. */
export function mapLink(lat: number, long: number): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${long}`;
}

/** A shared product has no URL of its own; its picture stands for it. */
function productImage(payload: Record<string, unknown>): string | undefined {
  const elements = asObject(payload.product)?.elements;
  const first = Array.isArray(elements) ? asObject(elements[0]) : undefined;
  return text(first?.image_url);
}
