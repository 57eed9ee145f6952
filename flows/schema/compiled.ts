// The compiled flow (docs/format.md §3): what `compile` writes, what the runtime accepts on publish and
// what the engine runs. Steps keep the document's node data unchanged so that one set of types
// serves the designer, the linter and the engine; positions and notes are gone and edges are
// resolved into each step's `outputs` (handle name -> target step id).
import { z } from 'zod';
import { DefaultLocale, FlowId, Id, Profile, STEP_NODES, Variable } from './document';

export const COMPILED_FORMAT = 'threadline.compiled' as const;
export const COMPILED_VERSION = 1 as const;

const Outputs = z.record(z.string(), Id);

type StepNode = (typeof STEP_NODES)[number];
type StepSchema<N extends StepNode> = z.ZodObject<
  { id: typeof Id; type: N['shape']['type']; data: N['shape']['data']; outputs: typeof Outputs },
  z.core.$strict
>;
type StepSchemas<T extends readonly StepNode[]> = {
  [K in keyof T]: T[K] extends StepNode ? StepSchema<T[K]> : never;
};

/** A node type's step: the node's type and data, with edges resolved into `outputs`. */
const step = (node: StepNode) =>
  z.strictObject({ id: Id, type: node.shape.type, data: node.shape.data, outputs: Outputs });

/** One step schema per node type that runs, in STEP_NODES order (the note is not a step). */
const STEPS = STEP_NODES.map(step) as unknown as StepSchemas<typeof STEP_NODES>;

export const CompiledStep = z.discriminatedUnion('type', STEPS);
export type CompiledStep = z.infer<typeof CompiledStep>;
export type StepType = CompiledStep['type'];
export type StepOfType<T extends StepType> = Extract<CompiledStep, { type: T }>;

/** Where each kind of incoming event starts; every value is a step id (a trigger step). */
export const Entries = z.strictObject({
  getStarted: Id.optional(),
  keywords: z.array(
    z.strictObject({
      keywords: z.array(z.string()),
      match: z.enum(['exact', 'contains']),
      target: Id,
    }),
  ),
  refs: z.array(z.strictObject({ ref: z.string(), target: Id })),
  default: Id.optional(),
  /**
   * Comment triggers in document order (docs/events.md "Comments"): a comment on `postId` (any
   * post without one) holding one of `keywords` (any comment without them). Absent when the flow
   * has none, so flows without comment triggers keep their revision.
   */
  comments: z
    .array(
      z.strictObject({
        postId: z.string().optional(),
        keywords: z.array(z.string()),
        match: z.enum(['exact', 'contains']),
        target: Id,
      }),
    )
    .optional(),
});
export type Entries = z.infer<typeof Entries>;

export const CompiledFlow = z.strictObject({
  format: z.literal(COMPILED_FORMAT),
  version: z.literal(COMPILED_VERSION),
  flowId: FlowId,
  name: z.string(),
  /** sha256 (hex) of the canonical JSON of this object without `revision`. */
  revision: z.string().regex(/^[a-f0-9]{64}$/),
  entries: Entries,
  disclosure: z.string().optional(),
  /** The document's `defaultLocale`: the country of phone answers without a country code. */
  defaultLocale: DefaultLocale.optional(),
  profile: Profile.optional(),
  variables: z.array(Variable),
  /** In document order: keyword priority and the linter's messages follow it. */
  steps: z.array(CompiledStep),
});
export type CompiledFlow = z.infer<typeof CompiledFlow>;
