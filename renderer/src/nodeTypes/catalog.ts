// What the designer says about each node type: its name in the UI, group, icon and one-line hint.
// Plain data (no DOM) so the store, the palette and the tests share it.
import type { NodeType } from '../../../flows/schema';
import type { IconName } from '../Icon/paths';

export const NODE_GROUPS = ['Send', 'Ask', 'Logic', 'Actions', 'Flow'] as const;
export type NodeGroup = (typeof NODE_GROUPS)[number];

export interface NodeTypeInfo {
  type: NodeType;
  label: string;
  group: NodeGroup;
  icon: IconName;
  hint: string;
}

export const NODE_CATALOG = {
  message: {
    type: 'message',
    label: 'Message',
    group: 'Send',
    icon: 'message',
    hint: 'Text, media, cards, buttons, quick replies',
  },
  input: {
    type: 'input',
    label: 'Question',
    group: 'Ask',
    icon: 'question',
    hint: 'Ask for an answer and save it in a variable',
  },
  condition: {
    type: 'condition',
    label: 'Condition',
    group: 'Logic',
    icon: 'condition',
    hint: 'Branch on variables and tags',
  },
  split: {
    type: 'split',
    label: 'Split',
    group: 'Logic',
    icon: 'split',
    hint: 'A/B test: pick a path by weight',
  },
  delay: {
    type: 'delay',
    label: 'Delay',
    group: 'Logic',
    icon: 'delay',
    hint: 'Wait, then go on by itself',
  },
  action: {
    type: 'action',
    label: 'Action',
    group: 'Actions',
    icon: 'action',
    hint: 'Set variables, add or remove tags',
  },
  http: {
    type: 'http',
    label: 'HTTP request',
    group: 'Actions',
    icon: 'http',
    hint: 'Call an API and save parts of the answer',
  },
  handover: {
    type: 'handover',
    label: 'Handover',
    group: 'Actions',
    icon: 'handover',
    hint: 'Pass the chat to a person in the Page Inbox',
  },
  trigger: {
    type: 'trigger',
    label: 'Trigger',
    group: 'Flow',
    icon: 'trigger',
    hint: 'Where a conversation starts: Get Started, keyword, link',
  },
  goto: {
    type: 'goto',
    label: 'Go to',
    group: 'Flow',
    icon: 'goto',
    hint: 'Jump to another node',
  },
  end: {
    type: 'end',
    label: 'End',
    group: 'Flow',
    icon: 'end',
    hint: 'Stop the conversation here',
  },
  note: {
    type: 'note',
    label: 'Note',
    group: 'Flow',
    icon: 'note',
    hint: 'A comment on the canvas, never sent',
  },
} as const satisfies Record<NodeType, NodeTypeInfo>;

export const PALETTE_ORDER: readonly NodeType[] = [
  'message',
  'input',
  'condition',
  'split',
  'delay',
  'action',
  'http',
  'handover',
  'trigger',
  'goto',
  'end',
  'note',
];
