import { memo } from 'react';
import type { FlowNode } from '../../../flows/schema';
import { assertNever } from '../../../flows/schema';
import { ActionForm } from './forms/ActionForm';
import { ConditionForm } from './forms/ConditionForm';
import { DelayForm } from './forms/DelayForm';
import { GotoForm } from './forms/GotoForm';
import { HttpForm } from './forms/HttpForm';
import { MessageForm } from './forms/MessageForm';
import { QuestionForm } from './forms/QuestionForm';
import { EndForm } from './forms/EndForm';
import { HandoverForm } from './forms/HandoverForm';
import { NoteForm } from './forms/NoteForm';
import { TriggerForm } from './forms/TriggerForm';
import { SplitForm } from './forms/SplitForm';

function NodeFormFor({ node }: { node: FlowNode }) {
  switch (node.type) {
    case 'message':
      return <MessageForm node={node} />;
    case 'input':
      return <QuestionForm node={node} />;
    case 'condition':
      return <ConditionForm node={node} />;
    case 'action':
      return <ActionForm node={node} />;
    case 'http':
      return <HttpForm node={node} />;
    case 'delay':
      return <DelayForm node={node} />;
    case 'split':
      return <SplitForm node={node} />;
    case 'goto':
      return <GotoForm node={node} />;
    case 'handover':
      return <HandoverForm node={node} />;
    case 'end':
      return <EndForm />;
    case 'note':
      return <NoteForm node={node} />;
    case 'trigger':
      return <TriggerForm node={node} />;
    default:
      return assertNever(node);
  }
}

/** Re-renders only when the node's content changes: dragging the node leaves its form alone. */
export const NodeForm = memo(
  NodeFormFor,
  (before, after) => before.node.data === after.node.data && before.node.id === after.node.id,
);
