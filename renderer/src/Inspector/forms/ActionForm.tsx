import { useTranslation } from 'react-i18next';
import type { Action, NodeOfType } from '../../../../flows/schema';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { ListEditor } from '../fields/ListEditor';
import { NumberInput } from '../fields/NumberInput';
import { SelectInput } from '../fields/SelectInput';
import { TemplateText } from '../fields/TemplateText';
import { TextInput } from '../fields/TextInput';
import { VariablePicker } from '../fields/VariablePicker';

const TYPES = ['set', 'clear', 'increment', 'add_tag', 'remove_tag'] as const;

function blank(type: Action['type'], from: Action): Action {
  const variable = 'variable' in from ? from.variable : '';
  const tag = 'tag' in from ? from.tag : '';
  switch (type) {
    case 'set':
      return { type, variable, value: '' };
    case 'clear':
      return { type, variable };
    case 'increment':
      return { type, variable, by: 1 };
    default:
      return { type, tag };
  }
}

export function ActionForm({ node }: { node: NodeOfType<'action'> }) {
  const { t } = useTranslation();
  const update = useUpdateNodeData(node.id, 'action');
  const set = (i: number, action: Action, field?: string) =>
    update((d) => ({ actions: d.actions.map((a, j) => (j === i ? action : a)) }), field);
  return (
    <ListEditor
      label={t('actionForm.actions')}
      items={node.data.actions}
      onChange={(actions) => update(() => ({ actions }))}
      create={(): Action => ({ type: 'set', variable: '', value: '' })}
      addLabel={t('actionForm.add')}
      render={(action, i) => {
        const f = `data.actions.${i}`;
        return (
          <>
            <SelectInput
              label={t('actionForm.do')}
              field={`${f}.type`}
              value={action.type}
              options={TYPES.map((value) => ({ value, label: t(`actionForm.types.${value}`) }))}
              onChange={(type) => set(i, blank(type, action))}
            />
            {'variable' in action && (
              <VariablePicker
                label={t('actionForm.variable')}
                field={`${f}.variable`}
                value={action.variable}
                writable
                onChange={(variable) => set(i, { ...action, variable }, `${f}.variable`)}
              />
            )}
            {action.type === 'set' && (
              <TemplateText
                label={t('actionForm.value')}
                field={`${f}.value`}
                rows={1}
                value={action.value}
                onChange={(value) => set(i, { ...action, value }, `${f}.value`)}
              />
            )}
            {action.type === 'increment' && (
              <NumberInput
                label={t('actionForm.by')}
                field={`${f}.by`}
                value={action.by}
                onChange={(by) => set(i, { ...action, by: by ?? 0 }, `${f}.by`)}
              />
            )}
            {'tag' in action && (
              <TextInput
                label={t('actionForm.tag')}
                field={`${f}.tag`}
                value={action.tag}
                onChange={(tag) => set(i, { ...action, tag }, `${f}.tag`)}
              />
            )}
          </>
        );
      }}
    />
  );
}
