// What this publish changes, against the runtime's active revision.
import { useTranslation } from 'react-i18next';
import { FlowDiffView } from '../revisions/FlowDiffView';
import { shortRevision, type PublishState } from './machine';

export function ChangeSummary({
  state,
  onShowNode,
}: {
  state: PublishState;
  /** Shows a node of the draft on the canvas (added and changed nodes exist there). */
  onShowNode: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { previous, diff, compiled } = state;
  if (!compiled) return null;
  if (!previous)
    return (
      <p className="tl-publish-changes">
        {t('publish.firstPublish', { count: compiled.steps.length })}
      </p>
    );
  const rev = shortRevision(previous.revision);
  if (previous.revision === compiled.revision)
    return <p className="tl-publish-changes">{t('publish.unchanged', { revision: rev })}</p>;
  if (!diff) return <p className="tl-publish-changes">{t('publish.noDiff', { revision: rev })}</p>;
  return (
    <section className="tl-publish-changes" aria-label={t('publish.changes')}>
      <p>{t('publish.changesSince', { revision: rev })}</p>
      <FlowDiffView diff={diff} onShowNode={onShowNode} />
    </section>
  );
}
