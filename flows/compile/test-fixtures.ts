// Hand-made compiled flows, each broken one way, with a valid schema and a correct revision: what
// a runtime must refuse although the JSON Schema and the hash accept it. Shared by the checker's
// unit tests and the runtime's publish tests.
import { cleanFlow } from '../lint/test-fixtures';
import { CompiledFlow, type CompiledStep } from '../schema';
import { canonicalize } from './canonical';
import { compileFlow } from './index';

export function cleanCompiled(): CompiledFlow {
  const result = compileFlow(cleanFlow());
  if (!result.ok) throw new Error(result.findings.map((f) => f.message).join('\n'));
  return structuredClone(result.compiled);
}

function stepOf(flow: CompiledFlow, id: string): CompiledStep {
  const found = flow.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

export interface BrokenCompiled {
  name: string;
  /** The code, step and field the refusal must name. */
  expect: { code: string; nodeId?: string; field: string };
  flow: CompiledFlow;
}

function broken(
  name: string,
  expect: BrokenCompiled['expect'],
  mutate: (flow: CompiledFlow) => void,
): BrokenCompiled {
  const flow = cleanCompiled();
  mutate(flow);
  const { revision: _revision, ...content } = flow;
  return { name, expect, flow: canonicalize(content) };
}

export function brokenCompiledFlows(): BrokenCompiled[] {
  return [
    broken(
      'an output pointing to a step that does not exist',
      { code: 'dangling-edge', nodeId: 'n-a', field: 'outputs.next' },
      (f) => void (stepOf(f, 'n-a').outputs.next = 'n-ghost'),
    ),
    broken(
      'a "go to" whose target does not exist',
      { code: 'missing-target', nodeId: 'n-jump', field: 'data.target' },
      (f) => {
        stepOf(f, 'n-a').outputs.next = 'n-jump';
        f.steps.push({ id: 'n-jump', type: 'goto', data: { target: 'n-nowhere' }, outputs: {} });
      },
    ),
    broken(
      'an entry pointing to a step that does not exist',
      { code: 'compiled-entry-invalid', field: 'entries.getStarted' },
      (f) => void (f.entries.getStarted = 'n-gone'),
    ),
    broken(
      'two steps with the same id',
      { code: 'duplicate-id', nodeId: 'n-a', field: 'id' },
      (f) => void f.steps.push({ ...stepOf(f, 'n-a') }),
    ),
    broken('no entry at all', { code: 'no-entry', field: 'entries' }, (f) => {
      f.entries = { keywords: [], refs: [] };
      f.steps = f.steps.filter((s) => s.type !== 'trigger');
    }),
    broken(
      'a 5,000-character text',
      { code: 'text-too-long', nodeId: 'n-a', field: 'data.blocks[0].text' },
      (f) => {
        const step = stepOf(f, 'n-a');
        if (step.type === 'message') step.data.blocks = [{ type: 'text', text: 'x'.repeat(5000) }];
      },
    ),
    broken(
      'an undeclared variable',
      { code: 'unknown-variable', nodeId: 'n-a', field: 'data.blocks[0].text' },
      (f) => {
        const step = stepOf(f, 'n-a');
        if (step.type === 'message')
          step.data.blocks = [{ type: 'text', text: 'Your order {{order_id}} is on its way.' }];
      },
    ),
    broken(
      'a loop that never waits',
      { code: 'loop-without-wait', nodeId: 'n-a', field: 'outputs' },
      (f) => void (stepOf(f, 'n-a').outputs.next = 'n-a'),
    ),
  ];
}

/** Parses like the runtime does, to be sure the broken flows pass the schema. */
export function passesSchema(flow: CompiledFlow): boolean {
  return CompiledFlow.safeParse(JSON.parse(JSON.stringify(flow))).success;
}
