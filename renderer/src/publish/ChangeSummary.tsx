// What this publish changes, against the runtime's active revision.
import { useTranslation } from 'react-i18next';
import { isEmptyDiff } from '../../../flows';
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
      {isEmptyDiff(diff) ? (
        <p>{t('publish.noNodeChanged')}</p>
      ) : (
        <ul>
          <ChangeLine change="added" ids={diff.added} onShowNode={onShowNode} />
          <ChangeLine change="removed" ids={diff.removed} />
          <ChangeLine change="changed" ids={diff.changed} onShowNode={onShowNode} />
          {diff.settings.length > 0 && (
            <li>{t('publish.settingsChanged', { settings: diff.settings.join(', ') })}</li>
          )}
        </ul>
      )}
    </section>
  );
}

const SHOWN = 8;

function ChangeLine(props: {
  change: 'added' | 'removed' | 'changed';
  ids: string[];
  onShowNode?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { ids, onShowNode } = props;
  if (ids.length === 0) return null;
  const more = ids.length > SHOWN ? t('publish.andMore', { count: ids.length - SHOWN }) : '';
  return (
    <li>
      <strong>{t(`publish.${props.change}`, { count: ids.length })}</strong>:{' '}
      {ids.slice(0, SHOWN).map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          {onShowNode ? (
            <button type="button" className="tl-link tl-mono" onClick={() => onShowNode(id)}>
              {id}
            </button>
          ) : (
            <span className="tl-mono">{id}</span>
          )}
        </span>
      ))}
      {more}
    </li>
  );
}
