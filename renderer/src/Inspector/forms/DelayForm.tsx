import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeOfType } from '../../../../flows/schema';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { formatDuration, parseDuration } from '../../nodeTypes/formatDuration';
import { Field } from '../fields/Field';

/** The wait as a duration ("1h 30m"); what cannot be read is shown, not saved. */
export function DelayForm({ node }: { node: NodeOfType<'delay'> }) {
  const { t } = useTranslation();
  const update = useUpdateNodeData(node.id, 'delay');
  const shown = formatDuration(node.data.seconds);
  const [text, setText] = useState(shown);
  const [seconds, setSeconds] = useState(node.data.seconds);
  // Changed from outside (undo): show the new duration, unless the typed text already says it.
  if (seconds !== node.data.seconds) {
    setSeconds(node.data.seconds);
    if (parseDuration(text) !== node.data.seconds) setText(shown);
  }
  const invalid = parseDuration(text) === null;
  return (
    <Field
      label={t('forms.waitFor')}
      field="data.seconds"
      hint={invalid ? t('forms.durationHint') : t('forms.seconds', { count: node.data.seconds })}
    >
      {(id) => (
        <input
          id={id}
          data-field="data.seconds"
          aria-invalid={invalid}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const seconds = parseDuration(e.target.value);
            if (seconds !== null) update(() => ({ seconds }), 'data.seconds');
          }}
        />
      )}
    </Field>
  );
}
