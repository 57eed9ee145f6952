// What the designer says about each node type, one entry per type: its name in the UI, palette
// group, icon and hint, its starting content and its size estimate. The record is typed
// `{ [T in NodeType]: ... }`, so a new node type without an entry fails to compile. The node
// components and inspector forms read their labels and icons here; catalog.ts adds those
// components and forms to each entry (it imports them, so they must not import it back).
import type { NodeData, NodeOfType, NodeType } from '../../../flows/schema';
import type { IconName } from '../Icon/paths';
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

export interface NodeTypeDescription<T extends NodeType = NodeType> {
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
}

export const NODE_INFO: { [T in NodeType]: NodeTypeDescription<T> } = {
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
  },
  input: {
    type: 'input',
    label: 'Question',
    group: 'Ask',
    icon: 'question',
    hint: 'Ask for an answer and save it in a variable',
    create: () => ({ prompt: '', kind: 'text', variable: '' }),
    bodyHeight: (node, size) => size.text(node.data.prompt) + 30,
  },
  condition: {
    type: 'condition',
    label: 'Condition',
    group: 'Logic',
    icon: 'condition',
    hint: 'Branch on variables and tags',
    create: () => ({ branches: [{ id: freshId('b'), match: 'all', rules: [] }] }),
    bodyHeight: () => 0,
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
  },
  delay: {
    type: 'delay',
    label: 'Delay',
    group: 'Logic',
    icon: 'delay',
    hint: 'Wait, then go on by itself',
    create: () => ({ seconds: 3600 }),
    bodyHeight: () => 0,
  },
  action: {
    type: 'action',
    label: 'Action',
    group: 'Actions',
    icon: 'action',
    hint: 'Set variables, add or remove tags',
    create: () => ({ actions: [] }),
    bodyHeight: (node, size) => node.data.actions.length * size.line + 10,
  },
  http: {
    type: 'http',
    label: 'HTTP request',
    group: 'Actions',
    icon: 'http',
    hint: 'Call an API and save parts of the answer',
    create: () => ({ method: 'GET', url: 'https://' }),
    bodyHeight: (node, size) => 40 + (node.data.save?.length ?? 0) * size.line,
  },
  handover: {
    type: 'handover',
    label: 'Handover',
    group: 'Actions',
    icon: 'handover',
    hint: 'Pass the chat to a person in the Page Inbox',
    create: () => ({}),
    bodyHeight: () => 28,
  },
  trigger: {
    type: 'trigger',
    label: 'Trigger',
    group: 'Flow',
    icon: 'trigger',
    hint: 'Where a conversation starts: Get Started, keyword, link',
    create: () => ({ kind: 'keyword', keywords: ['hello'], match: 'exact' }),
    bodyHeight: () => 28,
  },
  goto: {
    type: 'goto',
    label: 'Go to',
    group: 'Flow',
    icon: 'goto',
    hint: 'Jump to another node',
    create: () => ({ target: '' }),
    bodyHeight: () => 0,
  },
  end: {
    type: 'end',
    label: 'End',
    group: 'Flow',
    icon: 'end',
    hint: 'Stop the conversation here',
    create: () => ({}),
    bodyHeight: () => 0,
  },
  note: {
    type: 'note',
    label: 'Note',
    group: 'Flow',
    icon: 'note',
    hint: 'A comment on the canvas, never sent',
    create: () => ({ text: '' }),
    bodyHeight: (node, size) => size.text(node.data.text, 8),
  },
};
