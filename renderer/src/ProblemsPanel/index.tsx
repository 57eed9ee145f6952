// The linter's findings, live. Clicking one selects the node, centres it and focuses the field.
import { displayName } from '../nodeTypes/displayName';
import { useTranslation } from 'react-i18next';
import { Icon } from '../Icon';
import { lintMessageNow } from '../i18n/lint';
import { useDesignerContext } from '../designer/DesignerContext';
import { useDesigner } from '../hooks/useDesigner';
import { useRunCommand } from '../hooks/useRunCommand';
import { useUi } from '../hooks/useUi';
import type { Problem } from '../store/problem';
import { useProblemCounts } from './useProblemCounts';
import { declareVariable, fixFor } from './fixes';
import './problems.css';

export function ProblemsPanel() {
  const { t } = useTranslation();
  const context = useDesignerContext();
  const open = useUi((s) => s.problemsOpen);
  const problems = useDesigner((s) => s.problems);
  const doc = useDesigner((s) => s.doc);
  const nodes = doc.nodes;
  const { errors, warnings } = useProblemCounts();
  const run = useRunCommand();
  const reveal = (problem: Problem) => {
    const { store, view } = context;
    if (problem.nodeId && store.getState().doc.nodes[problem.nodeId]) {
      store.getState().select([problem.nodeId]);
      view?.centreOn(problem.nodeId);
    } else {
      store.getState().select([]);
    }
    store.getState().focusField(problem.nodeId ?? null, problem.field ?? null);
  };
  const applyFix = (problem: Problem) => {
    const fix = fixFor(problem, context.store.getState().doc);
    if (fix?.kind === 'declare')
      context.store
        .getState()
        .change((d) => declareVariable(d, fix.name, fix.type), { kind: 'push' });
    else if (fix?.kind === 'openField') reveal(problem);
  };
  return (
    <section aria-label={t('problems.label')} className={`tl-problems${open ? ' is-open' : ''}`}>
      <button
        type="button"
        className="tl-problems-header"
        aria-expanded={open}
        onClick={() => run('toggleProblems')}
      >
        <span>
          {open ? '▾' : '▸'} {t('problems.label')}
        </span>
        <span className="tl-count-error">{t('status.errors', { count: errors })}</span>
        <span className="tl-count-warning">{t('status.warnings', { count: warnings })}</span>
      </button>
      {open && (
        // Focusable: when the column is short the list scrolls, and a scrolling region must be
        // reachable by keyboard.
        <ul className="tl-problem-list" tabIndex={0} aria-label={t('problems.label')}>
          {problems.length === 0 && <li className="tl-muted">{t('problems.noProblems')}</li>}
          {problems.map((p, i) => (
            <li key={`${p.code}-${p.nodeId ?? ''}-${p.field ?? ''}-${i}`}>
              <button
                type="button"
                className={`tl-problem is-${p.severity}`}
                onClick={() => reveal(p)}
              >
                <span className="tl-problem-icon" aria-label={t(`problems.severity.${p.severity}`)}>
                  <Icon name="alert" size={14} />
                </span>
                <span className="tl-problem-message">{lintMessageNow(p)}</span>
                <span className="tl-muted">
                  {p.nodeId
                    ? nodes[p.nodeId]
                      ? displayName(nodes[p.nodeId]!)
                      : p.nodeId
                    : t('problems.flow')}
                  {p.field ? ` · ${p.field}` : ''} · {p.code}
                </span>
              </button>
              <FixButton problem={p} fix={fixFor(p, doc)?.label} onFix={applyFix} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FixButton(props: {
  problem: Problem;
  fix: string | undefined;
  onFix: (problem: Problem) => void;
}) {
  if (!props.fix) return null;
  return (
    <button type="button" className="tl-problem-fix" onClick={() => props.onFix(props.problem)}>
      {props.fix}
    </button>
  );
}
