// Below this zoom the canvas draws each node as a plain box (nodes/NodeFrame) and all edges as
// one drawing (Canvas/SimpleEdges): at that size handles cannot be grabbed nor labels read.
import { useStore } from '@xyflow/react';

export const SIMPLE_BELOW_ZOOM = 0.3;

const zoomedOut = (s: { transform: [number, number, number] }) =>
  s.transform[2] < SIMPLE_BELOW_ZOOM;

/** Whether the canvas is zoomed out far enough for the simple drawing. */
export function useZoomedOut(): boolean {
  return useStore(zoomedOut);
}
