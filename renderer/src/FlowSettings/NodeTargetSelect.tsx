import { useDesigner } from '../hooks/useDesigner';
import { Field } from '../Inspector/fields/Field';
import { NODE_CATALOG } from '../nodeTypes/catalog';

interface Props {
  label: string;
  field: string;
  value: string;
  onChange(value: string): void;
}

/** Picks a node of the flow by id (for ice breakers and the persistent menu). */
export function NodeTargetSelect({ label, field, value, onChange }: Props) {
  const nodes = useDesigner((s) => s.doc.nodes);
  const order = useDesigner((s) => s.doc.nodeOrder);
  return (
    <Field label={label} field={field}>
      {(id) => (
        <select id={id} data-field={field} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose a node…</option>
          {order
            .filter((n) => nodes[n]?.type !== 'note')
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
