// The canvas: React Flow over the designer store. Nodes carry no data; each node component reads
// its own record, so an inspector edit re-renders one node, not the canvas.
import { EmptyCanvasHint } from '../templates/EmptyCanvasHint';
import { useTranslation } from 'react-i18next';
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  ReactFlow,
  SelectionMode,
} from '@xyflow/react';
import {
  useCallback,
  useMemo,
  useRef,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { useDesignerContext } from '../designer/DesignerContext';
import { NODE_COMPONENTS } from '../nodes/nodeComponents';
import { ConnectMenu } from '../ConnectMenu';
import { NodeContextMenu } from '../NodeContextMenu';
import { useZoomedOut } from '../nodes/zoom';
import { isEditable } from '../hooks/useShortcuts';
import { LazyMiniMap } from './LazyMiniMap';
import { SimpleEdges } from './SimpleEdges';
import { useCanvasElements } from './useCanvasNodes';
import { useCanvasKeyboard } from './useCanvasKeyboard';
import { useCanvasView } from './useCanvasView';
import { useFitOnLoad } from './useFitOnLoad';
import { useConnections } from './useConnections';
import { useNodeChanges } from './useNodeChanges';
import { usePaletteDrop } from './usePaletteDrop';

const GRID: [number, number] = [16, 16];
const FIT_OPTIONS = { padding: 0.15, maxZoom: 1, includeHiddenNodes: true };
const EDGE_OPTIONS = { type: 'smoothstep', markerEnd: { type: MarkerType.ArrowClosed } } as const;
const PAN_BUTTONS = [1]; // middle button; space + drag pans too (React Flow's default key)
const NO_EDGES: never[] = [];

/**
 * A press on the empty canvas takes focus out of a text field elsewhere (the inspector's), so
 * that Space then pans instead of typing into the field.
 */
function takeFocusFromFields(event: ReactPointerEvent<HTMLElement>) {
  const target = event.target as Element;
  if (!target.closest('.react-flow__pane')) return;
  const active = document.activeElement;
  if (isEditable(active) && !event.currentTarget.contains(active)) {
    event.currentTarget.focus({ preventScroll: true });
  }
}

export function Canvas() {
  const { t, i18n } = useTranslation();
  const { store, ui } = useDesignerContext();
  // React Flow's own words for assistive technology, in the designer's language.
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('keyboard.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('keyboard.nodeHelp'),
      'edge.a11yDescription.default': t('keyboard.edgeHelp'),
      'controls.ariaLabel': t('keyboard.controls'),
      'controls.zoomIn.ariaLabel': t('keyboard.zoomIn'),
      'controls.zoomOut.ariaLabel': t('keyboard.zoomOut'),
      'controls.fitView.ariaLabel': t('keyboard.fitView'),
      'minimap.ariaLabel': t('keyboard.miniMap'),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );
  const container = useRef<HTMLElement>(null);
  const { nodes, edges } = useCanvasElements();
  // Zoomed far out, SimpleEdges draws the edges (see there); React Flow draws none.
  const zoomedOut = useZoomedOut();
  const { onNodesChange, onEdgesChange } = useNodeChanges();
  const connections = useConnections();
  const drop = usePaletteDrop();
  useCanvasView(container);
  useCanvasKeyboard(container);
  useFitOnLoad();
  const begin = useCallback(() => store.getState().beginGesture(), [store]);
  const end = useCallback(() => store.getState().endGesture(), [store]);
  const clearSelection = useCallback(() => store.getState().select([]), [store]);
  // A right click opens the node's menu where the pointer is (the keyboard opens it at the node).
  const openNodeMenu = useCallback(
    (event: ReactMouseEvent, node: { id: string }) => {
      event.preventDefault();
      if (!store.getState().selection.nodes.has(node.id)) store.getState().select([node.id]);
      ui.getState().set({
        connectMenu: null,
        contextMenu: { nodeId: node.id, x: event.clientX, y: event.clientY },
      });
    },
    [store, ui],
  );

  return (
    <section
      aria-label={t('app.canvas')}
      className="tl-canvas"
      ref={container}
      tabIndex={-1}
      onPointerDown={takeFocusFromFields}
      {...drop}
    >
      <ReactFlow
        nodes={nodes}
        edges={zoomedOut ? NO_EDGES : edges}
        nodeTypes={NODE_COMPONENTS}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={begin}
        onNodeDragStop={end}
        onSelectionDragStart={begin}
        onSelectionDragStop={end}
        onPaneClick={clearSelection}
        // A connection dragged near the edge would pan the canvas away under the drop point.
        autoPanOnConnect={false}
        onNodeContextMenu={openNodeMenu}
        {...connections}
        defaultEdgeOptions={EDGE_OPTIONS}
        snapToGrid
        snapGrid={GRID}
        selectionOnDrag
        selectionMode={SelectionMode.Partial}
        panOnDrag={PAN_BUTTONS}
        deleteKeyCode={null}
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={2}
        fitView
        fitViewOptions={FIT_OPTIONS}
        colorMode="system"
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />
        {zoomedOut && <SimpleEdges edges={edges} />}
        <LazyMiniMap />
        <Controls showInteractive={false} />
      </ReactFlow>
      <ConnectMenu />
      <NodeContextMenu />
      <EmptyCanvasHint />
    </section>
  );
}
