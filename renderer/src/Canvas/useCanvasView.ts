import { useReactFlow } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import { useDesignerContext } from '../designer/DesignerContext';
import { fitPadding } from './fitPadding';

/** Gives commands (fit, zoom, centre on a node) access to this canvas. */
export function useCanvasView(container: RefObject<HTMLElement | null>) {
  const context = useDesignerContext();
  const flow = useReactFlow();
  useEffect(() => {
    context.setView({
      // includeHiddenNodes: nodes never drawn (off screen) count with their assumed size. The
      // padding keeps the flow clear of the minimap and the zoom controls.
      fit: () => {
        const rect = container.current?.getBoundingClientRect();
        const bounds = flow.getNodesBounds(flow.getNodes());
        const padding = rect ? fitPadding(rect, bounds) : 0.15;
        void flow.fitView({ padding, maxZoom: 1, duration: 200, includeHiddenNodes: true });
      },
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      centreOn: (nodeId) => {
        const node = flow.getInternalNode(nodeId);
        if (!node) return;
        const { x, y } = node.internals.positionAbsolute;
        const w = node.measured.width ?? 240;
        const h = node.measured.height ?? 100;
        void flow.setCenter(x + w / 2, y + h / 2, {
          zoom: Math.max(flow.getZoom(), 1),
          duration: 250,
        });
      },
      reveal: (nodeId) => {
        const rect = container.current?.getBoundingClientRect();
        const node = flow.getInternalNode(nodeId);
        if (!rect || !node) return;
        const { x, y } = node.internals.positionAbsolute;
        const w = node.measured.width ?? 240;
        const h = node.measured.height ?? 110;
        const topLeft = flow.flowToScreenPosition({ x, y });
        const bottomRight = flow.flowToScreenPosition({ x: x + w, y: y + h });
        const inside =
          topLeft.x >= rect.left &&
          topLeft.y >= rect.top &&
          bottomRight.x <= rect.right &&
          bottomRight.y <= rect.bottom;
        if (!inside)
          void flow.setCenter(x + w / 2, y + h / 2, { zoom: flow.getZoom(), duration: 200 });
      },
      centre: () => {
        const rect = container.current?.getBoundingClientRect();
        if (!rect) return { x: 0, y: 0 };
        return flow.screenToFlowPosition({
          x: rect.left + rect.width / 2,
          y: rect.top + rect.height / 2,
        });
      },
      toScreen: (point) => flow.flowToScreenPosition(point),
      focusNode: (nodeId) => {
        // A node added just now, or off screen until the view pans to it (the caller reveals or
        // centres it), is drawn a few frames later, as only visible nodes are drawn: look for it
        // each frame, for up to a second.
        let frames = 0;
        const tryFocus = () => {
          const element = container.current?.querySelector<HTMLElement>(
            `.react-flow__node[data-id="${CSS.escape(nodeId)}"]`,
          );
          if (element) {
            element.focus({ preventScroll: true });
            return;
          }
          if (++frames < 60) requestAnimationFrame(tryFocus);
        };
        requestAnimationFrame(tryFocus);
      },
    });
    return () => context.setView(null);
  }, [context, flow, container]);
}
