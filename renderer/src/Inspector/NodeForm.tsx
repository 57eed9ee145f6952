import { memo, type ComponentType } from 'react';
import type { FlowNode } from '../../../flows/schema';
import { NODE_CATALOG } from '../nodeTypes/catalog';

function NodeFormFor({ node }: { node: FlowNode }) {
  // Each type's `form` in the catalog takes a node of that type.
  const Form = NODE_CATALOG[node.type].form as ComponentType<{ node: FlowNode }>;
  return <Form node={node} />;
}

/** Re-renders only when the node's content changes: dragging the node leaves its form alone. */
export const NodeForm = memo(
  NodeFormFor,
  (before, after) => before.node.data === after.node.data && before.node.id === after.node.id,
);
