import { Field } from './Field';

interface Props {
  label: string;
  field: string;
  value: number | undefined;
  onChange(value: number | undefined): void;
  min?: number;
  step?: number;
  placeholder?: string;
}

/** A number, or empty for "not set". */
export function NumberInput({ label, field, value, onChange, min, step, placeholder }: Props) {
  return (
    <Field label={label} field={field}>
      {(id) => (
        <input
          id={id}
          type="number"
          data-field={field}
          value={value ?? ''}
          min={min}
          step={step}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      )}
    </Field>
  );
}
