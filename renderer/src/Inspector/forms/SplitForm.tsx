import type { NodeOfType } from '../../../../flows/schema';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { freshId } from '../../store/ids';
import { ListEditor } from '../fields/ListEditor';
import { NumberInput } from '../fields/NumberInput';

export function SplitForm({ node }: { node: NodeOfType<'split'> }) {
  const update = useUpdateNodeData(node.id, 'split');
  const variants = node.data.variants;
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  return (
    <ListEditor
      label="Variants"
      items={variants}
      onChange={(next) => update(() => ({ variants: next }))}
      create={() => ({ id: freshId('v'), weight: 1 })}
      addLabel="Add variant"
      render={(variant, i) => (
        <NumberInput
          label={`Weight of ${variant.id} (${total ? Math.round((variant.weight / total) * 100) : 0}%)`}
          field={`data.variants.${i}.weight`}
          value={variant.weight}
          min={0}
          onChange={(w) =>
            update(
              (d) => ({
                variants: d.variants.map((v, j) => (j === i ? { ...v, weight: w ?? 0 } : v)),
              }),
              `data.variants.${i}.weight`,
            )
          }
        />
      )}
    />
  );
}
