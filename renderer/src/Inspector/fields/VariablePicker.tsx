import { Field } from './Field';
import { useTranslation } from 'react-i18next';
import { useVariableNames } from './useVariableNames';

interface Props {
  label: string;
  field: string;
  value: string;
  onChange(value: string): void;
  /** Built-in variables are read-only, so pickers for writing leave them out. */
  writable?: boolean;
}

/** A variable name: pick one of the flow's variables or type a new one. */
export function VariablePicker({ label, field, value, onChange, writable = false }: Props) {
  const { t } = useTranslation();
  const names = useVariableNames(!writable);
  return (
    <Field
      label={label}
      field={field}
      hint={names.includes(value) || !value ? undefined : t('fields.notDeclared')}
    >
      {(id) => (
        <>
          <input
            id={id}
            data-field={field}
            list={`${id}-variables`}
            value={value}
            placeholder={t('fields.variable')}
            onChange={(e) => onChange(e.target.value)}
          />
          <datalist id={`${id}-variables`}>
            {names.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
