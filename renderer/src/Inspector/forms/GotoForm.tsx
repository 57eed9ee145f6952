import type { NodeOfType } from '../../../../flows/schema';
import { useDesigner } from '../../hooks/useDesigner';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { NODE_CATALOG } from '../../nodeTypes/catalog';
import { Field } from '../fields/Field';

export function GotoForm({ node }: { node: NodeOfType<'goto'> }) {
  const update = useUpdateNodeData(node.id, 'goto');
  const nodes = useDesigner((s) => s.doc.nodes);
  const order = useDesigner((s) => s.doc.nodeOrder);
  return (
    <Field label="Jump to" field="data.target">
      {(id) => (
        <select
          id={id}
          data-field="data.target"
          value={node.data.target}
          onChange={(e) => update(() => ({ target: e.target.value }))}
        >
          <option value="">Choose a node…</option>
          {order
            .filter((n) => n !== node.id && nodes[n]?.type !== 'note')
            .map((n) => (
              <option key={n} value={n}>
                {NODE_CATALOG[nodes[n]!.type].label}: {n}
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}
