// How HTTP nodes are answered: for real through the host, or by the tester; and the canned answers
// stored per node, which always win, so a flow can be simulated fully offline.
import { displayName } from '../../nodeTypes/displayName';
import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { useSimulatorStore, useSimulator } from '../store';
import { CannedAnswerForm } from './CannedAnswerForm';
import { useDesigner } from '../../hooks/useDesigner';

export function HttpSettings() {
  const { t } = useTranslation();
  const simulator = useSimulatorStore();
  const live = useSimulator((s) => s.settings.liveHttp);
  const canned = useSimulator((s) => s.settings.canned);
  const steps = useSimulator((s) => s.running?.steps);
  const httpSteps = useMemo(
    () => (steps ?? []).flatMap((step) => (step.type === 'http' ? [step.id] : [])),
    [steps],
  );
  const store = simulator.getState();
  const nodes = useDesigner((s) => s.doc.nodes);
  const named = (id: string) => (nodes[id] ? displayName(nodes[id]) : id);
  return (
    <section className="tl-sim-group" aria-label="HTTP">
      <h3>{t('simState.httpNodes')}</h3>
      <label className="tl-sim-check">
        <input
          type="checkbox"
          checked={live}
          onChange={(e) => store.updateSettings({ liveHttp: e.target.checked })}
        />
        {t('simState.liveHttp')}
      </label>
      {httpSteps.length === 0 && <p className="tl-muted">{t('simState.noHttpNodes')}</p>}
      <ul className="tl-sim-canned">
        {httpSteps.map((id) => {
          const answer = canned[id];
          return (
            <li key={id}>
              <span title={id}>{named(id)}</span>
              {answer ? (
                <>
                  <span>
                    {'error' in answer
                      ? t('simState.fails', { error: answer.error })
                      : `${answer.status} ${answer.body.slice(0, 40)}`}
                  </span>
                  <button type="button" onClick={() => store.setCanned(id, null)}>
                    {t('simState.forget')}
                  </button>
                </>
              ) : (
                <CannedAnswerForm step={id} name={named(id)} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
