// One row per output handle, labelled with its button, reply, branch or variant, with the
// handle on the row's right edge. Handle ids are exactly docs/format.md §1's handle names.
import { Handle, Position, useUpdateNodeInternals } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { FlowNode } from '../../../../flows/schema';
import { useDesigner } from '../../hooks/useDesigner';
import { t, useLanguage } from '../../i18n';
import { handleRows } from '../../nodeTypes/handleLabels';
import { handleA11yProps } from '../handleA11y';

/** The handle rows each node last had drawn, by node id: kept while zoomed out, when none are. */
const drawnRows = new Map<string, string>();

export function OutputHandles({ node }: { node: FlowNode }) {
  const language = useLanguage();
  // The labels are in the designer's language: computed again when it changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rows = useMemo(() => handleRows(node), [node, language]);
  const flagged = useDesigner((s) => s.problemsByNode[node.id]?.handles ?? '');
  const key = rows.map((r) => r.handle).join('|');
  const updateNodeInternals = useUpdateNodeInternals();
  // React Flow measures handles on mount and on resize; tell it when they are added, removed or
  // reordered later, also while zoomed out (drawn again after zooming in). Never on a node's
  // first mount: one call per node is one canvas update per node, which makes opening a large
  // flow quadratic.
  useEffect(() => {
    const drawn = drawnRows.get(node.id);
    drawnRows.set(node.id, key);
    if (drawn !== undefined && drawn !== key) updateNodeInternals(node.id);
  }, [key, node.id, updateNodeInternals]);
  if (rows.length === 0) return null;
  return (
    <ul className="tl-outputs">
      {rows.map((row) => (
        <li
          key={row.handle}
          className={`tl-output is-${row.kind}${flagged.split('|').includes(row.handle) ? ' has-problem' : ''}`}
          data-handle={row.handle}
        >
          <span className="tl-output-label">{row.label}</span>
          <Handle
            type="source"
            position={Position.Right}
            id={row.handle}
            className="tl-handle-out"
            title={row.label}
            {...handleA11yProps(t('canvas.output', { label: row.label }))}
          />
        </li>
      ))}
    </ul>
  );
}
