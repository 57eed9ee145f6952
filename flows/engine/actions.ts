// What the engine asks its host to do, in order. Messenger-neutral: flows/messenger/send.ts turns
// these into Send API bodies; the simulator and the CLI render them directly.
import { z } from 'zod';
import { Id } from '../schema';

const LogValues = z.record(z.string(), z.union([z.string(), z.number()]));
/**
 * A log note's words as a key and values (`urlInvalid` + url, scheme), with the thing it is about
 * as a key of its own (`buttonLink` + title): the designer's catalogue has them in each language.
 */
export const LogText = z.strictObject({
  key: z.string(),
  params: LogValues.optional(),
  subject: z.strictObject({ key: z.string(), params: LogValues.optional() }).optional(),
});
export type LogText = z.infer<typeof LogText>;

export const OutButton = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('postback'), title: z.string(), payload: z.string() }),
  z.strictObject({ type: z.literal('url'), title: z.string(), url: z.string() }),
  z.strictObject({ type: z.literal('call'), title: z.string(), phone: z.string() }),
]);
export type OutButton = z.infer<typeof OutButton>;

export const OutQuickReply = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('text'),
    title: z.string(),
    payload: z.string(),
    imageUrl: z.string().optional(),
  }),
  /** Messenger offers the address or number the user's profile holds. */
  z.strictObject({ type: z.literal('user_email') }),
  z.strictObject({ type: z.literal('user_phone_number') }),
]);
export type OutQuickReply = z.infer<typeof OutQuickReply>;

export const OutCard = z.strictObject({
  title: z.string(),
  subtitle: z.string().optional(),
  imageUrl: z.string().optional(),
  url: z.string().optional(),
  buttons: z.array(OutButton).optional(),
});
export type OutCard = z.infer<typeof OutCard>;

/** The node that sent a message (absent for the disclosure), for per-node statistics. */
const source = { step: Id.optional() };
const quickReplies = { quickReplies: z.array(OutQuickReply).optional() };
/**
 * Set on the one message that answers a comment: it goes out as the comment's private reply
 * (Send API `recipient: {comment_id}`) instead of to the user's PSID.
 */
const privateReply = { commentId: z.string().optional() };

const SendText = z.strictObject({
  type: z.literal('send_text'),
  text: z.string(),
  buttons: z.array(OutButton).optional(),
  ...quickReplies,
  ...source,
  ...privateReply,
});
const SendCards = z.strictObject({
  type: z.literal('send_cards'),
  cards: z.array(OutCard),
  ...quickReplies,
  ...source,
  ...privateReply,
});
const SendMedia = z.strictObject({
  type: z.literal('send_media'),
  mediaType: z.enum(['image', 'video', 'audio', 'file']),
  url: z.string(),
  ...quickReplies,
  ...source,
  ...privateReply,
});

/**
 * Why a message was not sent: outside the 24-hour window, or after the one private reply a
 * comment allows (the user has not written yet, so there is no window either).
 */
export const DropReason = z.enum(['outside-window', 'private-reply-sent']);
export type DropReason = z.infer<typeof DropReason>;

export const EngineAction = z.discriminatedUnion('type', [
  SendText,
  SendCards,
  SendMedia,
  /**
   * A message the host must not send: Messenger would refuse it (flows/engine/window.ts). Hosts
   * show or count it; it is not among the messages the user saw.
   */
  z.strictObject({
    type: z.literal('dropped'),
    reason: DropReason,
    message: z.discriminatedUnion('type', [SendText, SendCards, SendMedia]),
  }),
  z.strictObject({ type: z.literal('typing'), on: z.boolean() }),
  z.strictObject({ type: z.literal('pause'), ms: z.number().min(0) }),
  /** Pass the thread to the Page Inbox; `note` goes along as metadata for the human. */
  z.strictObject({ type: z.literal('handover'), step: Id, note: z.string().optional() }),
  /**
   * Take the thread back from the Page Inbox before the replies that follow: a rule-1 event (Get
   * Started, menu, ice breaker, ref link) came while a person had it (docs/format.md §2).
   */
  z.strictObject({ type: z.literal('take_thread_control') }),
  /** Step again with a `resume` event for this step and due time once `dueAt` has passed. */
  z.strictObject({ type: z.literal('schedule_resume'), step: Id, dueAt: z.number() }),
  /** Perform the request, then step again with an `http_result` carrying `requestId`. */
  z.strictObject({
    type: z.literal('http_request'),
    step: Id,
    requestId: z.string(),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    body: z.string().optional(),
    timeoutMs: z.number().int().positive(),
  }),
  z.strictObject({
    type: z.literal('log'),
    level: z.enum(['error', 'warning', 'info']),
    code: z.string(),
    /** In English, for logs and the CLI. */
    message: z.string(),
    step: Id.optional(),
    /** The message's key and values, for the simulator to show it in the designer's language. */
    text: LogText.optional(),
  }),
]);
export type EngineAction = z.infer<typeof EngineAction>;
export type ActionOfType<T extends EngineAction['type']> = Extract<EngineAction, { type: T }>;
export type MessageAction = ActionOfType<'send_text' | 'send_cards' | 'send_media'>;

export function isMessageAction(action: EngineAction): action is MessageAction {
  return (
    action.type === 'send_text' || action.type === 'send_cards' || action.type === 'send_media'
  );
}

/**
 * What a turn went through: each step entered, each output handle taken (`to` is absent for a
 * handle without an edge), and events the engine deliberately ignored. Coverage and the
 * simulator's canvas highlighting read it.
 */
export type TraceEntry =
  | { type: 'enter'; step: string }
  | { type: 'take'; step: string; handle: string; to?: string }
  | { type: 'ignored'; reason: string };
