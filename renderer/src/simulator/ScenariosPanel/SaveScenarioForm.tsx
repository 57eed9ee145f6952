// Saves the chat so far as a scenario file beside the flow.
import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import { getHost } from '../../host';
import { recordScenario } from '../recorder';
import { baseName } from '../scenarios';
import { useSimulatorStore, useSimulator } from '../store';

export function SaveScenarioForm({ flowPath, onSaved }: { flowPath: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const simulator = useSimulatorStore();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hasChat = useSimulator((s) => s.turns.length > 0);
  const edited = useSimulator((s) => s.edited);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const { turns, settings, runSeed } = simulator.getState();
    const scenario = recordScenario(turns, {
      name: name.trim(),
      flowFile: baseName(flowPath),
      user: settings.user,
      seed: runSeed,
      edited,
    });
    try {
      const path = await getHost().documents.saveScenario(
        flowPath,
        scenario.name,
        `${JSON.stringify(scenario, null, 2)}\n`,
      );
      setSaved(baseName(path));
      setError(null);
      setName('');
      onSaved();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section className="tl-sim-group" aria-label={t('scenarios.record')}>
      <h3>{t('scenarios.saveChat')}</h3>
      {!hasChat && <p className="tl-muted">{t('scenarios.chatFirst')}</p>}
      {edited && <p className="tl-muted">{t('scenarios.editedByHand')}</p>}
      <form className="tl-sim-inline" onSubmit={(e) => void save(e)}>
        <input
          aria-label={t('scenarios.name')}
          placeholder={t('scenarios.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="is-primary" disabled={!hasChat || !name.trim()}>
          {t('scenarios.save')}
        </button>
      </form>
      {saved && (
        <p role="status" className="tl-sim-ok">
          {t('scenarios.saved', { file: saved })}
        </p>
      )}
      {error && (
        <p role="alert" className="tl-sim-error">
          {error}
        </p>
      )}
    </section>
  );
}
