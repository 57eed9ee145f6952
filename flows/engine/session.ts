// The session (docs/format.md §2): one user of one Page, stored by the runtime between events as JSON.
// The engine never mutates a session it was given; it returns a new one.
import { z } from 'zod';
import { Id } from '../schema';

export const SESSION_VERSION = 1 as const;

/** 24 hours in which neither side wrote start a new conversation (disclosure again). */
export const CONVERSATION_GAP_MS = 24 * 60 * 60 * 1000;

export const VariableValue = z.union([z.string(), z.number(), z.boolean()]);
export type VariableValue = z.infer<typeof VariableValue>;

export const UserProfile = z.strictObject({
  /** The PSID. */
  id: z.string(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  locale: z.string().optional(),
});
export type UserProfile = z.infer<typeof UserProfile>;

/** One split's pick for this user, and the nodes of that flow reached after it. */
export const SplitAssignment = z.strictObject({
  flowId: z.string(),
  split: Id,
  variant: Id,
  reached: z.array(Id),
});
export type SplitAssignment = z.infer<typeof SplitAssignment>;

/** What the session waits for; at most one thing at a time. */
export const Wait = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('input'), step: Id, retries: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal('quick_replies'), step: Id }),
  /**
   * `since`: when the thread went to the Page Inbox (ms epoch). No `step` when a person took the
   * thread by themselves (take_thread_control) rather than through a handover step.
   */
  z.strictObject({ kind: z.literal('handover'), step: Id.optional(), since: z.number() }),
  z.strictObject({ kind: z.literal('delay'), step: Id, dueAt: z.number() }),
  /** `requestId` tells a late answer to an earlier request apart from the awaited one. */
  z.strictObject({ kind: z.literal('http'), step: Id, requestId: z.string() }),
]);
export type Wait = z.infer<typeof Wait>;

export const Session = z.strictObject({
  version: z.literal(SESSION_VERSION),
  flowRevision: z.string(),
  user: UserProfile,
  wait: Wait.nullable(),
  variables: z.record(z.string(), VariableValue),
  tags: z.array(z.string()),
  /** The user's last text, the `last_input` built-in. */
  lastInput: z.string().nullable(),
  lastUserAt: z.number().nullable(),
  lastBotAt: z.number().nullable(),
  /** The disclosure goes out before the next message (docs/format.md §2). */
  disclosureDue: z.boolean(),
  /**
   * The split variants this user was assigned (the runtime records them for the stats' goal
   * conversion, docs/format.md §6): per split, the variant last picked and the nodes reached
   * since, each counted once. Left out until the user passes a split.
   */
  splits: z.array(SplitAssignment).optional(),
});
export type Session = z.infer<typeof Session>;

/** A user's first contact: nothing waits, and the disclosure is due. */
export function newSession(flowRevision: string, user: UserProfile): Session {
  return {
    version: SESSION_VERSION,
    flowRevision,
    user,
    wait: null,
    variables: {},
    tags: [],
    lastInput: null,
    lastUserAt: null,
    lastBotAt: null,
    disclosureDue: true,
  };
}
