// The Broadcast tab: send the published flow, from a node the marketer picks, to a segment (tags,
// excluded tags, variable rules). Meta's rule is shown up front: only people whose 24-hour window
// is open when their turn comes get it, and no message tag is used. A preview (dryRun) gives the
// segment's size and how many are reachable now; the broadcast goes now or at a time, and its
// progress is read again every second until it is done or cancelled.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesignerContext } from '../designer/DesignerContext';
import { useDesigner } from '../hooks/useDesigner';
import { getHost } from '../host';
import { t as translate } from '../i18n';
import {
  cancelBroadcast,
  previewBroadcast,
  refreshBroadcast,
  sendBroadcast,
  type BroadcastDraft,
} from './audienceActions';
import type { Broadcast } from './audienceReads';
import { patchAudience, useAudience } from './audienceStore';

const OPS = ['eq', 'ne', 'gt', 'lt', 'contains', 'exists', 'missing'] as const;
/** How often a running broadcast's progress is read again. */
export const PROGRESS_REFRESH_MS = 1000;

const EMPTY: BroadcastDraft = { node: '', tags: '', notTags: '', rules: [], sendAt: '', rate: 40 };

export function BroadcastForm() {
  const { t } = useTranslation();
  const id = useId();
  const context = useDesignerContext();
  const doc = useDesigner((s) => s.doc);
  const preview = useAudience((s) => s.preview);
  const busy = useAudience((s) => s.busy);
  const error = useAudience((s) => s.broadcastError);
  const broadcast = useAudience((s) => s.broadcast);
  const [draft, setDraft] = useState<BroadcastDraft>(EMPTY);
  const [later, setLater] = useState(false);
  const set = (change: Partial<BroadcastDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    // The preview was for the old segment.
    patchAudience({ preview: null });
  };
  const host = getHost();
  const flowId = doc.meta.id;
  const effective = later ? draft : { ...draft, sendAt: '' };
  const nodes = doc.nodeOrder
    .map((n) => doc.nodes[n])
    .filter((n) => n !== undefined && n.type !== 'note');
  return (
    <div className="tl-broadcast">
      <aside className="tl-broadcast-rule" aria-label={t('broadcast.ruleLabel')}>
        <strong>{t('broadcast.ruleTitle')}</strong>
        <p>{t('broadcast.ruleText')}</p>
      </aside>
      <form
        className="tl-broadcast-form"
        aria-label={t('broadcast.label')}
        onSubmit={(e) => {
          e.preventDefault();
          void sendBroadcast(context.ui, host, flowId, effective);
        }}
      >
        <p className="tl-muted">{t('broadcast.flow', { flow: flowId })}</p>
        <label htmlFor={`${id}-node`}>{t('broadcast.node')}</label>
        <select
          id={`${id}-node`}
          value={draft.node}
          onChange={(e) => set({ node: e.target.value })}
        >
          <option value="">{t('broadcast.entry')}</option>
          {nodes.map((n) => (
            <option key={n!.id} value={n!.id}>
              {`${t(`nodes.${n!.type}.label`)} · ${n!.id}`}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t('broadcast.segment')}</legend>
          <label htmlFor={`${id}-tags`}>{t('broadcast.tags')}</label>
          <input
            id={`${id}-tags`}
            value={draft.tags}
            onChange={(e) => set({ tags: e.target.value })}
          />
          <label htmlFor={`${id}-not`}>{t('broadcast.notTags')}</label>
          <input
            id={`${id}-not`}
            value={draft.notTags}
            onChange={(e) => set({ notTags: e.target.value })}
          />
          {draft.rules.map((rule, i) => (
            <div
              className="tl-broadcast-rule-row"
              role="group"
              key={i}
              aria-label={t('broadcast.rule', { n: i + 1 })}
            >
              <input
                aria-label={t('broadcast.ruleName', { n: i + 1 })}
                value={rule.name}
                placeholder={t('broadcast.variable')}
                onChange={(e) =>
                  set({
                    rules: draft.rules.map((r, j) =>
                      j === i ? { ...r, name: e.target.value } : r,
                    ),
                  })
                }
              />
              <select
                aria-label={t('broadcast.ruleOp', { n: i + 1 })}
                value={rule.op}
                onChange={(e) =>
                  set({
                    rules: draft.rules.map((r, j) =>
                      j === i ? { ...r, op: e.target.value as (typeof OPS)[number] } : r,
                    ),
                  })
                }
              >
                {OPS.map((op) => (
                  <option key={op} value={op}>
                    {t(`broadcast.ops.${op}`)}
                  </option>
                ))}
              </select>
              {rule.op !== 'exists' && rule.op !== 'missing' && (
                <input
                  aria-label={t('broadcast.ruleValue', { n: i + 1 })}
                  value={rule.value}
                  onChange={(e) =>
                    set({
                      rules: draft.rules.map((r, j) =>
                        j === i ? { ...r, value: e.target.value } : r,
                      ),
                    })
                  }
                />
              )}
              <button
                type="button"
                aria-label={t('broadcast.removeRule', { n: i + 1 })}
                onClick={() => set({ rules: draft.rules.filter((_, j) => j !== i) })}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => set({ rules: [...draft.rules, { name: '', op: 'eq', value: '' }] })}
          >
            {t('broadcast.addRule')}
          </button>
        </fieldset>
        <fieldset>
          <legend>{t('broadcast.when')}</legend>
          <label>
            <input
              type="radio"
              name={`${id}-when`}
              checked={!later}
              onChange={() => setLater(false)}
            />
            {t('broadcast.now')}
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-when`}
              checked={later}
              onChange={() => setLater(true)}
            />
            {t('broadcast.later')}
          </label>
          {later && (
            <input
              type="datetime-local"
              aria-label={t('broadcast.sendAt')}
              value={draft.sendAt}
              required
              onChange={(e) => set({ sendAt: e.target.value })}
            />
          )}
          <label htmlFor={`${id}-rate`}>{t('broadcast.rate')}</label>
          <input
            id={`${id}-rate`}
            type="number"
            min={1}
            max={250}
            value={draft.rate}
            onChange={(e) =>
              set({ rate: Math.min(250, Math.max(1, Math.round(Number(e.target.value) || 40))) })
            }
          />
        </fieldset>
        <div className="tl-broadcast-buttons">
          <button
            type="button"
            disabled={busy}
            onClick={() => void previewBroadcast(host, flowId, effective)}
          >
            {t('broadcast.preview')}
          </button>
          <button
            type="submit"
            className="tl-primary-button"
            disabled={busy || (later && !draft.sendAt)}
          >
            {later ? t('broadcast.schedule') : t('broadcast.sendNow')}
          </button>
        </div>
        <p role="status" className="tl-broadcast-preview">
          {preview
            ? t('broadcast.previewResult', { size: preview.size, reachable: preview.reachableNow })
            : ''}
        </p>
        {error && (
          <p role="alert" className="tl-field-error">
            {error}
          </p>
        )}
      </form>
      {broadcast && <BroadcastProgress broadcast={broadcast} />}
    </div>
  );
}

function BroadcastProgress({ broadcast }: { broadcast: Broadcast }) {
  const { t, i18n } = useTranslation();
  const context = useDesignerContext();
  const finished = broadcast.status === 'done' || broadcast.status === 'cancelled';
  useEffect(() => {
    if (finished) return;
    const timer = setInterval(() => void refreshBroadcast(getHost()), PROGRESS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [finished, broadcast.id]);
  const p = broadcast.progress;
  const settled = p.sent + p.skipped + p.failed;
  const total = p.total ?? broadcast.size ?? 0;
  const reasons = (which: Record<string, number>) =>
    Object.entries(which).map(([reason, count]) => (
      <li key={reason}>{t('broadcast.reasonCount', { reason: reasonText(reason), count })}</li>
    ));
  return (
    <section className="tl-broadcast-progress" aria-label={t('broadcast.progressLabel')}>
      <h3>{t('broadcast.progressLabel')}</h3>
      <p role="status">
        {t(`broadcast.status.${broadcast.status}`)}
        {broadcast.status === 'scheduled' && broadcast.sendAt
          ? ` · ${new Date(broadcast.sendAt).toLocaleString(i18n.language)}`
          : ''}
      </p>
      <progress
        max={Math.max(total, 1)}
        value={settled}
        aria-label={t('broadcast.progressBar', { settled, total })}
      />
      <dl className="tl-broadcast-counts">
        <dt>{t('broadcast.counts.total')}</dt>
        <dd data-count="total">{p.total ?? '—'}</dd>
        <dt>{t('broadcast.counts.waiting')}</dt>
        <dd data-count="waiting">{p.waiting}</dd>
        <dt>{t('broadcast.counts.inProgress')}</dt>
        <dd data-count="inProgress">{p.inProgress}</dd>
        <dt>{t('broadcast.counts.sent')}</dt>
        <dd data-count="sent">{p.sent}</dd>
        <dt>{t('broadcast.counts.skipped')}</dt>
        <dd data-count="skipped">{p.skipped}</dd>
        <dt>{t('broadcast.counts.failed')}</dt>
        <dd data-count="failed">{p.failed}</dd>
      </dl>
      {p.skipped > 0 && (
        <>
          <h4>{t('broadcast.skippedWhy')}</h4>
          <ul>{reasons(p.skippedReasons)}</ul>
        </>
      )}
      {p.failed > 0 && (
        <>
          <h4>{t('broadcast.failedWhy')}</h4>
          <ul>{reasons(p.failedReasons)}</ul>
        </>
      )}
      <div className="tl-broadcast-buttons">
        {!finished && (
          <button
            type="button"
            className="tl-danger"
            onClick={() => void cancelBroadcast(context.ui, getHost())}
          >
            {t('broadcast.cancel')}
          </button>
        )}
        {finished && (
          <button type="button" onClick={() => patchAudience({ broadcast: null, preview: null })}>
            {t('broadcast.newBroadcast')}
          </button>
        )}
      </div>
    </section>
  );
}

/** A known reason in words; a Send API error as the runtime gave it. */
function reasonText(reason: string): string {
  if (reason === 'outside-window') return translate('broadcast.reasons.outsideWindow');
  if (reason === 'handover') return translate('broadcast.reasons.handover');
  if (reason === 'cancelled') return translate('broadcast.reasons.cancelled');
  if (reason === 'nothing-to-send') return translate('broadcast.reasons.nothingToSend');
  if (reason === 'deleted') return translate('broadcast.reasons.deleted');
  return reason;
}
