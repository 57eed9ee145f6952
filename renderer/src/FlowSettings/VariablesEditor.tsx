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
  const update = useUpdateMeta();
  const set = (i: number, v: Variable, field?: string) =>
    update((m) => ({ ...m, variables: m.variables.map((x, j) => (j === i ? v : x)) }), field);
  return (
    <ListEditor
      label="Variables"
      items={variables}
      onChange={(next) => update((m) => ({ ...m, variables: next }))}
      create={(): Variable => ({ name: `variable_${variables.length + 1}`, type: 'text' })}
      addLabel="Add variable"
      render={(v, i) => {
        const { default: def, ...rest } = v;
        return (
          <>
            <TextInput
              label="Name"
              field={`variables.${i}.name`}
              value={v.name}
              onChange={(name) => set(i, { ...v, name }, `variables.${i}.name`)}
            />
            <SelectInput
              label="Type"
              field={`variables.${i}.type`}
              value={v.type}
              options={VariableType.options}
              onChange={(type) =>
                set(i, {
                  ...rest,
                  type,
                  ...(def === undefined ? {} : { default: typedDefault(type, String(def)) }),
                })
              }
            />
            <TextInput
              label="Default"
              field={`variables.${i}.default`}
              value={def === undefined ? '' : String(def)}
              placeholder="(none)"
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
