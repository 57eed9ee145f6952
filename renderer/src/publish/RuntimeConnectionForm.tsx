// The runtime connection: its URL and admin token. The host keeps the token (safeStorage in the
// desktop app) and never sends it back, so a stored token shows as "Token stored" with Replace and
// Clear. A stored token is only ever sent to the URL it was saved with: changing the URL asks
// for the token again.
import { useTranslation } from 'react-i18next';
import { useEffect, useState, type FormEvent } from 'react';
import { useDesignerContext } from '../designer/DesignerContext';
import { getHost } from '../host';
import { refreshPublished } from './publishActions';
import { usePublishView } from './usePublishView';

export function RuntimeConnectionForm(props: {
  onSaved?: () => void;
  /** Opens with the token field, e.g. after the runtime refused the stored token. */
  askForToken?: boolean;
}) {
  const { t } = useTranslation();
  const { onSaved } = props;
  const context = useDesignerContext();
  const connection = usePublishView((v) => v.connection);
  // What the user typed, or null to show the stored URL.
  const [typedUrl, setUrl] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const [replacing, setReplacing] = useState(props.askForToken ?? false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  useEffect(() => {
    if (connection === undefined) void refreshPublished(context, getHost());
  }, [connection, context]);

  const url = typedUrl ?? connection?.url ?? '';
  const hasToken = connection?.hasToken === true;
  const urlChanged = url.trim() !== (connection?.url ?? '');
  const askToken = !hasToken || replacing || urlChanged;

  const save = async (nextToken: string | null, done: string) => {
    try {
      await getHost().runtime.setConnection(url.trim(), nextToken);
      setToken('');
      setUrl(null);
      setReplacing(false);
      setMessage({ error: false, text: done });
      await refreshPublished(context, getHost());
      onSaved?.();
    } catch (error) {
      setMessage({ error: true, text: error instanceof Error ? error.message : String(error) });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^https?:\/\/\S+$/.test(url.trim()))
      return setMessage({
        error: true,
        text: t('connection.enterUrl'),
      });
    if (token) return void save(token, t('connection.savedWithToken'));
    if (hasToken && urlChanged)
      return setMessage({
        error: true,
        text: t('connection.tokenForNewUrl'),
      });
    if (hasToken) return setMessage({ error: false, text: t('connection.nothingChanged') });
    void save(null, t('connection.savedWithoutToken'));
  };

  return (
    <form className="tl-connection" aria-label={t('connection.label')} onSubmit={submit}>
      <label>
        {t('connection.url')}
        <input
          type="url"
          value={url}
          placeholder="https://bot.example.com"
          spellCheck={false}
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      {askToken ? (
        <label>
          {t('connection.token')}
          <input
            type="password"
            value={token}
            autoComplete="off"
            placeholder={hasToken ? t('connection.newToken') : t('connection.tokenPlaceholder')}
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
      ) : (
        <div className="tl-token-stored">
          <span role="status">{t('connection.tokenStored')}</span>
          <button type="button" onClick={() => setReplacing(true)}>
            {t('connection.replaceToken')}
          </button>
          <button type="button" onClick={() => void save(null, t('connection.tokenCleared'))}>
            {t('connection.clearToken')}
          </button>
        </div>
      )}
      <div className="tl-connection-buttons">
        <button type="submit">{t('connection.save')}</button>
        {replacing && (
          <button type="button" onClick={() => (setReplacing(false), setToken(''))}>
            {t('connection.keepToken')}
          </button>
        )}
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
