// compile.2000.ms: median time to parse (from text), lint and compile a 2,000-node flow.
import { compileFlow, lintFlow, parseFlowDocument, serializeFlowDocument } from '../flows';
import { generateFlow } from './generate-flow';
import { median, type Benchmark } from './types';

const NODES = 2000;
const RUNS = 21;

export function parseLintCompile(text: string): string {
  const loaded = parseFlowDocument(text);
  if (!loaded.ok) throw new Error(`generated flow does not load: ${loaded.problems[0]?.message}`);
  const result = compileFlow(loaded.document, { findings: lintFlow(loaded.document) });
  if (!result.ok)
    throw new Error(`generated flow does not compile: ${result.findings[0]?.message}`);
  return result.json;
}

const benchmark: Benchmark = async () => {
  const text = serializeFlowDocument(generateFlow(NODES));
  for (let i = 0; i < 3; i++) parseLintCompile(text); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    parseLintCompile(text);
    times.push(performance.now() - start);
  }
  return [
    { name: `compile.${NODES}.ms`, value: Math.round(median(times) * 100) / 100, unit: 'ms' },
  ];
};

export default benchmark;
