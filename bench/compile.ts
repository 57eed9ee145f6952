// compile.200.ms, compile.2000.ms and compile.20000.ms: median CPU time (see cpuMs) to parse (from
// text), lint and compile a generated flow of that many nodes. Three sizes, so that a pass that
// grows faster than the flow shows: a linear pipeline takes ten times as long for ten times the
// nodes.
import { compileFlow, lintFlow, parseFlowDocument, serializeFlowDocument } from '../flows';
import { generateFlow } from './generate-flow';
import { cpuMs, medianFigure, type Benchmark, type Figure } from './types';

/** Flow sizes and how many timed runs each (fewer for the big one, which takes long). */
const SIZES: [nodes: number, runs: number][] = [
  [200, 31],
  [2000, 15],
  [20000, 5],
];

export function parseLintCompile(text: string): string {
  const loaded = parseFlowDocument(text);
  if (!loaded.ok) throw new Error(`generated flow does not load: ${loaded.problems[0]?.message}`);
  const result = compileFlow(loaded.document, { findings: lintFlow(loaded.document) });
  if (!result.ok)
    throw new Error(`generated flow does not compile: ${result.findings[0]?.message}`);
  return result.json;
}

const benchmark: Benchmark = async () => {
  const figures: Figure[] = [];
  for (const [nodes, runs] of SIZES) {
    const text = serializeFlowDocument(generateFlow(nodes));
    for (let i = 0; i < 3; i++) parseLintCompile(text); // warm up the JIT
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = cpuMs();
      parseLintCompile(text);
      times.push(cpuMs() - start);
    }
    figures.push(medianFigure(`compile.${nodes}.ms`, times, 'ms'));
  }
  return figures;
};

export default benchmark;
