// A template text ({{variable}} placeholders) with a variable inserter and a character counter.
import { useTranslation } from 'react-i18next';
import { useRef } from 'react';
import { CharCounter } from './TextInput';
import { Field } from './Field';
import { useVariableNames } from './useVariableNames';

interface Props {
  label: string;
  field: string;
  value: string;
  onChange(value: string): void;
  limit?: number;
  rows?: number;
  placeholder?: string;
}

export function TemplateText({
  label,
  field,
  value,
  onChange,
  limit,
  rows = 3,
  placeholder,
}: Props) {
  const { t } = useTranslation();
  const area = useRef<HTMLTextAreaElement>(null);
  const names = useVariableNames();
  const insert = (name: string) => {
    const el = area.current;
    const at = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? at;
    const token = `{{${name}}}`;
    onChange(value.slice(0, at) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  return (
    <Field label={label} field={field}>
      {(id) => (
        <>
          <textarea
            id={id}
            ref={area}
            data-field={field}
            rows={rows}
            value={value}
            placeholder={placeholder}
            onChange={(e) => onChange(e.target.value)}
          />
          <div className="tl-template-tools">
            <select
              aria-label={t('fields.insertVariableInto', { label })}
              value=""
              onChange={(e) => e.target.value && insert(e.target.value)}
            >
              <option value="">{t('fields.insertVariable')}</option>
              {names.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            {limit !== undefined && <CharCounter length={value.length} limit={limit} />}
          </div>
        </>
      )}
    </Field>
  );
}
