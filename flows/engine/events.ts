// What the engine reacts to (docs/format.md §2). Menu and ice-breaker taps arrive as postbacks whose
// payload names their target (flows/messenger/payload.ts).
import { z } from 'zod';
import { Id } from '../schema';
import { VariableValue } from './session';

/**
 * What a user can attach (docs/events.md). `sticker` is an image URL; `location` a map link built
 * from the pinned coordinates; `share` a shared link, post, reel or product (its URL).
 */
export const AttachmentType = z.enum([
  'image',
  'video',
  'audio',
  'file',
  'sticker',
  'location',
  'share',
]);
export type AttachmentType = z.infer<typeof AttachmentType>;

export const Attachment = z.strictObject({ attachmentType: AttachmentType, url: z.string() });
export type Attachment = z.infer<typeof Attachment>;

/** Attachments an `image` input takes: photos, and stickers (which are images too). */
export function isImage(attachment: Attachment): boolean {
  return attachment.attachmentType === 'image' || attachment.attachmentType === 'sticker';
}

export const EngineEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), text: z.string() }),
  /** `text` is the tapped reply's title (or the address for user_email / user_phone_number). */
  z.strictObject({
    type: z.literal('quick_reply'),
    payload: z.string(),
    text: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('postback'),
    payload: z.string(),
    title: z.string().optional(),
  }),
  /** One message's attachments: the first here, the rest (sent in the same message) in `more`. */
  z.strictObject({
    type: z.literal('attachment'),
    attachmentType: AttachmentType,
    url: z.string(),
    more: z.array(Attachment).optional(),
  }),
  /**
   * A message the flow cannot read (an attachment of an unknown kind, or no content at all):
   * "anything else", which starts the default trigger. `what` says what it was, for the trace.
   */
  z.strictObject({ type: z.literal('other_message'), what: z.string() }),
  /** The Get Started tap; `ref` when it came through an m.me link. */
  z.strictObject({ type: z.literal('get_started'), ref: z.string().optional() }),
  z.strictObject({ type: z.literal('referral'), ref: z.string() }),
  /**
   * A comment on one of the Page's posts (docs/events.md "Comments"): starts the matching comment
   * trigger, whose first message goes out as the comment's private reply. `createdAt` (ms epoch)
   * dates it: Messenger takes a private reply within 7 days of the comment only.
   */
  z.strictObject({
    type: z.literal('comment'),
    commentId: z.string(),
    postId: z.string(),
    text: z.string(),
    createdAt: z.number().optional(),
  }),
  /** The Page Inbox handed the thread back. */
  z.strictObject({ type: z.literal('handover_returned') }),
  /** Another app (the Page Inbox: a person) took the thread: the bot waits until it comes back. */
  z.strictObject({ type: z.literal('handover_taken') }),
  /** A delay fell due; names the delay it resumes, so a cancelled one is recognised. */
  z.strictObject({ type: z.literal('resume'), step: Id, dueAt: z.number() }),
  /**
   * The host starts the flow at a step for this user (a broadcast, or the start-flow API), after
   * setting `variables`. Not the user's action: it neither opens the window nor answers anything.
   */
  z.strictObject({
    type: z.literal('start'),
    step: Id,
    variables: z.record(z.string(), VariableValue).optional(),
  }),
  /** The answer to an `http_request` action; `error` when there was no HTTP answer at all. */
  z.strictObject({
    type: z.literal('http_result'),
    requestId: z.string(),
    status: z.number().int().optional(),
    body: z.unknown().optional(),
    error: z.string().optional(),
  }),
]);
export type EngineEvent = z.infer<typeof EngineEvent>;
export type EventOfType<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;

/** Events a person caused, as opposed to the host (delays, HTTP answers, handover). */
export function isUserEvent(event: EngineEvent): boolean {
  return (
    event.type !== 'resume' &&
    event.type !== 'http_result' &&
    event.type !== 'handover_returned' &&
    event.type !== 'handover_taken' &&
    event.type !== 'start'
  );
}
