import { Field } from './Field';

interface Props<T extends string> {
  label: string;
  field: string;
  hint?: string;
  value: T;
  options: readonly T[] | readonly { value: T; label: string }[];
  onChange(value: T): void;
}

export function SelectInput<T extends string>({
  label,
  field,
  hint,
  value,
  options,
  onChange,
}: Props<T>) {
  return (
    <Field label={label} field={field} {...(hint ? { hint } : {})}>
      {(id) => (
        <select
          id={id}
          data-field={field}
          {...(hint ? { 'aria-describedby': `${id}-hint` } : {})}
          value={value}
          onChange={(e) => onChange(e.target.value as T)}
        >
          {options.map((o) => {
            const option = typeof o === 'string' ? { value: o, label: o } : o;
            return (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            );
          })}
        </select>
      )}
    </Field>
  );
}
