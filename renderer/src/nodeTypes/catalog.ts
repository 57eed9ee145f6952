// The designer's parts of each node type, one entry per type: its name in the UI, palette group,
// icon and hint, its starting content, its size estimate, its canvas component and its inspector
// form. The record is typed `{ [T in NodeType]: ... }`, so a new node type without an entry here
// fails to compile; the palette lists the entries in their order here. The pure parts of a type
// (handles, lint, compile) are in flows/nodeTypes.ts; docs/adding-a-node-type.md has the whole list.
//
// Only this module imports the node components and forms. They import it back (for labels and
// icons), which is safe because this module is always loaded first; importing one of them from
// elsewhere could meet this module half loaded.
import type { NodeProps } from '@xyflow/react';
import type { ComponentType } from 'react';
import type { NodeData, NodeOfType, NodeType } from '../../../flows/schema';
import type { IconName } from '../Icon/paths';
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
import { freshId } from '../store/ids';

export const NODE_GROUPS = ['Send', 'Ask', 'Logic', 'Actions', 'Flow'] as const;
export type NodeGroup = (typeof NODE_GROUPS)[number];

/** Measures for estimating a node's body (layout/estimateSize.ts). */
export interface BodySize {
  /** The height of one line of text. */
  line: number;
  /** The height of a wrapped text of at most `maxLines` lines (4 unless given). */
  text(text: string, maxLines?: number): number;
}

export interface NodeTypeInfo<T extends NodeType = NodeType> {
  type: T;
  label: string;
  group: NodeGroup;
  icon: IconName;
  hint: string;
  /** The data of a new node, as dropped from the palette. */
  create(): NodeData<T>;
  /**
   * The height of the node's body before it was ever drawn, between its header and its output
   * rows (auto-layout and the handle estimate need it; see layout/estimateSize.ts).
   */
  bodyHeight(node: NodeOfType<T>, size: BodySize): number;
  /** Its component on the canvas (React Flow's node type). */
  component: ComponentType<NodeProps>;
  /** Its form in the inspector. */
  form: ComponentType<{ node: NodeOfType<T> }>;
}

export const NODE_CATALOG: { [T in NodeType]: NodeTypeInfo<T> } = {
  message: {
    type: 'message',
    label: 'Message',
    group: 'Send',
    icon: 'message',
    hint: 'Text, media, cards, buttons, quick replies',
    create: () => ({ blocks: [{ type: 'text', text: '' }] }),
    bodyHeight: (node, size) =>
      node.data.blocks.reduce((sum, block) => {
        if (block.type === 'text')
          return sum + size.text(block.text) + (block.buttons?.length ? 26 : 0) + 6;
        if (block.type === 'cards') return sum + 30;
        if (block.type === 'typing') return sum + 22;
        return sum + size.line * 2 + 6;
      }, 8),
    component: MessageNode,
    form: MessageForm,
  },
  input: {
    type: 'input',
    label: 'Question',
    group: 'Ask',
    icon: 'question',
    hint: 'Ask for an answer and save it in a variable',
    create: () => ({ prompt: '', kind: 'text', variable: '' }),
    bodyHeight: (node, size) => size.text(node.data.prompt) + 30,
    component: QuestionNode,
    form: QuestionForm,
  },
  condition: {
    type: 'condition',
    label: 'Condition',
    group: 'Logic',
    icon: 'condition',
    hint: 'Branch on variables and tags',
    create: () => ({ branches: [{ id: freshId('b'), match: 'all', rules: [] }] }),
    bodyHeight: () => 0,
    component: ConditionNode,
    form: ConditionForm,
  },
  split: {
    type: 'split',
    label: 'Split',
    group: 'Logic',
    icon: 'split',
    hint: 'A/B test: pick a path by weight',
    create: () => ({
      variants: [
        { id: 'a', weight: 50 },
        { id: 'b', weight: 50 },
      ],
    }),
    bodyHeight: () => 0,
    component: SplitNode,
    form: SplitForm,
  },
  delay: {
    type: 'delay',
    label: 'Delay',
    group: 'Logic',
    icon: 'delay',
    hint: 'Wait, then go on by itself',
    create: () => ({ seconds: 3600 }),
    bodyHeight: () => 0,
    component: DelayNode,
    form: DelayForm,
  },
  action: {
    type: 'action',
    label: 'Action',
    group: 'Actions',
    icon: 'action',
    hint: 'Set variables, add or remove tags',
    create: () => ({ actions: [] }),
    bodyHeight: (node, size) => node.data.actions.length * size.line + 10,
    component: ActionNode,
    form: ActionForm,
  },
  http: {
    type: 'http',
    label: 'HTTP request',
    group: 'Actions',
    icon: 'http',
    hint: 'Call an API and save parts of the answer',
    create: () => ({ method: 'GET', url: 'https://' }),
    bodyHeight: (node, size) => 40 + (node.data.save?.length ?? 0) * size.line,
    component: HttpNode,
    form: HttpForm,
  },
  handover: {
    type: 'handover',
    label: 'Handover',
    group: 'Actions',
    icon: 'handover',
    hint: 'Pass the chat to a person in the Page Inbox',
    create: () => ({}),
    bodyHeight: () => 28,
    component: HandoverNode,
    form: HandoverForm,
  },
  trigger: {
    type: 'trigger',
    label: 'Trigger',
    group: 'Flow',
    icon: 'trigger',
    hint: 'Where a conversation starts: Get Started, keyword, link',
    create: () => ({ kind: 'keyword', keywords: ['hello'], match: 'exact' }),
    bodyHeight: () => 28,
    component: TriggerNode,
    form: TriggerForm,
  },
  goto: {
    type: 'goto',
    label: 'Go to',
    group: 'Flow',
    icon: 'goto',
    hint: 'Jump to another node',
    create: () => ({ target: '' }),
    bodyHeight: () => 0,
    component: GotoNode,
    form: GotoForm,
  },
  end: {
    type: 'end',
    label: 'End',
    group: 'Flow',
    icon: 'end',
    hint: 'Stop the conversation here',
    create: () => ({}),
    bodyHeight: () => 0,
    component: EndNode,
    form: EndForm,
  },
  note: {
    type: 'note',
    label: 'Note',
    group: 'Flow',
    icon: 'note',
    hint: 'A comment on the canvas, never sent',
    create: () => ({ text: '' }),
    bodyHeight: (node, size) => size.text(node.data.text, 8),
    component: NoteNode,
    form: NoteForm,
  },
};

/** The palette's order: the order of the entries above. */
export const PALETTE_ORDER = Object.keys(NODE_CATALOG) as readonly NodeType[];
