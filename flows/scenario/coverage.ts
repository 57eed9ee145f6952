// Which nodes and output handles scenarios reached (`threadline test --coverage`), from engine
// traces. The JSON the CLI writes (and the designer can draw on the canvas) has this shape:
//   { flows: { [flowId]: { nodes: { [nodeId]: count },
//                          handles: { ["nodeId#handle"]: count },
//                          uncovered: ["nodeId#handle" for each handle never taken,
//                                      "nodeId" for each node never entered] } } }
// Every handle a node offers counts (docs/format.md §1), connected or not: taking an unconnected `next`
// is still behaviour a scenario can check.
import { outputHandles, type CompiledFlow, type CompiledStep, type FlowNode } from '../schema';
import type { TraceEntry } from '../engine/actions';

export interface FlowCoverage {
  nodes: Record<string, number>;
  handles: Record<string, number>;
  uncovered: string[];
}

export interface CoverageReport {
  flows: Record<string, FlowCoverage>;
}

export interface CoverageTotals {
  nodes: { covered: number; total: number };
  handles: { covered: number; total: number };
}

/** The handles a compiled step offers; outputHandles reads only `type` and `data`. */
export function stepHandles(step: CompiledStep): string[] {
  return outputHandles({ ...step, position: { x: 0, y: 0 } } as unknown as FlowNode);
}

export function coverageOf(flow: CompiledFlow, traces: TraceEntry[][]): FlowCoverage {
  const nodes: Record<string, number> = {};
  const handles: Record<string, number> = {};
  for (const s of flow.steps) {
    nodes[s.id] = 0;
    for (const h of stepHandles(s)) handles[`${s.id}#${h}`] = 0;
  }
  for (const trace of traces)
    for (const entry of trace) {
      if (entry.type === 'enter' && entry.step in nodes) nodes[entry.step]! += 1;
      const key = entry.type === 'take' ? `${entry.step}#${entry.handle}` : '';
      if (key in handles) handles[key]! += 1;
    }
  // In flow order, each node before its handles, so the report reads like the canvas.
  const uncovered: string[] = [];
  for (const s of flow.steps) {
    if (nodes[s.id] === 0) uncovered.push(s.id);
    for (const h of stepHandles(s))
      if (handles[`${s.id}#${h}`] === 0) uncovered.push(`${s.id}#${h}`);
  }
  return { nodes, handles, uncovered };
}

export function coverageTotals(coverage: FlowCoverage): CoverageTotals {
  const count = (r: Record<string, number>) => ({
    covered: Object.values(r).filter((n) => n > 0).length,
    total: Object.keys(r).length,
  });
  return { nodes: count(coverage.nodes), handles: count(coverage.handles) };
}
