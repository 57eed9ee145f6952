import { useState } from 'react';
import { Field } from './Field';

interface Props {
  label: string;
  field: string;
  value: readonly string[] | undefined;
  onChange(value: string[] | undefined): void;
  placeholder?: string;
}

export function splitList(text: string): string[] | undefined {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/** A list typed as "a, b, c". Keeps the typed text while it parses to the same list, so a
 *  trailing comma or space does not vanish under the cursor. */
export function CommaListInput({ label, field, value, onChange, placeholder }: Props) {
  const joined = (value ?? []).join(', ');
  const [text, setText] = useState(joined);
  const [shown, setShown] = useState(joined);
  // The list changed from outside (undo, another field): show it, unless it is what we typed.
  if (shown !== joined) {
    setShown(joined);
    if ((splitList(text) ?? []).join(', ') !== joined) setText(joined);
  }
  return (
    <Field label={label} field={field}>
      {(id) => (
        <input
          id={id}
          data-field={field}
          value={text}
          placeholder={placeholder}
          onChange={(e) => {
            setText(e.target.value);
            onChange(splitList(e.target.value));
          }}
        />
      )}
    </Field>
  );
}
