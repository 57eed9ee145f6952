// The flow document (docs/format.md §1): the one source of its TypeScript types.
// Objects are strict so that a typo in a hand-edited file is reported, not silently dropped.
import { z } from 'zod';

export const FLOW_FORMAT = 'threadline.flow' as const;
export const FLOW_VERSION = 1 as const;

export const Id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id of 1 to 64 letters, digits, "_" or "-"');
export const FlowId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a flow id of lowercase letters, digits and "-" (1 to 64)');

export const VariableType = z.enum(['text', 'number', 'boolean', 'email', 'phone', 'date', 'url']);
export type VariableType = z.infer<typeof VariableType>;

export const Variable = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'a variable name (letters, digits, "_")'),
  type: VariableType,
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
});
export type Variable = z.infer<typeof Variable>;

export const Position = z.strictObject({ x: z.number(), y: z.number() });

export const PostbackButton = z.strictObject({
  id: Id,
  type: z.literal('postback'),
  title: z.string(),
});
export const UrlButton = z.strictObject({
  id: Id,
  type: z.literal('url'),
  title: z.string(),
  url: z.string(),
});
export const CallButton = z.strictObject({
  id: Id,
  type: z.literal('call'),
  title: z.string(),
  phone: z.string(),
});
export const Button = z.discriminatedUnion('type', [PostbackButton, UrlButton, CallButton]);
export type Button = z.infer<typeof Button>;

export const QuickReply = z.strictObject({
  id: Id,
  title: z.string(),
  imageUrl: z.string().optional(),
});
export type QuickReply = z.infer<typeof QuickReply>;

export const Card = z.strictObject({
  id: Id,
  title: z.string(),
  subtitle: z.string().optional(),
  imageUrl: z.string().optional(),
  url: z.string().optional(),
  buttons: z.array(Button).optional(),
});
export type Card = z.infer<typeof Card>;

export const TextBlock = z.strictObject({
  type: z.literal('text'),
  text: z.string(),
  buttons: z.array(Button).optional(),
});
export const MediaBlock = z.strictObject({
  type: z.enum(['image', 'video', 'audio', 'file']),
  url: z.string(),
});
export const CardsBlock = z.strictObject({
  type: z.literal('cards'),
  cards: z.array(Card),
});
export const TypingBlock = z.strictObject({
  type: z.literal('typing'),
  seconds: z.number().min(0),
});
export const Block = z.union([TextBlock, MediaBlock, CardsBlock, TypingBlock]);
export type Block = z.infer<typeof Block>;
export type TextBlock = z.infer<typeof TextBlock>;
export type MediaBlock = z.infer<typeof MediaBlock>;
export type CardsBlock = z.infer<typeof CardsBlock>;
export type TypingBlock = z.infer<typeof TypingBlock>;

export const VariableOp = z.enum([
  'eq',
  'neq',
  'contains',
  'gt',
  'gte',
  'lt',
  'lte',
  'set',
  'unset',
  'matches',
]);
export type VariableOp = z.infer<typeof VariableOp>;
export const VariableRule = z.strictObject({
  variable: z.string(),
  op: VariableOp,
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
});
export const TagRule = z.strictObject({
  op: z.enum(['has_tag', 'lacks_tag']),
  value: z.string(),
});
export const Rule = z.union([VariableRule, TagRule]);
export type Rule = z.infer<typeof Rule>;
export type VariableRule = z.infer<typeof VariableRule>;
export type TagRule = z.infer<typeof TagRule>;

export const Branch = z.strictObject({
  id: Id,
  match: z.enum(['all', 'any']),
  rules: z.array(Rule),
});
export type Branch = z.infer<typeof Branch>;

export const Action = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('set'), variable: z.string(), value: z.string() }),
  z.strictObject({ type: z.literal('clear'), variable: z.string() }),
  z.strictObject({ type: z.literal('increment'), variable: z.string(), by: z.number() }),
  z.strictObject({ type: z.literal('add_tag'), tag: z.string() }),
  z.strictObject({ type: z.literal('remove_tag'), tag: z.string() }),
]);
export type Action = z.infer<typeof Action>;

export const InputKind = z.enum([
  'text',
  'number',
  'email',
  'phone',
  'date',
  'url',
  'image',
  'attachment',
]);
export type InputKind = z.infer<typeof InputKind>;

export const TriggerData = z.strictObject({
  kind: z.enum(['get_started', 'keyword', 'ref', 'default', 'comment']),
  /** `keyword`: the words; `comment`: words the comment must hold (none: any comment). */
  keywords: z.array(z.string()).optional(),
  match: z.enum(['exact', 'contains']).optional(),
  ref: z.string().optional(),
  /** `comment`: the one post whose comments start here; absent: any post of the Page. */
  postId: z.string().optional(),
});
export const MessageData = z.strictObject({
  blocks: z.array(Block),
  quickReplies: z.array(QuickReply).optional(),
});
export const InputData = z.strictObject({
  prompt: z.string(),
  kind: InputKind,
  variable: z.string(),
  retryPrompt: z.string().optional(),
  maxRetries: z.number().int().min(0).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  pattern: z.string().optional(),
  suggestions: z.array(z.string()).optional(),
});
export const ConditionData = z.strictObject({ branches: z.array(Branch) });
export const ActionData = z.strictObject({ actions: z.array(Action) });
export const HttpData = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  url: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
  timeoutMs: z.number().int().positive().optional(),
  save: z.array(z.strictObject({ variable: z.string(), path: z.string() })).optional(),
});
export const DelayData = z.strictObject({ seconds: z.number().min(0) });
export const SplitData = z.strictObject({
  variants: z.array(z.strictObject({ id: Id, weight: z.number().min(0) })),
});
export const GotoData = z.strictObject({ target: z.string() });
export const HandoverData = z.strictObject({ note: z.string().optional() });
export const EndData = z.strictObject({});
export const NoteData = z.strictObject({ text: z.string(), color: z.string().optional() });

/**
 * A node's own name (optional, so files without names stay version 1): the designer shows it
 * wherever the node is listed instead of its id; `nodeDisplayName` falls back to a summary.
 */
export const NodeName = z.string().max(80);

const node = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({
    id: Id,
    type: z.literal(type),
    name: NodeName.optional(),
    position: Position,
    data,
  });

export const TriggerNode = node('trigger', TriggerData);
export const MessageNode = node('message', MessageData);
export const InputNode = node('input', InputData);
export const ConditionNode = node('condition', ConditionData);
export const ActionNode = node('action', ActionData);
export const HttpNode = node('http', HttpData);
export const DelayNode = node('delay', DelayData);
export const SplitNode = node('split', SplitData);
export const GotoNode = node('goto', GotoData);
export const HandoverNode = node('handover', HandoverData);
export const EndNode = node('end', EndData);
export const NoteNode = node('note', NoteData);

/**
 * The node types that run: each becomes a step of the compiled flow (compiled.ts derives the
 * step schemas from this list). A new node type goes here, or in CANVAS_NODES when it only
 * lives on the canvas; docs/adding-a-node-type.md lists the rest.
 */
export const STEP_NODES = [
  TriggerNode,
  MessageNode,
  InputNode,
  ConditionNode,
  ActionNode,
  HttpNode,
  DelayNode,
  SplitNode,
  GotoNode,
  HandoverNode,
  EndNode,
] as const;
/** The node types that only the canvas shows: the compiler drops them. */
export const CANVAS_NODES = [NoteNode] as const;

export const FlowNode = z.discriminatedUnion('type', [...STEP_NODES, ...CANVAS_NODES]);
export type FlowNode = z.infer<typeof FlowNode>;
export type NodeType = FlowNode['type'];
export type NodeOfType<T extends NodeType> = Extract<FlowNode, { type: T }>;
export type NodeData<T extends NodeType> = NodeOfType<T>['data'];
/** Every node type, in schema order; derived, so a new type can never be missing. */
export const NODE_TYPES: readonly NodeType[] = FlowNode.options.map((n) => n.shape.type.value);

export const Edge = z.strictObject({
  id: Id,
  source: z.string(),
  sourceHandle: z.string(),
  target: z.string(),
});
export type Edge = z.infer<typeof Edge>;

export const ProfileTarget = z.strictObject({ title: z.string(), target: z.string() });
export const ProfileUrl = z.strictObject({ title: z.string(), url: z.string() });
export const Profile = z.strictObject({
  greeting: z.array(z.strictObject({ locale: z.string(), text: z.string() })).optional(),
  iceBreakers: z.array(z.strictObject({ question: z.string(), target: z.string() })).optional(),
  persistentMenu: z.array(z.union([ProfileTarget, ProfileUrl])).optional(),
});
export type Profile = z.infer<typeof Profile>;

/**
 * A flow's default locale, a BCP 47 tag with a country ("de-DE"): phone answers without a country
 * code are read as numbers of that country when the user's own locale names none.
 */
export const DefaultLocale = z
  .string()
  .regex(/^[a-z]{2,3}-[A-Z]{2}$/, 'a language tag with a country, like "de-DE" or "en-US"');

export const FlowDocument = z.strictObject({
  format: z.literal(FLOW_FORMAT),
  version: z.literal(FLOW_VERSION),
  id: FlowId,
  name: z.string(),
  variables: z.array(Variable),
  disclosure: z.string().optional(),
  defaultLocale: DefaultLocale.optional(),
  profile: Profile.optional(),
  nodes: z.array(FlowNode),
  edges: z.array(Edge),
});
export type FlowDocument = z.infer<typeof FlowDocument>;

/** Built-in read-only variables every template may use (docs/format.md §1). */
export const BUILTIN_VARIABLES = [
  'user_first_name',
  'user_last_name',
  'user_locale',
  'user_id',
  'last_input',
  'now',
] as const;
export type BuiltinVariable = (typeof BUILTIN_VARIABLES)[number];

export function isBuiltinVariable(name: string): name is BuiltinVariable {
  return (BUILTIN_VARIABLES as readonly string[]).includes(name);
}

/** The output handles a node offers, in display order (docs/format.md §1, node table). */
export function outputHandles(node: FlowNode): string[] {
  switch (node.type) {
    case 'trigger':
      return ['out'];
    case 'message': {
      // A message with quick replies waits for the answer, so it has no `next`.
      const handles = node.data.quickReplies?.length ? [] : ['next'];
      for (const block of node.data.blocks) {
        if (block.type === 'text') handles.push(...postbackHandles(block.buttons));
        if (block.type === 'cards')
          for (const card of block.cards) handles.push(...postbackHandles(card.buttons));
      }
      for (const reply of node.data.quickReplies ?? []) handles.push(`reply:${reply.id}`);
      if (node.data.quickReplies?.length) handles.push('other');
      return handles;
    }
    case 'input':
      return ['ok', 'invalid'];
    case 'condition':
      return [...node.data.branches.map((b) => `branch:${b.id}`), 'else'];
    case 'action':
      return ['next'];
    case 'http':
      return ['ok', 'error'];
    case 'delay':
      return ['next'];
    case 'split':
      return node.data.variants.map((v) => `variant:${v.id}`);
    case 'handover':
      return ['returned'];
    case 'goto':
    case 'end':
    case 'note':
      return [];
    default:
      return assertNever(node);
  }
}

function postbackHandles(buttons: Button[] | undefined): string[] {
  return (buttons ?? []).filter((b) => b.type === 'postback').map((b) => `button:${b.id}`);
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
