// What this publish changes, against the runtime's active revision.
import { isEmptyDiff } from '../../../flows';
import { count, shortRevision, type PublishState } from './machine';

export function ChangeSummary({
  state,
  onShowNode,
}: {
  state: PublishState;
  /** Shows a node of the draft on the canvas (added and changed nodes exist there). */
  onShowNode: (id: string) => void;
}) {
  const { previous, diff, compiled } = state;
  if (!compiled) return null;
  if (!previous)
    return (
      <p className="tl-publish-changes">
        First publish of this flow: {count(compiled.steps.length, 'node')}.
      </p>
    );
  const rev = shortRevision(previous.revision);
  if (previous.revision === compiled.revision)
    return (
      <p className="tl-publish-changes">
        Nothing changed: this draft is already the published revision (rev {rev}).
      </p>
    );
  if (!diff)
    return (
      <p className="tl-publish-changes">
        Changes since rev {rev}: this runtime does not say what that revision holds, so the changed
        nodes cannot be listed.
      </p>
    );
  return (
    <section className="tl-publish-changes" aria-label="Changes">
      <p>Changes since rev {rev}:</p>
      {isEmptyDiff(diff) ? (
        <p>No node changed.</p>
      ) : (
        <ul>
          <ChangeLine label="added" ids={diff.added} onShowNode={onShowNode} />
          <ChangeLine label="removed" ids={diff.removed} />
          <ChangeLine label="changed" ids={diff.changed} onShowNode={onShowNode} />
          {diff.settings.length > 0 && <li>Flow settings changed: {diff.settings.join(', ')}</li>}
        </ul>
      )}
    </section>
  );
}

const SHOWN = 8;

function ChangeLine(props: { label: string; ids: string[]; onShowNode?: (id: string) => void }) {
  const { ids, onShowNode } = props;
  if (ids.length === 0) return null;
  const more = ids.length > SHOWN ? ` and ${ids.length - SHOWN} more` : '';
  return (
    <li>
      <strong>
        {count(ids.length, 'node')} {props.label}
      </strong>
      :{' '}
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
