import { useDesigner } from '../../hooks/useDesigner';
import { useTranslation } from 'react-i18next';
import { NODE_INFO } from '../../nodeTypes/info';
import { Field } from './Field';
import { displayName } from '../../nodeTypes/displayName';

interface Props {
  label: string;
  field: string;
  value: string;
  onChange(value: string): void;
  /** A node that may not be picked (a goto cannot jump to itself). */
  exclude?: string;
}

/** Picks a node of the flow by id: a goto's target, an ice breaker's or a menu item's start. */
export function NodeTargetSelect({ label, field, value, onChange, exclude }: Props) {
  const { t } = useTranslation();
  const nodes = useDesigner((s) => s.doc.nodes);
  const order = useDesigner((s) => s.doc.nodeOrder);
  return (
    <Field label={label} field={field}>
      {(id) => (
        <select id={id} data-field={field} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('fields.chooseNode')}</option>
          {order
            .filter((n) => n !== exclude && nodes[n]?.type !== 'note')
            .map((n) => (
              <option key={n} value={n}>
                {t('nodeNames.option', {
                  type: NODE_INFO[nodes[n]!.type].label,
                  name: displayName(nodes[n]!),
                })}
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}
