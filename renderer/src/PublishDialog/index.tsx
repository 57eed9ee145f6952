// Publish: where the runtime is (URL and admin token, kept by the host), then lint, compile and
// upload. The token never comes back to the renderer; an empty field keeps the stored one.
import { useEffect, useState } from 'react';
import type { HostApi, RuntimeConnection } from '../../../electron/host-api';
import { useDesignerContext } from '../designer/DesignerContext';
import { useUi } from '../hooks/useUi';
import { publishFlow, type PublishOutcome } from './publishFlow';

export function PublishDialog({ host }: { host: HostApi }) {
  const open = useUi((s) => s.publishOpen);
  return open ? <PublishForm host={host} /> : null;
}

function PublishForm({ host }: { host: HostApi }) {
  const { store, ui } = useDesignerContext();
  const [connection, setConnection] = useState<RuntimeConnection | null>(null);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PublishOutcome | null>(null);
  useEffect(() => {
    void host.runtime
      .connection()
      .then((c) => {
        setConnection(c);
        if (c) setUrl(c.url);
      })
      .catch(() => undefined);
  }, [host]);
  const close = () => ui.getState().set({ publishOpen: false });
  const submit = async () => {
    setBusy(true);
    try {
      if (url !== connection?.url || token) await host.runtime.setConnection(url, token || null);
      const doc = store.getState().doc;
      const result = await publishFlow(host, doc);
      if (result.ok) ui.getState().set({ published: doc });
      setOutcome(result);
    } catch (error) {
      setOutcome({ ok: false, lines: [error instanceof Error ? error.message : String(error)] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="tl-overlay">
      <form
        role="dialog"
        aria-modal="true"
        aria-label="Publish"
        className="tl-dialog tl-publish"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <h2>Publish to the runtime</h2>
        <label>
          Runtime URL
          <input
            type="url"
            required
            value={url}
            placeholder="https://bot.example.com"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        <label>
          Admin token
          <input
            type="password"
            value={token}
            placeholder={
              connection?.hasToken
                ? 'stored (leave empty to keep it)'
                : 'THREADLINE_ADMIN_TOKEN of the runtime'
            }
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
        {outcome && (
          <ul
            className={`tl-notice-lines ${outcome.ok ? 'tl-saved' : 'tl-count-error'}`}
            role="status"
          >
            {outcome.ok ? (
              <li>Published revision {outcome.revision.slice(0, 12)}.</li>
            ) : (
              outcome.lines.map((l, i) => <li key={i}>{l}</li>)
            )}
          </ul>
        )}
        <div className="tl-dialog-buttons">
          <button type="button" onClick={close}>
            {outcome?.ok ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="tl-danger" disabled={busy}>
            {busy ? 'Publishing…' : 'Publish'}
          </button>
        </div>
      </form>
    </div>
  );
}
