import { useTranslation } from 'react-i18next';
import { Field } from './Field';

interface Props {
  label: string;
  field: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  hint?: string;
  /** Messenger's character limit, shown as a counter. */
  limit?: number;
}

export function TextInput({ label, field, value, onChange, placeholder, hint, limit }: Props) {
  return (
    <Field label={label} field={field} hint={hint}>
      {(id) => (
        <div className="tl-input-row">
          <input
            id={id}
            data-field={field}
            value={value}
            placeholder={placeholder}
            onChange={(e) => onChange(e.target.value)}
          />
          {limit !== undefined && <CharCounter length={value.length} limit={limit} />}
        </div>
      )}
    </Field>
  );
}

export function CharCounter({ length, limit }: { length: number; limit: number }) {
  const { t } = useTranslation();
  return (
    <span
      className={`tl-counter${length > limit ? ' is-over' : ''}`}
      aria-label={t('fields.characters', { length, limit })}
    >
      {length}/{limit}
    </span>
  );
}
