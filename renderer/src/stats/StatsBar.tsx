// The stats overlay's controls, over the canvas while "Show stats" is on: the date range, the
// goal node for split conversion, refresh and CSV export. The counts refresh on their own while
// the overlay is open; each node shows its own (StatsBadge).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesignerContext } from '../designer/DesignerContext';
import { useDesigner } from '../hooks/useDesigner';
import { getHost } from '../host';
import { t as translate } from '../i18n';
import { STATS_RANGES, type StatsRange } from '../publish/publishStore';
import { usePublishView } from '../publish/usePublishView';
import { statsCsv } from './nodeStats';
import { loadStats, setStatsGoal, setStatsRange } from './statsActions';
import './stats.css';

/** How often the open overlay asks the runtime again. */
export const STATS_REFRESH_MS = 5_000;

export function StatsBar() {
  const { t, i18n } = useTranslation();
  const context = useDesignerContext();
  const stats = usePublishView((v) => v.stats);
  const nodes = useDesigner((s) => s.doc.nodes);
  const open = stats.open;
  const flowId = useDesigner((s) => s.doc.meta.id);
  // Another flow opened: its counts, not the last flow's.
  useEffect(() => {
    if (open) void loadStats(context, getHost());
  }, [open, flowId, context]);
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => void loadStats(context, getHost()), STATS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [open, context]);
  if (!open) return null;
  const host = getHost();
  const exportCsv = () => {
    if (!stats.data) return;
    const doc = context.store.getState().doc;
    const csv = statsCsv(Object.values(doc.nodes), stats.data, csvHeads());
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${doc.meta.id}-stats-${stats.range}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <section className="tl-stats-bar" aria-label={t('stats.label')}>
      <strong>{t('stats.label')}</strong>
      <label>
        {t('stats.range')}
        <select
          value={stats.range}
          onChange={(e) => void setStatsRange(context, host, e.target.value as StatsRange)}
        >
          {STATS_RANGES.map((r) => (
            <option key={r} value={r}>
              {t(`stats.ranges.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('stats.goal')}
        <select
          value={stats.goal ?? ''}
          onChange={(e) => void setStatsGoal(context, host, e.target.value || null)}
        >
          <option value="">{t('stats.noGoal')}</option>
          {Object.values(nodes)
            .filter((n) => n.type !== 'note')
            .map((n) => (
              <option key={n.id} value={n.id}>
                {n.id}
              </option>
            ))}
        </select>
      </label>
      <button type="button" onClick={() => void loadStats(context, host)}>
        {t('stats.refresh')}
      </button>
      <button type="button" onClick={exportCsv} disabled={!stats.data}>
        {t('stats.export')}
      </button>
      {stats.updatedAt !== null && (
        <span className="tl-muted" role="status">
          {t('stats.updated', {
            time: new Date(stats.updatedAt).toLocaleTimeString(i18n.language),
          })}
        </span>
      )}
      {stats.error && (
        <span role="alert" className="tl-field-error">
          {stats.error}
        </span>
      )}
    </section>
  );
}

function csvHeads() {
  const keys = [
    'node',
    'type',
    'output',
    'entered',
    'sent',
    'dropped',
    'clicks',
    'share',
    'dropOff',
    'converted',
  ] as const;
  return Object.fromEntries(keys.map((k) => [k, translate(`stats.csv.${k}`)])) as Record<
    (typeof keys)[number],
    string
  >;
}
