// Nodes become steps: notes and positions go, each step's connected outputs become a
// handle -> target table in the node's own handle order, so the output does not depend on the
// order of the edges in the file.
import { outputHandles, type CompiledStep, type FlowDocument, type FlowNode } from '../schema';

export function buildSteps(doc: FlowDocument): CompiledStep[] {
  const targets = new Map<string, Map<string, string>>();
  for (const edge of doc.edges) {
    let byHandle = targets.get(edge.source);
    if (!byHandle) targets.set(edge.source, (byHandle = new Map()));
    if (!byHandle.has(edge.sourceHandle)) byHandle.set(edge.sourceHandle, edge.target);
  }
  const steps: CompiledStep[] = [];
  for (const node of doc.nodes) {
    if (node.type === 'note') continue;
    const outputs: Record<string, string> = {};
    const byHandle = targets.get(node.id);
    if (byHandle)
      for (const handle of outputHandles(node)) {
        const target = byHandle.get(handle);
        if (target !== undefined) outputs[handle] = target;
      }
    steps.push({ id: node.id, type: node.type, data: stepData(node), outputs } as CompiledStep);
  }
  return steps;
}

function stepData(node: Exclude<FlowNode, { type: 'note' }>): CompiledStep['data'] {
  // Header names are a map; sort them so that the file's key order cannot change the output.
  if (node.type === 'http' && node.data.headers) {
    const headers = Object.fromEntries(
      Object.entries(node.data.headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    return { ...node.data, headers };
  }
  return node.data;
}
