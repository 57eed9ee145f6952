// The Revisions panel: the connected runtime's revisions of the open flow, newest first, with
// when each was published, its node count and which is active. Each can be compared with the
// draft, shown read-only, or (after a confirmation) made active again.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffFlows } from '../../../flows';
import { useDesignerContext } from '../designer/DesignerContext';
import { useDesigner } from '../hooks/useDesigner';
import { getHost } from '../host';
import { shortRevision } from '../publish/machine';
import { showNode } from '../publish/publishActions';
import type { RevisionInfo } from '../publish/runtimeReads';
import { usePublishView } from '../publish/usePublishView';
import { FlowDiffView } from './FlowDiffView';
import { RevisionReadOnly } from './RevisionReadOnly';
import { compileDraft, loadRevisions, rollbackTo, showRevision } from './revisionActions';

export function RevisionsPanel() {
  const { t } = useTranslation();
  const context = useDesignerContext();
  const view = usePublishView((v) => v.revisions);
  const flowId = useDesigner((s) => s.doc.meta.id);
  const open = view.open;
  // Another flow opened (or its id changed): list its revisions instead.
  useEffect(() => {
    if (open) void loadRevisions(context, getHost(), { keepShown: false });
  }, [open, flowId, context]);
  if (!view.open) return null;
  const host = getHost();
  return (
    <section aria-label={t('revisions.label')} className="tl-revisions">
      <header className="tl-revisions-header">
        <h2>{t('revisions.label')}</h2>
        <button
          type="button"
          onClick={() => void loadRevisions(context, host)}
          aria-label={t('revisions.refresh')}
        >
          ↻
        </button>
      </header>
      {view.loading && <p className="tl-muted">{t('revisions.loading')}</p>}
      {view.error && (
        <p role="alert" className="tl-field-error">
          {view.error}
        </p>
      )}
      {view.message && (
        <p
          role={view.message.error ? 'alert' : 'status'}
          className={view.message.error ? 'tl-field-error' : 'tl-muted'}
        >
          {view.message.text}
        </p>
      )}
      {view.list && view.list.length === 0 && <p className="tl-muted">{t('revisions.none')}</p>}
      {view.list && view.list.length > 0 && (
        <ol className="tl-revision-list" aria-label={t('revisions.list')}>
          {view.list.map((r) => (
            <RevisionRow
              key={r.revision}
              info={r}
              shown={view.shown?.revision === r.revision ? view.shown.mode : null}
              onCompare={() => void showRevision(context, host, r.revision, 'compare')}
              onView={() => void showRevision(context, host, r.revision, 'view')}
              onRollback={() => void rollbackTo(context, host, r.revision)}
            />
          ))}
        </ol>
      )}
      {view.shown && <Shown />}
    </section>
  );
}

function RevisionRow(props: {
  info: RevisionInfo;
  shown: 'compare' | 'view' | null;
  onCompare: () => void;
  onView: () => void;
  onRollback: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { info } = props;
  const rev = shortRevision(info.revision);
  const when = new Date(info.createdAt).toLocaleString(i18n.language);
  return (
    <li
      className={`tl-revision${info.active ? ' is-active' : ''}`}
      aria-current={info.active || undefined}
    >
      <div className="tl-revision-line">
        <code title={info.revision}>{rev}</code>
        {info.active && <strong className="tl-revision-active">{t('revisions.active')}</strong>}
      </div>
      <div className="tl-muted">
        {when}
        {info.nodeCount !== null && ` · ${t('revisions.nodes', { count: info.nodeCount })}`}
      </div>
      <div className="tl-revision-buttons">
        <button
          type="button"
          aria-pressed={props.shown === 'compare'}
          aria-label={t('revisions.compareLabel', { revision: rev })}
          onClick={props.onCompare}
        >
          {t('revisions.compare')}
        </button>
        <button
          type="button"
          aria-pressed={props.shown === 'view'}
          aria-label={t('revisions.viewLabel', { revision: rev })}
          onClick={props.onView}
        >
          {t('revisions.view')}
        </button>
        {!info.active && (
          <button
            type="button"
            className="tl-danger"
            aria-label={t('revisions.rollbackLabel', { revision: rev })}
            onClick={props.onRollback}
          >
            {t('revisions.rollback')}
          </button>
        )}
      </div>
    </li>
  );
}

function Shown() {
  const { t } = useTranslation();
  const context = useDesignerContext();
  const shown = usePublishView((v) => v.revisions.shown);
  // The draft compiles again whenever the document changes while a comparison is shown.
  const doc = useDesigner((s) => s.doc);
  const draft = useMemo(
    () => (shown?.mode === 'compare' && doc ? compileDraft(context) : null),
    [shown?.mode, doc, context],
  );
  if (!shown) return null;
  const rev = shortRevision(shown.revision);
  if (shown.mode === 'view') return <RevisionReadOnly flow={shown.flow} />;
  return (
    <section
      className="tl-revision-shown"
      aria-label={t('revisions.comparison', { revision: rev })}
    >
      <h3>{t('revisions.comparison', { revision: rev })}</h3>
      {draft ? (
        <FlowDiffView
          diff={diffFlows(shown.flow, draft)}
          onShowNode={(id) => showNode(context, id)}
        />
      ) : (
        <p className="tl-muted">{t('revisions.draftHasErrors')}</p>
      )}
    </section>
  );
}
