// The simulator's values of the secrets the flow's HTTP nodes name (`{{secret.NAME}}`). The host
// keeps them in its secret store, never in the flow file, and shows only whether each is set; the
// runtime takes the same names from THREADLINE_SECRET_<NAME>.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { flowSecretNames } from '../../../flows';
import { useDesigner } from '../hooks/useDesigner';
import { getHost } from '../host';

export function SecretsEditor() {
  // A string, so that the editor re-renders only when the set of names changes.
  const joined = useDesigner((s) => flowSecretNames(Object.values(s.doc.nodes)).join(' '));
  const names = useMemo(() => (joined ? joined.split(' ') : []), [joined]);
  const [stored, setStored] = useState<Record<string, boolean>>({});
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const refresh = async (list: string[]) => setStored(await getHost().secrets.status(list));
  const failed = (error: unknown) =>
    setMessage({ error: true, text: error instanceof Error ? error.message : String(error) });
  useEffect(() => {
    if (names.length > 0) getHost().secrets.status(names).then(setStored).catch(failed);
  }, [names]);

  if (names.length === 0)
    return (
      <p className="tl-muted">
        No HTTP call uses a secret. Write {'{{secret.NAME}}'} in an HTTP node's address, headers or
        body instead of a key.
      </p>
    );

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const entries = Object.entries(typed).filter(([name, v]) => v && names.includes(name));
      for (const [name, value] of entries) await getHost().secrets.set(name, value);
      setTyped({});
      await refresh(names);
      setMessage({ error: false, text: entries.length ? 'Secrets saved.' : 'Nothing changed.' });
    } catch (error) {
      failed(error);
    }
  };
  const clear = async (name: string) => {
    try {
      await getHost().secrets.set(name, null);
      await refresh(names);
      setMessage({ error: false, text: `${name} cleared.` });
    } catch (error) {
      failed(error);
    }
  };

  return (
    <form className="tl-connection" aria-label="Secrets" onSubmit={(e) => void save(e)}>
      <p className="tl-muted">
        Values for the simulator, kept in this computer's secret store and never in the flow file.
        The runtime reads THREADLINE_SECRET_NAME.
      </p>
      {names.map((name) => (
        <div key={name} className="tl-secret">
          <label>
            {name}
            <input
              type="password"
              autoComplete="off"
              value={typed[name] ?? ''}
              placeholder={stored[name] ? 'Stored; type to replace' : 'Not set'}
              onChange={(e) => setTyped((t) => ({ ...t, [name]: e.target.value }))}
            />
          </label>
          {stored[name] && (
            <button type="button" onClick={() => void clear(name)} aria-label={`Clear ${name}`}>
              Clear
            </button>
          )}
        </div>
      ))}
      <div className="tl-connection-buttons">
        <button type="submit">Save secrets</button>
      </div>
      {message && (
        <p
          className={message.error ? 'tl-field-error' : 'tl-muted'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
