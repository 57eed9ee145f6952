// Users in flight: the waiting nodes of the published revision that this publish removes or
// changes so that the wait is stranded, with how many sessions wait at each (the runtime's
// /waiting), and per node where those users go: a node of the new revision, or the end of their
// wait (at a changed node they may also stay). The choices go up with the flow as `moves`.
import { useTranslation } from 'react-i18next';
import { isWaitingStep } from '../../../flows';
import { displayName } from '../nodeTypes/displayName';
import type { CompiledStep } from '../../../flows/schema';
import { useDesignerContext } from '../designer/DesignerContext';
import { tKey } from '../i18n';
import { useDesigner } from '../hooks/useDesigner';
import type { PublishState } from './machine';

/**
 * Where the runtime can move a waiting session: an input, a message with quick replies or a
 * delay (docs/format.md §6, publish with moves).
 */
function canWaitAt(step: CompiledStep): boolean {
  return isWaitingStep(step) && step.type !== 'handover' && step.type !== 'http';
}

const END = '\u0000end';
const STAY = '\u0000stay';

export function StrandedWaits({ state }: { state: PublishState }) {
  const { t } = useTranslation();
  const { publish } = useDesignerContext();
  // The compiled flow keeps ids only: the draft names the nodes it still has.
  const nodes = useDesigner((s) => s.doc.nodes);
  const named = (id: string) => (nodes[id] ? displayName(nodes[id]) : id);
  const { stranded, moves, compiled } = state;
  if (stranded.length === 0 || !compiled) return null;
  const review = state.phase === 'review';
  const unknown = stranded.some((w) => w.waiting === null);
  return (
    <section className="tl-stranded" aria-label={t('stranded.label')}>
      <p>{t('stranded.intro')}</p>
      {unknown && <p className="tl-muted">{t('stranded.unknown')}</p>}
      <ul>
        {stranded.map((w) => {
          const chosen = Object.hasOwn(moves, w.nodeId) ? moves[w.nodeId] : undefined;
          const value = chosen === undefined ? STAY : chosen === null ? END : chosen;
          const reason = t(`stranded.reason.${w.reason}`, {
            replies: (w.replies ?? []).join(', '),
          });
          return (
            <li key={w.nodeId}>
              <div>
                <span className={nodes[w.nodeId] ? undefined : 'tl-mono'}>{named(w.nodeId)}</span>{' '}
                <span className="tl-muted">
                  {tKey(`nodes.${w.type}.label`, w.type)} · {reason}
                  {w.waiting !== null && ` · ${t('stranded.users', { count: w.waiting })}`}
                </span>
              </div>
              <select
                aria-label={t('stranded.moveTo', { node: named(w.nodeId) })}
                value={value}
                disabled={!review}
                onChange={(e) => {
                  const v = e.target.value;
                  publish.dispatch({
                    type: 'moved',
                    from: w.nodeId,
                    to: v === STAY ? undefined : v === END ? null : v,
                  });
                }}
              >
                {w.reason !== 'removed' && <option value={STAY}>{t('stranded.stay')}</option>}
                <option value={END}>{t('stranded.endWait')}</option>
                {compiled.steps.filter(canWaitAt).map((step) => (
                  <option key={step.id} value={step.id}>
                    {named(step.id)} · {tKey(`nodes.${step.type}.label`, step.type)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
