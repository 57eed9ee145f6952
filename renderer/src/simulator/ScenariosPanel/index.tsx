// Record and replay: save the chat as a scenario file next to the flow, and run the flow's
// scenarios against the current draft with pass or fail for each, as `threadline test` would.
import { useState } from 'react';
import { useDesigner } from '../../hooks/useDesigner';
import { getHost } from '../../host';
import { baseName, runScenarioFiles, type ScenarioRun } from '../scenarios';
import { useSimulator } from '../store';
import { SaveScenarioForm } from './SaveScenarioForm';

export function ScenariosPanel() {
  const flowPath = useDesigner((s) => s.file.path);
  const draft = useSimulator((s) => s.draft);
  const [runs, setRuns] = useState<ScenarioRun[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  if (!flowPath)
    return (
      <div className="tl-sim-state">
        <p className="tl-sim-empty">
          Save the flow to a file first: its scenarios are kept next to it.
        </p>
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
      <section className="tl-sim-group" aria-label="Scenarios of this flow">
        <h3>Scenarios of {baseName(flowPath)}</h3>
        <button
          type="button"
          className="is-primary"
          onClick={() => void runAll()}
          disabled={running || !draft}
        >
          Run scenarios
        </button>
        {error && (
          <p className="tl-sim-error" role="alert">
            {error}
          </p>
        )}
        {runs && (
          <p className="tl-sim-summary" role="status">
            {passed} passed, {runs.length - passed} failed
          </p>
        )}
        <ul className="tl-sim-runs" aria-label="Scenario results">
          {runs?.map((run) => (
            <li key={run.path} className={run.passed ? 'is-pass' : 'is-fail'}>
              <span className="tl-sim-run-mark" aria-hidden>
                {run.passed ? '✓' : '✗'}
              </span>
              <span>
                <strong>{run.name}</strong> {run.passed ? 'passed' : 'failed'}
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
