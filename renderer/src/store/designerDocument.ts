// The document as the designer holds it: the same data as a FlowDocument, with nodes and edges
// keyed by id so that one node's edit touches one record and lookups are not array scans.
import { t } from '../i18n';
import type { Edge, FlowDocument, FlowNode } from '../../../flows/schema';

export type FlowMeta = Omit<FlowDocument, 'nodes' | 'edges'>;

export interface DesignerDocument {
  meta: FlowMeta;
  nodes: Readonly<Record<string, FlowNode>>;
  /** Document order of the nodes (keyword priority and messages follow it). */
  nodeOrder: readonly string[];
  edges: Readonly<Record<string, Edge>>;
  edgeOrder: readonly string[];
}

export function fromFlowDocument(doc: FlowDocument): DesignerDocument {
  const { nodes, edges, ...meta } = doc;
  return {
    meta,
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    nodeOrder: nodes.map((n) => n.id),
    edges: Object.fromEntries(edges.map((e) => [e.id, e])),
    edgeOrder: edges.map((e) => e.id),
  };
}

export function toFlowDocument(doc: DesignerDocument): FlowDocument {
  return {
    ...doc.meta,
    nodes: doc.nodeOrder.flatMap((id) => (doc.nodes[id] ? [doc.nodes[id]] : [])),
    edges: doc.edgeOrder.flatMap((id) => (doc.edges[id] ? [doc.edges[id]] : [])),
  };
}

export function emptyFlowDocument(): FlowDocument {
  return {
    format: 'threadline.flow',
    version: 1,
    id: 'untitled',
    name: t('newFlow.name'),
    variables: [],
    nodes: [],
    edges: [],
  };
}
