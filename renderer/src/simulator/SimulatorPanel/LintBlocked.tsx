// A draft with lint errors cannot be simulated (the runtime would refuse it too): say what to fix,
// and let each error take the tester to its node.
import { displayName } from '../../nodeTypes/displayName';
import { useTranslation } from 'react-i18next';
import { useSimulator } from '../store';
import { useSelectNode } from '../useSelectNode';
import { lintMessageNow } from '../../i18n/lint';
import { useDesigner } from '../../hooks/useDesigner';

export function LintBlocked() {
  const findings = useSimulator((s) => s.findings);
  const selectNode = useSelectNode();
  const nodes = useDesigner((s) => s.doc.nodes);
  const { t } = useTranslation();
  return (
    <div className="tl-sim-blocked" role="alert">
      <h3>{t('simulator.fixErrors', { count: findings.length })}</h3>
      <p className="tl-muted">{t('simulator.exactlyAsPublished')}</p>
      <ul>
        {findings.map((f, i) => (
          <li key={`${f.code}-${f.nodeId ?? ''}-${f.field ?? ''}-${i}`}>
            {f.nodeId ? (
              <button type="button" className="tl-sim-link" onClick={() => selectNode(f.nodeId!)}>
                {nodes[f.nodeId] ? displayName(nodes[f.nodeId]!) : f.nodeId}
              </button>
            ) : (
              <span className="tl-muted">{t('simulator.flow')}</span>
            )}
            <span>{lintMessageNow(f)}</span>
            <code>{f.code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
