import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile';
import { diffCompiledFlows, isEmptyDiff } from './index';
import shop from '../examples/shop.flow.json';
import { validateFlowDocument } from '../load';
import type { CompiledFlow, FlowDocument } from '../schema';

function shopDoc(): FlowDocument {
  const loaded = validateFlowDocument(structuredClone(shop));
  if (!loaded.ok) throw new Error('shop example does not load');
  return loaded.document;
}

function compile(doc: FlowDocument): CompiledFlow {
  const result = compileFlow(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return result.compiled;
}

/** Reverses the key order of every object, as another JSON writer might. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    ) as T;
  return value;
}

describe('diffCompiledFlows', () => {
  it('lists every step as added when nothing is published yet', () => {
    const next = compile(shopDoc());
    const diff = diffCompiledFlows(null, next);
    expect(diff.added).toEqual(next.steps.map((s) => s.id));
    expect(diff).toMatchObject({ removed: [], changed: [], settings: [] });
  });

  it('finds no change between a flow and the same flow with its keys reordered', () => {
    const next = compile(shopDoc());
    const diff = diffCompiledFlows(reversedKeys(next), next);
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('names the added, removed and changed steps by id', () => {
    const before = shopDoc();
    const after = shopDoc();
    const welcome = after.nodes.find((n) => n.id === 'n-welcome')!;
    if (welcome.type !== 'message') throw new Error('n-welcome is not a message');
    const first = welcome.data.blocks[0]!;
    if (first.type !== 'text') throw new Error('n-welcome does not start with text');
    first.text = 'Hello again!';
    after.nodes.push({
      id: 'n-new-end',
      type: 'end',
      position: { x: 0, y: 0 },
      data: {},
    } as FlowDocument['nodes'][number]);
    const diff = diffCompiledFlows(compile(before), compileUnchecked(after, 'n-size-help'));
    expect(diff.changed).toContain('n-welcome');
    expect(diff.added).toEqual(['n-new-end']);
    expect(diff.removed).toEqual(['n-size-help']);
  });

  it('counts a rewired edge as a change of the step it leaves from', () => {
    const before = compile(shopDoc());
    const after = structuredClone(before);
    const step = after.steps.find((s) => Object.keys(s.outputs).length > 0)!;
    const handle = Object.keys(step.outputs)[0]!;
    const target = step.outputs[handle];
    step.outputs[handle] = 'somewhere-else';
    const diff = diffCompiledFlows(before, after);
    expect(diff).toMatchObject({ added: [], removed: [], changed: [step.id], settings: [] });
    expect(diff.nodes).toEqual([
      expect.objectContaining({
        nodeId: step.id,
        connections: [{ handle, before: target, after: 'somewhere-else' }],
      }),
    ]);
  });

  it('reports flow-level changes such as the name and the profile separately from steps', () => {
    const before = compile(shopDoc());
    const after = { ...structuredClone(before), name: 'Renamed shop', profile: undefined };
    const diff = diffCompiledFlows(before, after);
    expect(diff.settings).toEqual(['name', 'profile']);
    expect(diff.changed).toEqual([]);
  });
});

/** Drops a step straight from the compiled flow (the document would lint with a dangling edge). */
function compileUnchecked(doc: FlowDocument, dropStep: string): CompiledFlow {
  const compiled = compile(doc);
  return { ...compiled, steps: compiled.steps.filter((s) => s.id !== dropStep) };
}
