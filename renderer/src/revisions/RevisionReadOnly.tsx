// A revision shown read-only: its nodes in order, each with its texts, buttons, quick replies,
// cards, branches and variants, its connections and other settings, as the diff against an empty
// flow says them (flows/diff). Nodes that the draft still has link to the canvas.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffFlows } from '../../../flows';
import type { CompiledFlow } from '../../../flows/schema';
import { useDesignerContext } from '../designer/DesignerContext';
import { useDesigner } from '../hooks/useDesigner';
import { tKey } from '../i18n';
import { shortRevision } from '../publish/machine';
import { showNode } from '../publish/publishActions';

export function RevisionReadOnly({ flow }: { flow: CompiledFlow }) {
  const { t } = useTranslation();
  const context = useDesignerContext();
  const nodes = useDesigner((s) => s.doc.nodes);
  const entries = useMemo(
    () => diffFlows({ ...flow, steps: [], variables: [] }, flow).nodes,
    [flow],
  );
  const rev = shortRevision(flow.revision);
  return (
    <section className="tl-revision-shown" aria-label={t('revisions.readOnly', { revision: rev })}>
      <h3>{t('revisions.readOnly', { revision: rev })}</h3>
      <p className="tl-muted">
        {flow.name} · {t('revisions.nodes', { count: flow.steps.length })}
      </p>
      <ul className="tl-diff-nodes">
        {entries.map((node) => (
          <li key={node.nodeId} className="tl-diff-node">
            <div className="tl-diff-node-head">
              {nodes[node.nodeId] ? (
                <button
                  type="button"
                  className="tl-link tl-mono"
                  onClick={() => showNode(context, node.nodeId)}
                  title={t('diff.showNode')}
                >
                  {node.nodeId}
                </button>
              ) : (
                <span className="tl-mono">{node.nodeId}</span>
              )}{' '}
              <span className="tl-muted">{tKey(`nodes.${node.type}.label`, node.type)}</span>
            </div>
            <ul className="tl-diff-details">
              {node.texts.map((c) => (
                <li key={`t-${c.path}`}>
                  <span className="tl-muted">{c.path}: </span>
                  {c.after}
                </li>
              ))}
              {node.items.map((c) => (
                <li key={`i-${c.kind}-${c.id}`}>
                  {t(`diff.item.${c.kind}`)}: {c.after ?? c.id}
                </li>
              ))}
              {node.connections.map((c) => (
                <li key={`c-${c.handle}`}>
                  {c.handle} → <span className="tl-mono">{c.after ?? t('diff.notConnected')}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
