// What this publish changes, against the runtime's active revision.
import { isEmptyDiff } from '../../../flows/diff';
import { count, shortRevision, type PublishState } from './machine';

export function ChangeSummary({ state }: { state: PublishState }) {
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
          <ChangeLine label="added" ids={diff.added} />
          <ChangeLine label="removed" ids={diff.removed} />
          <ChangeLine label="changed" ids={diff.changed} />
          {diff.settings.length > 0 && <li>Flow settings changed: {diff.settings.join(', ')}</li>}
        </ul>
      )}
    </section>
  );
}

const SHOWN = 8;

function ChangeLine({ label, ids }: { label: string; ids: string[] }) {
  if (ids.length === 0) return null;
  const shown = ids.slice(0, SHOWN).join(', ');
  const more = ids.length > SHOWN ? ` and ${ids.length - SHOWN} more` : '';
  return (
    <li>
      <strong>
        {count(ids.length, 'node')} {label}
      </strong>
      : <span className="tl-mono">{shown}</span>
      {more}
    </li>
  );
}
