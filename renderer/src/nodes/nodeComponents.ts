// React Flow's nodeTypes: one component per node type of FORMAT §1. A constant, so React Flow
// never sees a new object.
import type { NodeTypes } from '@xyflow/react';
import type { NodeType } from '../../../flows/schema';
import { ActionNode } from './ActionNode';
import { ConditionNode } from './ConditionNode';
import { DelayNode } from './DelayNode';
import { EndNode } from './EndNode';
import { GotoNode } from './GotoNode';
import { HandoverNode } from './HandoverNode';
import { HttpNode } from './HttpNode';
import { MessageNode } from './MessageNode';
import { NoteNode } from './NoteNode';
import { QuestionNode } from './QuestionNode';
import { SplitNode } from './SplitNode';
import { TriggerNode } from './TriggerNode';

export const NODE_COMPONENTS = {
  trigger: TriggerNode,
  message: MessageNode,
  input: QuestionNode,
  condition: ConditionNode,
  action: ActionNode,
  http: HttpNode,
  delay: DelayNode,
  split: SplitNode,
  goto: GotoNode,
  handover: HandoverNode,
  end: EndNode,
  note: NoteNode,
} as const satisfies Record<NodeType, NodeTypes[string]>;
