import { useTranslation } from 'react-i18next';
import { VariableType, type Variable } from '../../../flows/schema';
import { useDesigner } from '../hooks/useDesigner';
import { ListEditor } from '../Inspector/fields/ListEditor';
import { SelectInput } from '../Inspector/fields/SelectInput';
import { TextInput } from '../Inspector/fields/TextInput';
import { useUpdateMeta } from './useUpdateMeta';

function typedDefault(type: Variable['type'], text: string): Variable['default'] {
  if (text === '') return undefined;
  if (type === 'number' && Number.isFinite(Number(text))) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

export function VariablesEditor() {
  const variables = useDesigner((s) => s.doc.meta.variables);
  const { t } = useTranslation();
  const update = useUpdateMeta();
  const set = (i: number, v: Variable, field?: string) =>
    update((m) => ({ ...m, variables: m.variables.map((x, j) => (j === i ? v : x)) }), field);
  return (
    <ListEditor
      label={t('variables.label')}
      items={variables}
      onChange={(next) => update((m) => ({ ...m, variables: next }))}
      create={(): Variable => ({ name: `variable_${variables.length + 1}`, type: 'text' })}
      addLabel={t('variables.add')}
      render={(v, i) => {
        const { default: def, ...rest } = v;
        return (
          <>
            <TextInput
              label={t('variables.name')}
              field={`variables.${i}.name`}
              value={v.name}
              onChange={(name) => set(i, { ...v, name }, `variables.${i}.name`)}
            />
            <SelectInput
              label={t('variables.type')}
              field={`variables.${i}.type`}
              value={v.type}
              options={VariableType.options.map((value) => ({
                value,
                label: t(`variables.types.${value}`),
              }))}
              onChange={(type) =>
                set(i, {
                  ...rest,
                  type,
                  ...(def === undefined ? {} : { default: typedDefault(type, String(def)) }),
                })
              }
            />
            <TextInput
              label={t('variables.default')}
              field={`variables.${i}.default`}
              value={def === undefined ? '' : String(def)}
              placeholder={t('variables.none')}
              onChange={(text) => {
                const value = typedDefault(v.type, text);
                set(
                  i,
                  value === undefined ? rest : { ...rest, default: value },
                  `variables.${i}.default`,
                );
              }}
            />
          </>
        );
      }}
    />
  );
}
