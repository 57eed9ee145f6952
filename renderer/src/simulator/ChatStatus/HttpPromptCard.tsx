// An HTTP node is waiting for an answer the tester gives (live HTTP is off, or the call failed,
// e.g. offline). "Remember" stores it as the node's canned answer for the next runs.
import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import type { HttpPrompt } from '../httpResolver';
import { useSimulatorStore } from '../store';

export function HttpPromptCard({ prompt }: { prompt: HttpPrompt }) {
  const { t } = useTranslation();
  const simulator = useSimulatorStore();
  const [status, setStatus] = useState('200');
  const [body, setBody] = useState('{}');
  const [remember, setRemember] = useState(false);
  const { request } = prompt;
  const store = simulator.getState();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = Number(status);
    if (!Number.isInteger(code) || code < 100 || code > 599) return;
    if (remember) store.setCanned(request.step, { status: code, body });
    store.answerHttp({ status: code, body });
  };
  const fail = () => {
    const error = 'the tester failed the request';
    if (remember) store.setCanned(request.step, { error });
    store.answerHttp({ error });
  };
  return (
    <form className="tl-sim-http" onSubmit={submit} aria-label={t('simulator.httpAnswer')}>
      <p>
        <strong>{request.step}</strong> {t('simulator.calls')}{' '}
        <code>
          {request.method} {request.url}
        </code>
      </p>
      <p className="tl-muted">
        {prompt.reason} {t('simulator.enterAnswer')}
      </p>
      <label>
        {t('simulator.status')}
        <input
          inputMode="numeric"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          aria-invalid={!/^[1-5]\d\d$/.test(status)}
        />
      </label>
      <label>
        {t('simulator.responseBody')}
        <textarea
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          spellCheck={false}
        />
      </label>
      <label className="tl-sim-check">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        {t('simulator.remember')}
      </label>
      <div className="tl-sim-sheet-actions">
        <button type="button" onClick={fail}>
          {t('simulator.failCall')}
        </button>
        <button type="submit" className="is-primary">
          {t('simulator.answer')}
        </button>
      </div>
    </form>
  );
}
