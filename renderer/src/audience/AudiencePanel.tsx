// The Audience view (region "Audience"): the connected runtime's subscribers, filtered by tag,
// variable and window, page by page, with one subscriber's recent conversation, a CSV export and
// deletion; and the Broadcast tab (BroadcastForm). Everything goes through the host.
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesignerContext } from '../designer/DesignerContext';
import { getHost } from '../host';
import {
  deleteSubscriber,
  exportCsv,
  loadSubscribers,
  showSubscriber,
  toggleAudience,
} from './audienceActions';
import { entryText, sourceText, type Subscriber } from './audienceReads';
import { patchAudience, useAudience, type AudienceFilter } from './audienceStore';
import { BroadcastForm } from './BroadcastForm';
import './audience.css';
import { download } from './refLink';

export function AudiencePanel() {
  const { t } = useTranslation();
  const open = useAudience((s) => s.open);
  const tab = useAudience((s) => s.tab);
  useEffect(() => {
    if (open) void loadSubscribers(getHost());
  }, [open]);
  if (!open) return null;
  return (
    <section aria-label={t('audience.label')} className="tl-audience">
      <header className="tl-audience-header">
        <h2>{t('audience.label')}</h2>
        <div role="group" aria-label={t('audience.tabs')} className="tl-audience-tabs">
          <button
            type="button"
            aria-pressed={tab === 'subscribers'}
            onClick={() => patchAudience({ tab: 'subscribers' })}
          >
            {t('audience.subscribersTab')}
          </button>
          <button
            type="button"
            aria-pressed={tab === 'broadcast'}
            onClick={() => patchAudience({ tab: 'broadcast' })}
          >
            {t('audience.broadcastTab')}
          </button>
        </div>
        <button type="button" onClick={toggleAudience} aria-label={t('audience.close')}>
          ×
        </button>
      </header>
      {tab === 'subscribers' ? <Subscribers /> : <BroadcastForm />}
    </section>
  );
}

function Subscribers() {
  const { t } = useTranslation();
  const context = useDesignerContext();
  const rows = useAudience((s) => s.rows);
  const next = useAudience((s) => s.next);
  const loading = useAudience((s) => s.loading);
  const error = useAudience((s) => s.error);
  const note = useAudience((s) => s.note);
  const shownPsid = useAudience((s) => s.shown?.psid ?? null);
  const host = getHost();
  const save = async () => {
    const result = await exportCsv(host);
    if (!result) return;
    const url = URL.createObjectURL(new Blob([result.csv], { type: 'text/csv;charset=utf-8' }));
    download(url, `subscribers-${new Date().toISOString().slice(0, 10)}.csv`);
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <>
      <FilterForm />
      <div className="tl-audience-actions">
        <button type="button" onClick={() => void loadSubscribers(host)}>
          {t('audience.refresh')}
        </button>
        <button type="button" onClick={() => void save()} disabled={!rows || rows.length === 0}>
          {t('audience.exportCsv')}
        </button>
      </div>
      <p role="status" className="tl-muted">
        {loading ? t('audience.loading') : (note ?? '')}
      </p>
      {error && (
        <p role="alert" className="tl-field-error">
          {error}
        </p>
      )}
      {rows && rows.length === 0 && <p className="tl-muted">{t('audience.none')}</p>}
      {rows && rows.length > 0 && (
        <div className="tl-audience-table-wrap">
          <table className="tl-audience-table">
            <caption className="tl-visually-hidden">
              {t('audience.tableCaption', { count: rows.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('audience.columns.psid')}</th>
                <th scope="col">{t('audience.columns.name')}</th>
                <th scope="col">{t('audience.columns.firstSeen')}</th>
                <th scope="col">{t('audience.columns.lastMessage')}</th>
                <th scope="col">{t('audience.columns.windowUntil')}</th>
                <th scope="col">{t('audience.columns.tags')}</th>
                <th scope="col">{t('audience.columns.source')}</th>
                <th scope="col">{t('audience.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <Row
                  key={row.psid}
                  row={row}
                  shown={row.psid === shownPsid}
                  onShow={() => void showSubscriber(host, row.psid)}
                  onDelete={() => void deleteSubscriber(context.ui, host, row)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" onClick={() => void loadSubscribers(host, true)} disabled={loading}>
          {t('audience.loadMore')}
        </button>
      )}
      <Conversation />
    </>
  );
}

function FilterForm() {
  const { t } = useTranslation();
  const id = useId();
  const filter = useAudience((s) => s.filter);
  const set = (change: Partial<AudienceFilter>) =>
    patchAudience({ filter: { ...filter, ...change } });
  return (
    <form
      className="tl-audience-filter"
      aria-label={t('audience.filter')}
      onSubmit={(e) => {
        e.preventDefault();
        void loadSubscribers(getHost());
      }}
    >
      <div className="tl-audience-field">
        <label htmlFor={`${id}-tags`}>{t('audience.filterTags')}</label>
        <input
          id={`${id}-tags`}
          value={filter.tags}
          placeholder={t('audience.tagsPlaceholder')}
          onChange={(e) => set({ tags: e.target.value })}
        />
      </div>
      <div className="tl-audience-field">
        <label htmlFor={`${id}-not`}>{t('audience.filterNotTags')}</label>
        <input
          id={`${id}-not`}
          value={filter.notTags}
          onChange={(e) => set({ notTags: e.target.value })}
        />
      </div>
      <div className="tl-audience-field">
        <label htmlFor={`${id}-var`}>{t('audience.filterVariable')}</label>
        <input
          id={`${id}-var`}
          value={filter.variable}
          placeholder={t('audience.variablePlaceholder')}
          onChange={(e) => set({ variable: e.target.value })}
        />
      </div>
      <div className="tl-audience-field">
        <label htmlFor={`${id}-window`}>{t('audience.filterWindow')}</label>
        <select
          id={`${id}-window`}
          value={filter.window}
          onChange={(e) => set({ window: e.target.value as AudienceFilter['window'] })}
        >
          <option value="any">{t('audience.window.any')}</option>
          <option value="open">{t('audience.window.open')}</option>
          <option value="closed">{t('audience.window.closed')}</option>
        </select>
      </div>
      <button type="submit">{t('audience.applyFilter')}</button>
    </form>
  );
}

function when(iso: string | null, language: string): string {
  return iso
    ? new Date(iso).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' })
    : '—';
}

function Row(props: { row: Subscriber; shown: boolean; onShow: () => void; onDelete: () => void }) {
  const { t, i18n } = useTranslation();
  const { row } = props;
  const who = row.name ?? row.psid;
  return (
    <tr aria-current={props.shown || undefined}>
      <td>
        <code>{row.psid}</code>
      </td>
      <td>{row.name ?? '—'}</td>
      <td>{when(row.firstSeen, i18n.language)}</td>
      <td>{when(row.lastMessageAt, i18n.language)}</td>
      <td>
        {row.windowOpen ? (
          <span className="tl-window-open">{when(row.windowOpenUntil, i18n.language)}</span>
        ) : (
          <span className="tl-muted">{t('audience.windowClosed')}</span>
        )}
      </td>
      <td>{row.tags.join(', ')}</td>
      <td>{sourceText(row.source)}</td>
      <td className="tl-audience-row-buttons">
        <button
          type="button"
          aria-pressed={props.shown}
          aria-label={t('audience.showConversationOf', { who })}
          onClick={props.onShow}
        >
          {t('audience.showConversation')}
        </button>
        <button
          type="button"
          className="tl-danger"
          aria-label={t('audience.deleteOf', { who })}
          onClick={props.onDelete}
        >
          {t('audience.delete')}
        </button>
      </td>
    </tr>
  );
}

function Conversation() {
  const { t, i18n } = useTranslation();
  const shown = useAudience((s) => s.shown);
  const error = useAudience((s) => s.shownError);
  if (error)
    return (
      <p role="alert" className="tl-field-error">
        {error}
      </p>
    );
  if (!shown) return null;
  const who = shown.name ?? shown.psid;
  return (
    <section className="tl-conversation" aria-label={t('audience.conversationWith', { who })}>
      <h3>{t('audience.conversationWith', { who })}</h3>
      <p className="tl-muted">
        {shown.handover ? t('audience.inInbox') : ''}{' '}
        {Object.entries(shown.variables)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(' · ')}
      </p>
      {shown.conversation.length === 0 && <p className="tl-muted">{t('audience.noMessages')}</p>}
      <ol className="tl-conversation-list">
        {shown.conversation.map((entry, i) => (
          <li key={i} className={`tl-bubble is-${entry.from}`}>
            <span className="tl-visually-hidden">
              {entry.from === 'user' ? t('audience.fromUser') : t('audience.fromPage')}:{' '}
            </span>
            <span>{entryText(entry)}</span>
            <small className="tl-muted">
              {' '}
              {when(entry.at, i18n.language)}
              {entry.status && entry.status !== 'sent' ? ` · ${entry.status}` : ''}
            </small>
          </li>
        ))}
      </ol>
    </section>
  );
}
