// The publish dialog: the steps with a spinner on the running one, lint errors (blocking, with a
// way to the Problems panel) and warnings (not blocking), what changed since the published
// revision, then the new revision or why publishing failed.
import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useRef } from 'react';
import { useDesignerContext } from '../designer/DesignerContext';
import { useDesigner } from '../hooks/useDesigner';
import { getHost } from '../host';
import { ChangeSummary } from './ChangeSummary';
import { FindingList } from './FindingList';
import { shortRevision, type PublishState } from './machine';
import {
  closePublish,
  confirmPublish,
  openPublish,
  showNode,
  showProblems,
} from './publishActions';
import { RuntimeConnectionForm } from './RuntimeConnectionForm';
import { tokenRefusedTitle } from './runtimeAnswers';
import { StepList } from './StepList';
import { StrandedWaits } from './StrandedWaits';
import { usePublishDialogKeys } from './usePublishDialogKeys';
import { usePublishView } from './usePublishView';
import './publish.css';

export function PublishDialog() {
  const { t } = useTranslation();
  const context = useDesignerContext();
  const state = usePublishView((v) => v.dialog);
  const url = usePublishView((v) => v.connection?.url ?? null);
  const name = useDesigner((s) => s.doc.meta.name);
  const close = useCallback(() => closePublish(context), [context]);
  const confirm = useCallback(() => {
    if (state?.phase === 'review') void confirmPublish(context, getHost());
    else if (state?.phase === 'done') close();
  }, [context, state?.phase, close]);
  usePublishDialogKeys(state !== null, close, confirm);
  const dialogRef = useRef<HTMLDivElement>(null);
  const phase = state?.phase;
  // Focus follows the phase, so Enter on the focused button does what the phase offers.
  useEffect(() => {
    const dialog = dialogRef.current;
    dialog?.querySelector<HTMLElement>('[data-primary]')?.focus();
  }, [phase]);
  if (!state) return null;
  const retry = () => void openPublish(context, getHost());
  return (
    <div className="tl-overlay">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-label={t('publish.title')}
        className="tl-dialog tl-publish-dialog"
      >
        <h2>{t('publish.heading', { name })}</h2>
        <p className="tl-muted">{url ? t('publish.to', { url }) : t('publish.noRuntime')}</p>
        <StepList steps={state.steps} />
        <Body
          state={state}
          onProblems={() => showProblems(context)}
          onSaved={retry}
          onShowNode={(id) => showNode(context, id)}
        />
        <div className="tl-dialog-buttons">
          <button
            type="button"
            onClick={close}
            data-primary={state.phase !== 'review' || undefined}
          >
            {state.phase === 'review' ? t('publish.cancel') : t('publish.close')}
          </button>
          {state.phase === 'failed' && state.failure?.kind !== 'lint' && (
            <button type="button" onClick={retry}>
              {t('publish.tryAgain')}
            </button>
          )}
          {state.phase === 'review' && (
            <button type="button" className="tl-danger" data-primary onClick={confirm}>
              {state.previous?.revision === state.compiled?.revision
                ? t('publish.publishAgain')
                : t('publish.publish')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

function Body(props: {
  state: PublishState;
  onProblems: () => void;
  onSaved: () => void;
  onShowNode: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { state } = props;
  const failure = state.failure;
  return (
    <>
      {failure?.kind === 'lint' ? (
        <div role="alert" className="tl-publish-failure">
          <p>{failure.title}</p>
          <FindingList findings={state.errors} label={t('publish.errors')} />
          {failure.lines.length > 0 && <Lines lines={failure.lines} />}
          <button type="button" onClick={props.onProblems}>
            {t('publish.showProblems')}
          </button>
        </div>
      ) : null}
      {state.warnings.length > 0 && (
        <details className="tl-publish-warnings" open={state.phase === 'review'}>
          <summary>{t('publish.warnings', { count: state.warnings.length })}</summary>
          <FindingList findings={state.warnings} label={t('publish.warningsLabel')} />
        </details>
      )}
      {(state.phase === 'review' || state.phase === 'done') && (
        <>
          <ChangeSummary state={state} onShowNode={props.onShowNode} />
          <StrandedWaits state={state} />
        </>
      )}
      {state.phase === 'done' && state.revision && (
        <p role="status" className="tl-publish-done" title={state.revision}>
          {t('publish.done', { revision: shortRevision(state.revision) })}
        </p>
      )}
      {failure && failure.kind !== 'lint' && (
        <div role="alert" className="tl-publish-failure">
          <p>{failure.title}</p>
          {failure.lines.length > 0 && <Lines lines={failure.lines} />}
        </div>
      )}
      {failure?.kind === 'connection' && (
        <RuntimeConnectionForm
          onSaved={props.onSaved}
          askForToken={failure.title === tokenRefusedTitle()}
        />
      )}
    </>
  );
}

function Lines({ lines }: { lines: string[] }) {
  return (
    <ul className="tl-notice-lines">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
