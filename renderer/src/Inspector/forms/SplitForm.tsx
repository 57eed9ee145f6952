import type { NodeOfType } from '../../../../flows/schema';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { freshId } from '../../store/ids';
import { ListEditor } from '../fields/ListEditor';
import { NumberInput } from '../fields/NumberInput';

export function SplitForm({ node }: { node: NodeOfType<'split'> }) {
  const { t } = useTranslation();
  const update = useUpdateNodeData(node.id, 'split');
  const variants = node.data.variants;
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  return (
    <ListEditor
      label={t('forms.variants')}
      items={variants}
      onChange={(next) => update(() => ({ variants: next }))}
      create={() => ({ id: freshId('v'), weight: 1 })}
      addLabel={t('forms.addVariant')}
      render={(variant, i) => (
        <NumberInput
          label={t('forms.weightOf', {
            variant: variant.id,
            share: formatNumber(total ? variant.weight / total : 0, { style: 'percent' }),
          })}
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
