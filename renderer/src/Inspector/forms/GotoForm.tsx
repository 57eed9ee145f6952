import type { NodeOfType } from '../../../../flows/schema';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { NodeTargetSelect } from '../fields/NodeTargetSelect';

export function GotoForm({ node }: { node: NodeOfType<'goto'> }) {
  const update = useUpdateNodeData(node.id, 'goto');
  return (
    <NodeTargetSelect
      label="Jump to"
      field="data.target"
      value={node.data.target}
      exclude={node.id}
      onChange={(target) => update(() => ({ target }))}
    />
  );
}
