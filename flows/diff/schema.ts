// The semantic diff between two compiled flows (docs/format.md §3): what an editor changed, said
// in the flow's own terms (texts, buttons, connections, settings) rather than JSON lines. Every
// entry names its node, so the designer can show it on the canvas. Positions and notes do not
// exist in a compiled flow, so moving a node is never a change.
import { z } from 'zod';

/** A value before and after; a missing side means the value did not exist there. */
export const SettingChange = z.strictObject({
  /** Where the value sits, in the data's own names: "seconds", "headers.Accept", "blocks[1].url". */
  path: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type SettingChange = z.infer<typeof SettingChange>;

/** A text the user reads: a message block's text, an input's prompt or retry prompt. */
export const TextChange = z.strictObject({
  path: z.string(),
  before: z.string().optional(),
  after: z.string().optional(),
});
export type TextChange = z.infer<typeof TextChange>;

export const ItemKind = z.enum(['button', 'quickReply', 'card', 'branch', 'variant']);
export type ItemKind = z.infer<typeof ItemKind>;

/**
 * A button, quick reply, card, condition branch or split variant, matched by its id. `before` and
 * `after` are its title (the id for branches and variants, which have none). `fields` lists its
 * other properties that changed (url, phone, type, subtitle, imageUrl, weight, rules, match).
 */
export const ItemChange = z.strictObject({
  kind: ItemKind,
  id: z.string(),
  change: z.enum(['added', 'removed', 'renamed', 'changed']),
  before: z.string().optional(),
  after: z.string().optional(),
  fields: z.array(z.string()),
});
export type ItemChange = z.infer<typeof ItemChange>;

/** An output handle whose target changed; null: not connected on that side. */
export const ConnectionChange = z.strictObject({
  handle: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ConnectionChange = z.infer<typeof ConnectionChange>;

export const NodeChange = z.strictObject({
  nodeId: z.string(),
  /** The step type in the newer flow (in the older one for a removed node). */
  type: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  /** Set when the node kept its id but changed its type. */
  typeBefore: z.string().optional(),
  texts: z.array(TextChange),
  items: z.array(ItemChange),
  connections: z.array(ConnectionChange),
  settings: z.array(SettingChange),
});
export type NodeChange = z.infer<typeof NodeChange>;

export const VariableChange = z.strictObject({
  name: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.strictObject({ type: z.string(), default: z.unknown().optional() }).optional(),
  after: z.strictObject({ type: z.string(), default: z.unknown().optional() }).optional(),
});
export type VariableChange = z.infer<typeof VariableChange>;

export const FlowDiff = z.strictObject({
  /** Node ids in the newer flow only, in its order. */
  added: z.array(z.string()),
  /** Node ids in the older flow only, in its order. */
  removed: z.array(z.string()),
  /** Node ids in both that differ in any way, in the newer flow's order. */
  changed: z.array(z.string()),
  /** Flow-level fields that differ: name, entries, disclosure, defaultLocale, profile, variables. */
  settings: z.array(z.string()),
  /** One entry per added, removed or changed node, in the same order as the lists above. */
  nodes: z.array(NodeChange),
  /**
   * Flow-level values that differ, one per field: "name", "disclosure", "defaultLocale",
   * "entries.getStarted", "entries.keywords", "entries.refs", "entries.default",
   * "profile.greeting", "profile.iceBreakers", "profile.persistentMenu".
   */
  flow: z.array(SettingChange),
  variables: z.array(VariableChange),
});
export type FlowDiff = z.infer<typeof FlowDiff>;

/** Why a session waiting at a node of the older flow would be stranded by the newer one. */
export const StrandedReason = z.enum([
  /** The node is gone. */
  'removed',
  /** The node kept its id but is now another type. */
  'type-changed',
  /** A message whose quick replies were all removed: nothing is asked any more. */
  'no-longer-waits',
  /** Some of a message's quick replies were removed; a user tapping one goes nowhere. */
  'replies-removed',
]);
export type StrandedReason = z.infer<typeof StrandedReason>;

export const StrandedWait = z.strictObject({
  nodeId: z.string(),
  /** The node's type in the older flow. */
  type: z.string(),
  reason: StrandedReason,
  /** For `replies-removed`: the ids of the removed quick replies. */
  replies: z.array(z.string()).optional(),
});
export type StrandedWait = z.infer<typeof StrandedWait>;
