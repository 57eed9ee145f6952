// The frame every node shares: coloured header with icon and type, problem badge, input handle,
// body and labelled output handles. Zoomed far out it draws a plain box of the same size instead
// (see SimpleNode).
import { t, useLanguage } from '../../i18n';
import { Icon } from '../../Icon';
import {
  Handle,
  Position,
  useStore as useFlowStore,
  type NodeHandle,
  type ReactFlowState,
} from '@xyflow/react';
import { memo, useMemo, type ReactNode } from 'react';
import type { FlowNode } from '../../../../flows/schema';
import { hasInputHandle } from '../../../../flows';
import { useDesigner } from '../../hooks/useDesigner';
import { NODE_INFO } from '../../nodeTypes/info';
import { useSimulatorHighlight } from '../../simulator/store';
import { OutputHandles } from '../OutputHandles';
import { handleA11yProps } from '../handleA11y';
import { StatsBadge } from '../../stats/StatsBadge';
import { ProblemBadge } from './ProblemBadge';
import { SIMPLE_BELOW_ZOOM } from '../zoom';
import { useMeasureOnMount } from './useMeasureOnMount';

/** A handle's box in the node, as React Flow measured or was told it (see SimpleNode). */
type HandleBox = NodeHandle;

interface SimpleView {
  width: number;
  height: number;
  handles: readonly HandleBox[];
}

const sameHandle = (a: HandleBox, b: HandleBox) =>
  a.id === b.id && a.type === b.type && a.x === b.x && a.y === b.y;

const sameView = (a: SimpleView | null, b: SimpleView | null) =>
  a === b ||
  (!!a &&
    !!b &&
    a.width === b.width &&
    a.height === b.height &&
    a.handles.length === b.handles.length &&
    a.handles.every((h, i) => sameHandle(h, b.handles[i]!)));

/**
 * What the simple drawing needs while zoomed out far enough for it, else null: the node's size
 * and handle boxes as React Flow has them (measured when the node was last drawn in full, else
 * estimated, see store/estimatedHandles). It runs for every node on every canvas update (each
 * frame of a drag), so it answers from its last result while React Flow's record of the node
 * is the same object.
 */
function createSimpleViewSelector(id: string) {
  let seen: unknown = null;
  let view: SimpleView | null = null;
  return (s: ReactFlowState): SimpleView | null => {
    if (s.transform[2] >= SIMPLE_BELOW_ZOOM) return null;
    const node = s.nodeLookup.get(id);
    if (node === seen && view) return view;
    seen = node;
    const bounds = node?.internals.handleBounds;
    const measured = [...(bounds?.target ?? []), ...(bounds?.source ?? [])];
    view = {
      width: node?.measured.width ?? 240,
      height: node?.measured.height ?? 110,
      handles: measured.length ? measured : (node?.handles ?? []),
    };
    return view;
  };
}

function useSimpleView(id: string): SimpleView | null {
  const select = useMemo(() => createSimpleViewSelector(id), [id]);
  return useFlowStore(select, sameView);
}

interface Props {
  node: FlowNode;
  title?: string;
  children?: ReactNode;
}

/** A type's label in a language; asked for by every node, so looked up once (i18next is slow). */
const labels = new Map<string, string>();
function typeLabel(language: string, type: FlowNode['type']): string {
  const key = `${language}:${type}`;
  let label = labels.get(key);
  if (label === undefined) labels.set(key, (label = t(`nodes.${type}.label`, { lng: language })));
  return label;
}

export const NodeFrame = memo(function NodeFrame({ node, title, children }: Props) {
  const language = useLanguage();
  const info = NODE_INFO[node.type];
  const label = typeLabel(language, node.type);
  const simple = useSimpleView(node.id);
  const selected = useDesigner((s) => s.selection.nodes.has(node.id));
  const simulated = useSimulatorHighlight(node.id);
  const hasInput = hasInputHandle(node.type);
  useMeasureOnMount(node.id, !simple);
  const className = `tl-node tl-group-${info.group.toLowerCase()}${selected ? ' is-selected' : ''}${simple ? ' is-simple' : ''}${simulated ? ` is-sim-${simulated}` : ''}`;
  if (simple) return <SimpleNode node={node} label={label} className={className} view={simple} />;
  return (
    <div className={className} data-node-id={node.id} data-node-type={node.type}>
      {hasInput && (
        <Handle
          type="target"
          position={Position.Left}
          id="in"
          className="tl-handle-in"
          {...handleA11yProps(t('canvas.input'))}
        />
      )}
      <header className="tl-node-header">
        <span className="tl-node-icon" aria-hidden>
          <Icon name={info.icon} size={14} />
        </span>
        <span className="tl-node-type">{label}</span>
        {node.name ? (
          <span className="tl-node-title tl-node-name">{node.name}</span>
        ) : (
          title && <span className="tl-node-title">{title}</span>
        )}
        <ProblemBadge nodeId={node.id} />
      </header>
      {children && <div className="tl-node-body">{children}</div>}
      <OutputHandles node={node} />
      <StatsBadge node={node} />
    </div>
  );
});

/**
 * Zoomed far out, a node is a box of its full size with its type and problem badge: no icon, no
 * clipped text, no handles to grab (too small at that zoom). Handles are what make 2,000 nodes
 * slow to draw and to update (each is a separately positioned piece and a canvas subscriber), so
 * the box holds only invisible markers where they were, which React Flow measures when it
 * draws the box (it always does) and so keeps routing edges to the same places.
 */
function SimpleNode({
  node,
  label,
  className,
  view,
}: {
  node: FlowNode;
  label: string;
  className: string;
  view: SimpleView;
}) {
  return (
    <div
      className={className}
      data-node-id={node.id}
      data-node-type={node.type}
      style={{ width: view.width, height: view.height }}
    >
      <header className="tl-node-header">
        {/* Zoomed out, a named node says its name: the overview reads like a table of contents. */}
        <span className="tl-node-type">{node.name || label}</span>
        <ProblemBadge nodeId={node.id} />
      </header>
      {view.handles.map((h) => (
        <div
          key={`${h.type}:${h.id ?? ''}`}
          className={`tl-handle-marker ${h.type}`}
          data-handleid={h.id ?? undefined}
          data-handlepos={h.position}
          style={{ left: h.x, top: h.y, width: h.width ?? 1, height: h.height ?? 1 }}
        />
      ))}
      <StatsBadge node={node} />
    </div>
  );
}
