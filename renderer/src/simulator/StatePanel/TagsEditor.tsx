// The subscriber's tags: remove one, or add one to test a has_tag / lacks_tag branch.
import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import { useSimulatorStore, useSimulator } from '../store';

const NO_TAGS: readonly string[] = [];

export function TagsEditor() {
  const { t } = useTranslation();
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
    <section className="tl-sim-group" aria-label={t('simState.tags')}>
      <h3>{t('simState.tags')}</h3>
      <ul className="tl-sim-tags">
        {tags.length === 0 && <li className="tl-muted">{t('simState.noTags')}</li>}
        {tags.map((name) => (
          <li key={name} className="tl-sim-tag">
            {name}
            <button
              type="button"
              aria-label={t('simState.removeTag', { tag: name })}
              onClick={() => simulator.getState().setTag(name, false)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="tl-sim-inline" onSubmit={add}>
        <input
          aria-label={t('simState.newTag')}
          placeholder={t('simState.tagName')}
          value={tag}
          onChange={(e) => setTag(e.target.value)}
        />
        <button type="submit" disabled={!tag.trim()}>
          {t('simState.addTag')}
        </button>
      </form>
    </section>
  );
}
