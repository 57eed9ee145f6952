// A small flow that lints clean, and helpers to break it one way at a time in tests.
import type { Edge, FlowDocument, FlowNode, NodeOfType, NodeType } from '../schema';
import { lintFlow } from './index';

export function cleanFlow(): FlowDocument {
  return {
    format: 'threadline.flow',
    version: 1,
    id: 'test',
    name: 'Test flow',
    variables: [
      { name: 'email', type: 'email' },
      { name: 'size', type: 'number' },
      { name: 'name', type: 'text' },
    ],
    disclosure: "I'm an automated assistant.",
    nodes: [
      node('n-start', 'trigger', { kind: 'get_started' }),
      node('n-default', 'trigger', { kind: 'default' }),
      node('n-menu', 'message', {
        blocks: [{ type: 'text', text: 'Hi {{user_first_name|there}}!' }],
        quickReplies: [
          { id: 'a', title: 'Option A' },
          { id: 'b', title: 'Option B' },
        ],
      }),
      node('n-fallback', 'message', { blocks: [{ type: 'text', text: 'Sorry?' }] }),
      node('n-a', 'message', { blocks: [{ type: 'text', text: 'You chose A.' }] }),
      node('n-ask', 'input', { prompt: 'Your email?', kind: 'email', variable: 'email' }),
      node('n-end', 'end', {}),
    ],
    edges: [
      edge('n-start', 'out', 'n-menu'),
      edge('n-default', 'out', 'n-fallback'),
      edge('n-menu', 'reply:a', 'n-a'),
      edge('n-menu', 'reply:b', 'n-ask'),
      edge('n-menu', 'other', 'n-fallback'),
      edge('n-fallback', 'next', 'n-menu'),
      edge('n-a', 'next', 'n-end'),
      edge('n-ask', 'ok', 'n-end'),
      edge('n-ask', 'invalid', 'n-end'),
    ],
  };
}

export function node<T extends NodeType>(
  id: string,
  type: T,
  data: NodeOfType<T>['data'],
): FlowNode {
  return { id, type, position: { x: 0, y: 0 }, data } as FlowNode;
}

export function edge(source: string, sourceHandle: string, target: string): Edge {
  return { id: `e-${source}-${sourceHandle.replace(':', '-')}`, source, sourceHandle, target };
}

/** The node with this id, typed by its expected type (throws in a test if it is not there). */
export function nodeOf<T extends NodeType>(doc: FlowDocument, id: string, type: T): NodeOfType<T> {
  const found = doc.nodes.find((n) => n.id === id);
  if (!found || found.type !== type) throw new Error(`test flow has no ${type} node ${id}`);
  return found as NodeOfType<T>;
}

/** Adds nodes and connects them: `connect` lists [source, handle, target]. */
export function addNodes(
  doc: FlowDocument,
  nodes: FlowNode[],
  connect: [string, string, string][] = [],
): void {
  doc.nodes.push(...nodes);
  for (const [source, handle, target] of connect) {
    doc.edges = doc.edges.filter((e) => !(e.source === source && e.sourceHandle === handle));
    doc.edges.push(edge(source, handle, target));
  }
}

/** Replaces where an output leads. */
export function reconnect(doc: FlowDocument, source: string, handle: string, target: string): void {
  addNodes(doc, [], [[source, handle, target]]);
}

export function codes(doc: FlowDocument): string[] {
  return lintFlow(doc).map((f) => f.code);
}
