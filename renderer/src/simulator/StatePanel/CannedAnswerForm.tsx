// Stores a canned answer for one HTTP node: a status and a body, used instead of calling out.
import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import { useSimulatorStore } from '../store';

/** `name` is the node's display name, for the form's accessible name. */
export function CannedAnswerForm({ step, name }: { step: string; name: string }) {
  const { t } = useTranslation();
  const simulator = useSimulatorStore();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('200');
  const [body, setBody] = useState('{}');
  const valid = /^[1-5]\d\d$/.test(status);
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('simState.setCanned')}
      </button>
    );
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    simulator.getState().setCanned(step, { status: Number(status), body });
    setOpen(false);
  };
  return (
    <form
      className="tl-sim-canned-form"
      onSubmit={save}
      aria-label={t('simState.cannedFor', { step: name })}
    >
      <label>
        {t('simState.status')}
        <input value={status} onChange={(e) => setStatus(e.target.value)} aria-invalid={!valid} />
      </label>
      <label>
        {t('simState.body')}
        <textarea
          rows={2}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          spellCheck={false}
        />
      </label>
      <div className="tl-sim-sheet-actions">
        <button type="button" onClick={() => setOpen(false)}>
          {t('simState.cancel')}
        </button>
        <button type="submit" className="is-primary" disabled={!valid}>
          {t('simState.saveAnswer')}
        </button>
      </div>
    </form>
  );
}
