// One node's counts under it while the stats overlay is on: entered, sent, dropped, drop-off,
// and each button, quick reply or split variant with its clicks and share of entries (and, with
// a goal, the variant's conversion). Absolutely placed, so it never changes the node's measured
// size or its handles.
import { useStore } from 'zustand';
import type { FlowNode } from '../../../flows/schema';
import { useDesignerContext } from '../designer/DesignerContext';
import { t, useLanguage } from '../i18n';
import { nodeStatsView } from './nodeStats';

export function StatsBadge({ node }: { node: FlowNode }) {
  const language = useLanguage();
  const { publish } = useDesignerContext();
  // Per node: only this node's counts (and whether the overlay is open) re-render it.
  const counts = useStore(publish, (v) =>
    v.stats.open && v.stats.data ? (v.stats.data.nodes[node.id] ?? null) : undefined,
  );
  const hasGoal = useStore(publish, (v) => v.stats.goal !== null);
  if (counts === undefined || node.type === 'note') return null;
  const view = nodeStatsView(node, counts ?? undefined);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(language);
  const share = (n: number | null) => (n === null ? '–' : percent.format(n));
  return (
    <div
      className="tl-stats-badge nodrag"
      role="group"
      aria-label={t('stats.node', { node: node.id })}
      data-stats-node={node.id}
    >
      <dl>
        <div data-stat="entered">
          <dt>{t('stats.entered')}</dt>
          <dd>{number.format(view.entered)}</dd>
        </div>
        <div data-stat="sent">
          <dt>{t('stats.sent')}</dt>
          <dd>{number.format(view.sent)}</dd>
        </div>
        {view.dropped > 0 && (
          <div data-stat="dropped">
            <dt>{t('stats.dropped')}</dt>
            <dd>{number.format(view.dropped)}</dd>
          </div>
        )}
        {view.dropOff !== null && (
          <div data-stat="drop-off">
            <dt>{t('stats.dropOff')}</dt>
            <dd>
              {t('stats.share', {
                count: view.dropOff,
                share: share(view.entered ? view.dropOff / view.entered : null),
              })}
            </dd>
          </div>
        )}
      </dl>
      {view.outputs.length > 0 && (
        <ul>
          {view.outputs.map((o) => (
            <li key={o.handle} data-stat-handle={o.handle}>
              <span className="tl-stats-output">{o.label}</span>{' '}
              <span>{t('stats.share', { count: o.count, share: share(o.share) })}</span>
              {hasGoal && o.kind === 'variant' && o.conversion !== null && (
                <span className="tl-stats-conversion">
                  {' '}
                  {t('stats.conversion', { share: share(o.conversion) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
