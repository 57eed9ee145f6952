// Nodes become steps: notes and positions go, each step's connected outputs become a
// handle -> target table in the node's own handle order, so the output does not depend on the
// order of the edges in the file. What a step keeps of its node is the node type's `compile`
// entry in flows/nodeTypes.ts.
import { specOf, type NodeTypeSpec } from '../nodeTypes';
import {
  outputHandles,
  type CompiledStep,
  type FlowDocument,
  type FlowNode,
  type NodeType,
} from '../schema';

export function buildSteps(doc: FlowDocument): CompiledStep[] {
  const targets = new Map<string, Map<string, string>>();
  for (const edge of doc.edges) {
    let byHandle = targets.get(edge.source);
    if (!byHandle) targets.set(edge.source, (byHandle = new Map()));
    if (!byHandle.has(edge.sourceHandle)) byHandle.set(edge.sourceHandle, edge.target);
  }
  const steps: CompiledStep[] = [];
  for (const node of doc.nodes) {
    const data = stepData(node);
    if (data === undefined) continue;
    const outputs: Record<string, string> = {};
    const byHandle = targets.get(node.id);
    if (byHandle)
      for (const handle of outputHandles(node)) {
        const target = byHandle.get(handle);
        if (target !== undefined) outputs[handle] = target;
      }
    steps.push({ id: node.id, type: node.type, data, outputs } as CompiledStep);
  }
  return steps;
}

/** The step's data, or undefined for a node that only the canvas shows. */
function stepData(node: FlowNode): CompiledStep['data'] | undefined {
  const compile = (specOf(node) as NodeTypeSpec<NodeType>).compile as
    ((node: FlowNode) => CompiledStep['data']) | null;
  return compile ? compile(node) : undefined;
}
