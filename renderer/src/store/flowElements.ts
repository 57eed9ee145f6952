// Derives React Flow's node and edge objects from the document, keeping each object's identity
// while its inputs are unchanged: React Flow then skips unchanged nodes, and the node components
// read their content from the store by id (the objects carry no data).
import type { NodeHandle } from '@xyflow/react';
import type { Edge as FlowEdge, FlowNode } from '../../../flows/schema';
import type { DesignerDocument } from './designerDocument';
import type { Selection } from './designerStore';
import { estimatedHandles } from './estimatedHandles';

export interface CanvasNode {
  id: string;
  type: FlowNode['type'];
  position: { x: number; y: number };
  selected: boolean;
  /** Measured, or estimated until the node is first drawn (see ./estimatedHandles). */
  measured: { width: number; height: number };
  /** Estimated handles, only until the node is first drawn and measured. */
  handles?: NodeHandle[];
  /** Size assumed until measured (fit view and the minimap use it for nodes never drawn). */
  initialWidth: number;
  initialHeight: number;
  data: Record<string, never>;
}

export interface CanvasEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  targetHandle: 'in';
  selected: boolean;
}

const NO_DATA: Record<string, never> = Object.freeze({}) as Record<string, never>;

type Measured = Readonly<Record<string, { width: number; height: number }>>;

export function createNodeDeriver() {
  const cache = new Map<
    string,
    { node: FlowNode; selected: boolean; size: unknown; out: CanvasNode }
  >();
  let last: CanvasNode[] = [];
  return (doc: DesignerDocument, selection: Selection, measured: Measured): CanvasNode[] => {
    let changed = doc.nodeOrder.length !== last.length;
    const result = doc.nodeOrder.map((id, index) => {
      const node = doc.nodes[id] as FlowNode;
      const selected = selection.nodes.has(id);
      const size = measured[id];
      const hit = cache.get(id);
      // Only position, type, selection and size matter to React Flow; data edits keep the object.
      if (
        hit &&
        hit.selected === selected &&
        hit.size === size &&
        hit.node.position === node.position &&
        hit.node.type === node.type
      ) {
        hit.node = node;
        if (last[index] !== hit.out) changed = true;
        return hit.out;
      }
      const estimate = size ? null : estimatedHandles(node);
      const out: CanvasNode = {
        id,
        type: node.type,
        position: node.position,
        selected,
        measured: size ?? estimate!.size,
        initialWidth: 240,
        initialHeight: 110,
        data: NO_DATA,
      };
      if (estimate) out.handles = estimate.handles;
      cache.set(id, { node, selected, size, out });
      changed = true;
      return out;
    });
    if (cache.size > result.length * 2) {
      for (const id of cache.keys()) if (!doc.nodes[id]) cache.delete(id);
    }
    if (!changed) return last;
    last = result;
    return result;
  };
}

export function createEdgeDeriver() {
  const cache = new Map<string, { edge: FlowEdge; selected: boolean; out: CanvasEdge }>();
  let last: CanvasEdge[] = [];
  return (doc: DesignerDocument, selection: Selection): CanvasEdge[] => {
    let changed = doc.edgeOrder.length !== last.length;
    const result = doc.edgeOrder.map((id, index) => {
      const edge = doc.edges[id] as FlowEdge;
      const selected = selection.edges.has(id);
      const hit = cache.get(id);
      if (hit && hit.edge === edge && hit.selected === selected) {
        if (last[index] !== hit.out) changed = true;
        return hit.out;
      }
      const out: CanvasEdge = {
        id,
        source: edge.source,
        sourceHandle: edge.sourceHandle,
        target: edge.target,
        targetHandle: 'in',
        selected,
      };
      cache.set(id, { edge, selected, out });
      changed = true;
      return out;
    });
    if (!changed) return last;
    last = result;
    return result;
  };
}
