import type {
  Connection as FlowConnection,
  FinalConnectionState,
  IsValidConnection,
} from '@xyflow/react';
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useDesignerContext } from '../designer/DesignerContext';
import { canConnect, connect } from '../store/operations/connect';

/** Connecting handles; dropping an edge on empty canvas opens the node-type menu. */
export function useConnections() {
  const { store, ui } = useDesignerContext();
  const { screenToFlowPosition } = useReactFlow();

  const isValidConnection: IsValidConnection = useCallback(
    (c) =>
      !!c.sourceHandle &&
      c.source !== c.target &&
      canConnect(store.getState().doc, {
        source: c.source,
        sourceHandle: c.sourceHandle,
        target: c.target,
      }),
    [store],
  );

  const onConnect = useCallback(
    (c: FlowConnection) => {
      if (!c.sourceHandle) return;
      const connection = { source: c.source, sourceHandle: c.sourceHandle, target: c.target };
      store.getState().change((doc) => connect(doc, connection).doc, { kind: 'push' });
    },
    [store],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (
        state.isValid ||
        !state.fromNode ||
        !state.fromHandle?.id ||
        state.fromHandle.type !== 'source'
      )
        return;
      // Dropped on a node that refused the edge: nothing to create.
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('.react-flow__node')) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const flow = screenToFlowPosition({ x: point.clientX, y: point.clientY });
      ui.getState().set({
        connectMenu: {
          source: state.fromNode.id,
          sourceHandle: state.fromHandle.id,
          x: point.clientX,
          y: point.clientY,
          flowX: flow.x,
          flowY: flow.y,
        },
      });
    },
    [ui, screenToFlowPosition],
  );

  return { isValidConnection, onConnect, onConnectEnd };
}
