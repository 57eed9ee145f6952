// The designer's parts of each node type, one entry per type: its name in the UI, palette group,
// icon and hint, its starting content, its size estimate, its canvas component and its inspector
// form. The record is typed `{ [T in NodeType]: ... }`, so a new node type without an entry here
// fails to compile; the palette lists the entries in their order here. The pure parts of a type
// (handles, lint, compile) are in flows/nodeTypes.ts; docs/adding-a-node-type.md has the whole list.
// The descriptive parts (label, group, icon, hint, content, size) are in info.ts, which the
// components and forms import for labels and icons; only this module imports the components and
// forms, so there is no import cycle.
import type { NodeProps } from '@xyflow/react';
import type { ComponentType } from 'react';
import type { NodeOfType, NodeType } from '../../../flows/schema';
import { ActionForm } from '../Inspector/forms/ActionForm';
import { ConditionForm } from '../Inspector/forms/ConditionForm';
import { DelayForm } from '../Inspector/forms/DelayForm';
import { EndForm } from '../Inspector/forms/EndForm';
import { GotoForm } from '../Inspector/forms/GotoForm';
import { HandoverForm } from '../Inspector/forms/HandoverForm';
import { HttpForm } from '../Inspector/forms/HttpForm';
import { MessageForm } from '../Inspector/forms/MessageForm';
import { NoteForm } from '../Inspector/forms/NoteForm';
import { QuestionForm } from '../Inspector/forms/QuestionForm';
import { SplitForm } from '../Inspector/forms/SplitForm';
import { TriggerForm } from '../Inspector/forms/TriggerForm';
import { ActionNode } from '../nodes/ActionNode';
import { ConditionNode } from '../nodes/ConditionNode';
import { DelayNode } from '../nodes/DelayNode';
import { EndNode } from '../nodes/EndNode';
import { GotoNode } from '../nodes/GotoNode';
import { HandoverNode } from '../nodes/HandoverNode';
import { HttpNode } from '../nodes/HttpNode';
import { MessageNode } from '../nodes/MessageNode';
import { NoteNode } from '../nodes/NoteNode';
import { QuestionNode } from '../nodes/QuestionNode';
import { SplitNode } from '../nodes/SplitNode';
import { TriggerNode } from '../nodes/TriggerNode';
import { NODE_INFO, type NodeTypeDescription } from './info';

export { NODE_GROUPS, type BodySize, type NodeGroup } from './info';

export interface NodeTypeInfo<T extends NodeType = NodeType> extends NodeTypeDescription<T> {
  /** Its component on the canvas (React Flow's node type). */
  component: ComponentType<NodeProps>;
  /** Its form in the inspector. */
  form: ComponentType<{ node: NodeOfType<T> }>;
}

export const NODE_CATALOG: { [T in NodeType]: NodeTypeInfo<T> } = {
  message: { ...NODE_INFO.message, component: MessageNode, form: MessageForm },
  input: { ...NODE_INFO.input, component: QuestionNode, form: QuestionForm },
  condition: { ...NODE_INFO.condition, component: ConditionNode, form: ConditionForm },
  split: { ...NODE_INFO.split, component: SplitNode, form: SplitForm },
  delay: { ...NODE_INFO.delay, component: DelayNode, form: DelayForm },
  action: { ...NODE_INFO.action, component: ActionNode, form: ActionForm },
  http: { ...NODE_INFO.http, component: HttpNode, form: HttpForm },
  handover: { ...NODE_INFO.handover, component: HandoverNode, form: HandoverForm },
  trigger: { ...NODE_INFO.trigger, component: TriggerNode, form: TriggerForm },
  goto: { ...NODE_INFO.goto, component: GotoNode, form: GotoForm },
  end: { ...NODE_INFO.end, component: EndNode, form: EndForm },
  note: { ...NODE_INFO.note, component: NoteNode, form: NoteForm },
};

/** The palette's order: the order of the entries above. */
export const PALETTE_ORDER = Object.keys(NODE_CATALOG) as readonly NodeType[];
