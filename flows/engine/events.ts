// What the engine reacts to (FORMAT §2). Menu and ice-breaker taps arrive as postbacks whose
// payload names their target (flows/messenger/payload.ts).
import { z } from 'zod';
import { Id } from '../schema';

export const AttachmentType = z.enum(['image', 'video', 'audio', 'file']);
export type AttachmentType = z.infer<typeof AttachmentType>;

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
  z.strictObject({
    type: z.literal('attachment'),
    attachmentType: AttachmentType,
    url: z.string(),
  }),
  /** The Get Started tap; `ref` when it came through an m.me link. */
  z.strictObject({ type: z.literal('get_started'), ref: z.string().optional() }),
  z.strictObject({ type: z.literal('referral'), ref: z.string() }),
  /** The Page Inbox handed the thread back. */
  z.strictObject({ type: z.literal('handover_returned') }),
  /** A delay fell due; names the delay it resumes, so a cancelled one is recognised. */
  z.strictObject({ type: z.literal('resume'), step: Id, dueAt: z.number() }),
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
    event.type !== 'resume' && event.type !== 'http_result' && event.type !== 'handover_returned'
  );
}
