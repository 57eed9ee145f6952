// The frame every node shares: coloured header with icon and type, problem badge, input handle,
// body and labelled output handles. Zoomed far out it draws only the header (cheap to render).
import { Icon } from '../../Icon';
import { Handle, Position, useStore as useFlowStore } from '@xyflow/react';
import { memo, type ReactNode } from 'react';
import type { FlowNode } from '../../../../flows/schema';
import { useDesigner } from '../../hooks/useDesigner';
import { NODE_CATALOG } from '../../nodeTypes/catalog';
import { useSimulatorHighlight } from '../../simulator/store';
import { OutputHandles } from '../OutputHandles';
import { ProblemBadge } from './ProblemBadge';
import { useMeasureOnMount } from './useMeasureOnMount';

const SIMPLE_BELOW_ZOOM = 0.3;
const zoomedOut = (s: { transform: [number, number, number] }) =>
  s.transform[2] < SIMPLE_BELOW_ZOOM;

interface Props {
  node: FlowNode;
  title?: string;
  children?: ReactNode;
}

export const NodeFrame = memo(function NodeFrame({ node, title, children }: Props) {
  const info = NODE_CATALOG[node.type];
  const simple = useFlowStore(zoomedOut);
  const selected = useDesigner((s) => s.selection.nodes.has(node.id));
  const simulated = useSimulatorHighlight(node.id);
  const hasInput = node.type !== 'trigger' && node.type !== 'note';
  useMeasureOnMount(node.id);
  return (
    <div
      className={`tl-node tl-group-${info.group.toLowerCase()}${selected ? ' is-selected' : ''}${simple ? ' is-simple' : ''}${simulated ? ` is-sim-${simulated}` : ''}`}
      data-node-id={node.id}
      data-node-type={node.type}
    >
      {hasInput && (
        <Handle type="target" position={Position.Left} id="in" className="tl-handle-in" />
      )}
      <header className="tl-node-header">
        <span className="tl-node-icon" aria-hidden>
          <Icon name={info.icon} size={14} />
        </span>
        <span className="tl-node-type">{info.label}</span>
        {title && <span className="tl-node-title">{title}</span>}
        <ProblemBadge nodeId={node.id} />
      </header>
      {!simple && children && <div className="tl-node-body">{children}</div>}
      <OutputHandles node={node} simple={simple} />
    </div>
  );
});
