// The simulator's values of the secrets the flow's HTTP nodes name (`{{secret.NAME}}`). The host
// keeps them in its secret store, never in the flow file, and shows only whether each is set; the
// runtime takes the same names from THREADLINE_SECRET_<NAME>.
import { useTranslation } from 'react-i18next';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { flowSecretNames } from '../../../flows';
import { useDesigner } from '../hooks/useDesigner';
import { getHost } from '../host';

export function SecretsEditor() {
  const { t } = useTranslation();
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
    return <p className="tl-muted">{t('secrets.none', { example: '{{secret.NAME}}' })}</p>;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const entries = Object.entries(typed).filter(([name, v]) => v && names.includes(name));
      for (const [name, value] of entries) await getHost().secrets.set(name, value);
      setTyped({});
      await refresh(names);
      setMessage({
        error: false,
        text: entries.length ? t('secrets.saved') : t('secrets.nothingChanged'),
      });
    } catch (error) {
      failed(error);
    }
  };
  const clear = async (name: string) => {
    try {
      await getHost().secrets.set(name, null);
      await refresh(names);
      setMessage({ error: false, text: t('secrets.cleared', { name }) });
    } catch (error) {
      failed(error);
    }
  };

  return (
    <form className="tl-connection" aria-label={t('secrets.label')} onSubmit={(e) => void save(e)}>
      <p className="tl-muted">{t('secrets.explain')}</p>
      {names.map((name) => (
        <div key={name} className="tl-secret">
          <label>
            {name}
            <input
              type="password"
              autoComplete="off"
              value={typed[name] ?? ''}
              placeholder={stored[name] ? t('secrets.stored') : t('secrets.notSet')}
              onChange={(e) => setTyped((was) => ({ ...was, [name]: e.target.value }))}
            />
          </label>
          {stored[name] && (
            <button
              type="button"
              onClick={() => void clear(name)}
              aria-label={t('secrets.clearName', { name })}
            >
              {t('secrets.clear')}
            </button>
          )}
        </div>
      ))}
      <div className="tl-connection-buttons">
        <button type="submit">{t('secrets.save')}</button>
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
