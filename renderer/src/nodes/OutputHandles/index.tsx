// One row per output handle, labelled with its button, reply, branch or variant, with the
// handle on the row's right edge. Handle ids are exactly FORMAT §1's handle names.
import { Handle, Position, useUpdateNodeInternals } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import type { FlowNode } from '../../../../flows/schema';
import { useDesigner } from '../../hooks/useDesigner';
import { handleRows } from '../../nodeTypes/handleLabels';

export function OutputHandles({ node, simple }: { node: FlowNode; simple: boolean }) {
  const rows = useMemo(() => handleRows(node), [node]);
  const flagged = useDesigner((s) => s.problemsByNode[node.id]?.handles ?? '');
  const key = rows.map((r) => r.handle).join('|');
  const updateNodeInternals = useUpdateNodeInternals();
  const measuredKey = useRef(key);
  // React Flow measures handles on mount and on resize; tell it when they are added, removed or
  // reordered later. Never on mount: one call per node is one canvas update per node, which
  // makes opening a large flow quadratic.
  useEffect(() => {
    if (measuredKey.current === key) return;
    measuredKey.current = key;
    updateNodeInternals(node.id);
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
          {!simple && <span className="tl-output-label">{row.label}</span>}
          <Handle
            type="source"
            position={Position.Right}
            id={row.handle}
            className="tl-handle-out"
            title={row.label}
            aria-label={`${row.label} output`}
          />
        </li>
      ))}
    </ul>
  );
}
