// Record and replay: save the chat as a scenario file next to the flow, and run the flow's
// scenarios against the current draft with pass or fail for each, as `threadline test` would.
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useDesigner } from '../../hooks/useDesigner';
import { getHost } from '../../host';
import { baseName, runScenarioFiles, type ScenarioRun } from '../scenarios';
import { useSimulator } from '../store';
import { SaveScenarioForm } from './SaveScenarioForm';

export function ScenariosPanel() {
  const { t } = useTranslation();
  const flowPath = useDesigner((s) => s.file.path);
  const draft = useSimulator((s) => s.draft);
  const [runs, setRuns] = useState<ScenarioRun[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  if (!flowPath)
    return (
      <div className="tl-sim-state">
        <p className="tl-sim-empty">{t('scenarios.saveFirst')}</p>
      </div>
    );
  const runAll = async () => {
    if (!draft) return;
    setRunning(true);
    setError(null);
    try {
      setRuns(runScenarioFiles(draft, flowPath, await getHost().documents.listScenarios(flowPath)));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };
  const passed = runs?.filter((r) => r.passed).length ?? 0;
  return (
    <div className="tl-sim-state">
      <SaveScenarioForm flowPath={flowPath} onSaved={() => void runAll()} />
      <section className="tl-sim-group" aria-label={t('scenarios.ofThisFlow')}>
        <h3>{t('scenarios.of', { file: baseName(flowPath) })}</h3>
        <button
          type="button"
          className="is-primary"
          onClick={() => void runAll()}
          disabled={running || !draft}
        >
          {t('scenarios.run')}
        </button>
        {error && (
          <p className="tl-sim-error" role="alert">
            {error}
          </p>
        )}
        {runs && (
          <p className="tl-sim-summary" role="status">
            {t('scenarios.summary', { passed, failed: runs.length - passed })}
          </p>
        )}
        <ul className="tl-sim-runs" aria-label={t('scenarios.results')}>
          {runs?.map((run) => (
            <li key={run.path} className={run.passed ? 'is-pass' : 'is-fail'}>
              <span className="tl-sim-run-mark" aria-hidden>
                {run.passed ? '✓' : '✗'}
              </span>
              <span>
                <strong>{run.name}</strong>{' '}
                {run.passed ? t('scenarios.passed') : t('scenarios.failed')}
                <small>{baseName(run.path)}</small>
                {run.messages.map((m) => (
                  <code key={m}>{m}</code>
                ))}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
