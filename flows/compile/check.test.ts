// The compiled-flow checker refuses what the JSON Schema and the revision hash let through, names
// the step and field of each problem, and accepts every flow the compiler writes.
import { describe, expect, it } from 'vitest';
import leadCapture from '../examples/lead-capture.flow.json';
import shop from '../examples/shop.flow.json';
import support from '../examples/support.flow.json';
import welcome from '../examples/welcome.flow.json';
import { validateFlowDocument } from '../load';
import { checkCompiledFlow } from './check';
import { compileFlow } from './index';
import { brokenCompiledFlows, cleanCompiled, passesSchema } from './test-fixtures';

function compiledExample(json: unknown) {
  const loaded = validateFlowDocument(json);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const result = compileFlow(loaded.document);
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return result.compiled;
}

describe('checkCompiledFlow', () => {
  it('accepts the compiled examples and the clean test flow', () => {
    for (const example of [welcome, shop, support, leadCapture])
      expect(checkCompiledFlow(compiledExample(example))).toEqual([]);
    expect(checkCompiledFlow(cleanCompiled())).toEqual([]);
  });

  for (const { name, expect: wanted, flow } of brokenCompiledFlows())
    it(`refuses ${name}, naming the step and field`, () => {
      expect(passesSchema(flow)).toBe(true);
      const findings = checkCompiledFlow(flow);
      expect(findings).toContainEqual(expect.objectContaining({ ...wanted, severity: 'error' }));
      for (const f of findings) expect(f.field).toBeDefined();
    });

  it('refuses an entry that points to a step that is not a trigger', () => {
    const flow = cleanCompiled();
    flow.entries.default = 'n-a';
    expect(checkCompiledFlow(flow)).toContainEqual(
      expect.objectContaining({ code: 'compiled-entry-invalid', field: 'entries.default' }),
    );
  });

  it('refuses an entry table that leaves out a trigger', () => {
    const flow = cleanCompiled();
    delete flow.entries.default;
    expect(checkCompiledFlow(flow)).toContainEqual(
      expect.objectContaining({ code: 'compiled-entry-invalid', field: 'entries.default' }),
    );
  });

  it('refuses an output through a handle the step does not have', () => {
    const flow = cleanCompiled();
    flow.steps.find((s) => s.id === 'n-a')!.outputs['button:nope'] = 'n-end';
    expect(checkCompiledFlow(flow)).toContainEqual(
      expect.objectContaining({
        code: 'dangling-edge',
        nodeId: 'n-a',
        field: 'outputs.button:nope',
      }),
    );
  });
});
