// `threadline test PATH... [--coverage] [--coverage-json FILE]` (docs/format.md §5): replays scenario
// files and prints `N passed, N failed` last; exit 1 on any failure.
import {
  coverageOf,
  coverageTotals,
  runScenario,
  scenarioMessage,
  type CompiledFlow,
  type CoverageReport,
  type ScenarioFailure,
  type TraceEntry,
} from '../../flows';
import { writeFileAtomic } from '../../electron/services/atomic-write';
import { defineCommand, parseCommandArgs } from '../args';
import { cliLanguage, cliMessages } from '../i18n';
import {
  findScenarioFiles,
  loadScenario,
  loadScenarioFlow,
  type Loaded,
  type LoadedFlow,
} from './scenario-files';

export const spec = defineCommand({
  name: 'test',
  summary: 'replay scenario files',
  operand: {
    name: 'PATH',
    many: true,
    help: 'scenario files, or folders searched for *.scenario.json',
  },
  options: {
    coverage: {
      type: 'boolean',
      help: 'also report the nodes and output handles the scenarios reached',
    },
    'coverage-json': {
      type: 'string',
      value: 'FILE',
      help: 'write the coverage as JSON to FILE (implies --coverage)',
    },
  },
  notes: ['Prints PASS or FAIL per scenario and `N passed, N failed` last; exit 1 on a failure.'],
});

export interface ScenarioRun {
  file: string;
  name: string;
  passed: boolean;
  /** Set when the scenario or its flow could not be loaded. */
  error?: string;
  failures: ScenarioFailure[];
}

export interface TestRun {
  runs: ScenarioRun[];
  coverage: CoverageReport;
  /** Per flow id, each node's display name (flows loaded from a document only). */
  names: Record<string, ReadonlyMap<string, string>>;
}

/** Runs every scenario under `paths`; coverage is gathered per flow id. */
export async function testScenarioFiles(paths: string[]): Promise<Loaded<TestRun>> {
  const found = await findScenarioFiles(paths);
  if (!found.ok) return found;
  const flows = new Map<string, Promise<LoadedFlow>>();
  const names: TestRun['names'] = {};
  const traces = new Map<string, { flow: CompiledFlow; traces: TraceEntry[][] }>();
  const runs: ScenarioRun[] = [];
  for (const file of found.value) {
    const scenario = await loadScenario(file);
    if (!scenario.ok) {
      runs.push({ file, name: file, passed: false, error: scenario.message, failures: [] });
      continue;
    }
    const { name } = scenario.value;
    const flow = await loadScenarioFlow(file, scenario.value, flows);
    if (!flow.ok) {
      runs.push({ file, name, passed: false, error: flow.message, failures: [] });
      continue;
    }
    if (flow.names) names[flow.value.flowId] = flow.names;
    const result = runScenario(flow.value, scenario.value);
    runs.push({ file, name, passed: result.passed, failures: result.failures });
    const entry = traces.get(flow.value.flowId) ?? { flow: flow.value, traces: [] };
    entry.traces.push(result.trace);
    traces.set(flow.value.flowId, entry);
  }
  const coverage: CoverageReport = { flows: {} };
  for (const [id, { flow, traces: t }] of [...traces].sort(([a], [b]) => a.localeCompare(b)))
    coverage.flows[id] = coverageOf(flow, t);
  return { ok: true, value: { runs, coverage, names } };
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(spec, args);
  if (!parsed.ok) return parsed.exitCode;
  const { coverage: wantsCoverage, 'coverage-json': coverageJson } = parsed.options;
  const tested = await testScenarioFiles(parsed.operands);
  if (!tested.ok) {
    console.error(`threadline test: ${tested.message}`);
    return 1;
  }
  const { runs, coverage, names } = tested.value;
  for (const r of runs) console.log(formatRun(r));
  if (wantsCoverage || coverageJson) console.log(formatCoverage(coverage, names));
  if (coverageJson) {
    try {
      await writeFileAtomic(coverageJson, `${JSON.stringify(coverage, null, 2)}\n`);
    } catch (error) {
      console.error(
        cliMessages().text('cannotWrite', {
          command: 'test',
          file: coverageJson,
          reason: (error as Error).message,
        }),
      );
      return 1;
    }
  }
  const failed = runs.filter((r) => !r.passed).length;
  console.log(cliMessages().text('testSummary', { passed: runs.length - failed, failed }));
  return failed > 0 ? 1 : 0;
}

/** PASS and FAIL stay English (scripts grep them); the details are in the user's language. */
function formatRun(r: ScenarioRun): string {
  if (r.passed) return `PASS ${r.file}: ${r.name}`;
  const { text } = cliMessages();
  const language = cliLanguage();
  const lines = [`FAIL ${r.file}: ${r.name}`];
  if (r.error) lines.push(`  ${r.error.replace(/\n/g, '\n  ')}`);
  for (const f of r.failures) {
    lines.push(
      `  ${text('testStep', { step: f.stepIndex, message: scenarioMessage(f, language) })}`,
    );
    lines.push(`    ${text('testExpected', { value: JSON.stringify(f.expected) })}`);
    lines.push(`    ${text('testActual', { value: JSON.stringify(f.actual) })}`);
  }
  return lines.join('\n');
}

export function formatCoverage(report: CoverageReport, names: TestRun['names'] = {}): string {
  const lines: string[] = [];
  const { text } = cliMessages();
  const sum = { nodes: [0, 0], handles: [0, 0] };
  for (const [id, flow] of Object.entries(report.flows)) {
    const t = coverageTotals(flow);
    sum.nodes = [sum.nodes[0]! + t.nodes.covered, sum.nodes[1]! + t.nodes.total];
    sum.handles = [sum.handles[0]! + t.handles.covered, sum.handles[1]! + t.handles.total];
    lines.push(
      text('coverageFlow', {
        id,
        nodes: t.nodes.covered,
        nodesTotal: t.nodes.total,
        handles: t.handles.covered,
        handlesTotal: t.handles.total,
      }),
    );
    const byNode = new Map<string, string[]>();
    for (const item of flow.uncovered) {
      const [node, handle] = item.split('#') as [string, string | undefined];
      byNode.set(node, [...(byNode.get(node) ?? []), handle ?? text('neverEntered')]);
    }
    for (const [node, handles] of byNode) {
      const name = names[id]?.get(node);
      const known = name && name !== node ? `${node} ${JSON.stringify(name)}` : node;
      lines.push(`  ${text('uncovered', { node: known, handles: handles.join(', ') })}`);
    }
  }
  lines.push(
    text('coverageTotal', {
      nodes: sum.nodes[0]!,
      nodesTotal: sum.nodes[1]!,
      handles: sum.handles[0]!,
      handlesTotal: sum.handles[1]!,
    }),
  );
  return lines.join('\n');
}
