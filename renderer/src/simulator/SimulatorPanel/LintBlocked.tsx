// A draft with lint errors cannot be simulated (the runtime would refuse it too): say what to fix,
// and let each error take the tester to its node.
import { useSimulator } from '../store';
import { useSelectNode } from '../useSelectNode';

export function LintBlocked() {
  const findings = useSimulator((s) => s.findings);
  const selectNode = useSelectNode();
  return (
    <div className="tl-sim-blocked" role="alert">
      <h3>
        Fix {findings.length === 1 ? 'this error' : `these ${findings.length} errors`} to simulate
      </h3>
      <p className="tl-muted">The simulator runs the flow exactly as it would be published.</p>
      <ul>
        {findings.map((f, i) => (
          <li key={`${f.code}-${f.nodeId ?? ''}-${f.field ?? ''}-${i}`}>
            {f.nodeId ? (
              <button type="button" className="tl-sim-link" onClick={() => selectNode(f.nodeId!)}>
                {f.nodeId}
              </button>
            ) : (
              <span className="tl-muted">Flow</span>
            )}
            <span>{f.message}</span>
            <code>{f.code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
