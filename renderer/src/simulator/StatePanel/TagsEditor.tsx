// The subscriber's tags: remove one, or add one to test a has_tag / lacks_tag branch.
import { useState, type FormEvent } from 'react';
import { useSimulatorStore, useSimulator } from '../store';

const NO_TAGS: readonly string[] = [];

export function TagsEditor() {
  const simulator = useSimulatorStore();
  const tags = useSimulator((s) => s.session?.tags ?? NO_TAGS);
  const [tag, setTag] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!tag.trim()) return;
    simulator.getState().setTag(tag.trim(), true);
    setTag('');
  };
  return (
    <section className="tl-sim-group" aria-label="Tags">
      <h3>Tags</h3>
      <ul className="tl-sim-tags">
        {tags.length === 0 && <li className="tl-muted">No tags yet.</li>}
        {tags.map((t) => (
          <li key={t} className="tl-sim-tag">
            {t}
            <button
              type="button"
              aria-label={`Remove tag ${t}`}
              onClick={() => simulator.getState().setTag(t, false)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="tl-sim-inline" onSubmit={add}>
        <input
          aria-label="New tag"
          placeholder="Tag name"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
        />
        <button type="submit" disabled={!tag.trim()}>
          Add tag
        </button>
      </form>
    </section>
  );
}
