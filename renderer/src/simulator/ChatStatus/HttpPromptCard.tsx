// An HTTP node is waiting for an answer the tester gives (live HTTP is off, or the call failed,
// e.g. offline). "Remember" stores it as the node's canned answer for the next runs.
import { useState, type FormEvent } from 'react';
import type { HttpPrompt } from '../httpResolver';
import { useSimulatorStore } from '../store';

export function HttpPromptCard({ prompt }: { prompt: HttpPrompt }) {
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
    <form className="tl-sim-http" onSubmit={submit} aria-label="HTTP answer">
      <p>
        <strong>{request.step}</strong> calls{' '}
        <code>
          {request.method} {request.url}
        </code>
      </p>
      <p className="tl-muted">{prompt.reason} Enter the answer it should get.</p>
      <label>
        Status
        <input
          inputMode="numeric"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          aria-invalid={!/^[1-5]\d\d$/.test(status)}
        />
      </label>
      <label>
        Response body
        <textarea
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          spellCheck={false}
        />
      </label>
      <label className="tl-sim-check">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        Remember for this node
      </label>
      <div className="tl-sim-sheet-actions">
        <button type="button" onClick={fail}>
          Fail the call
        </button>
        <button type="submit" className="is-primary">
          Answer
        </button>
      </div>
    </form>
  );
}
