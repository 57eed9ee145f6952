// The compiled flow (FORMAT §3): what `compile` writes, what the runtime accepts on publish and
// what the engine runs. Steps keep the document's node data unchanged so that one set of types
// serves the designer, the linter and the engine; positions and notes are gone and edges are
// resolved into each step's `outputs` (handle name -> target step id).
import { z } from 'zod';
import {
  ActionData,
  ConditionData,
  DelayData,
  EndData,
  FlowId,
  GotoData,
  HandoverData,
  HttpData,
  Id,
  InputData,
  MessageData,
  Profile,
  SplitData,
  TriggerData,
  Variable,
} from './document';

export const COMPILED_FORMAT = 'threadline.compiled' as const;
export const COMPILED_VERSION = 1 as const;

const Outputs = z.record(z.string(), Id);

const step = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ id: Id, type: z.literal(type), data, outputs: Outputs });

export const CompiledStep = z.discriminatedUnion('type', [
  step('trigger', TriggerData),
  step('message', MessageData),
  step('input', InputData),
  step('condition', ConditionData),
  step('action', ActionData),
  step('http', HttpData),
  step('delay', DelayData),
  step('split', SplitData),
  step('goto', GotoData),
  step('handover', HandoverData),
  step('end', EndData),
]);
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
  profile: Profile.optional(),
  variables: z.array(Variable),
  /** In document order: keyword priority and the linter's messages follow it. */
  steps: z.array(CompiledStep),
});
export type CompiledFlow = z.infer<typeof CompiledFlow>;
