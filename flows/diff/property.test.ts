// Property tests of the semantic diff over random compiled flows drawn from small domains (so
// that two draws are often nearly equal): a flow never differs from itself or from itself with its
// keys reordered; the diff is empty exactly when the flows have the same content; and moving nodes
// on the canvas is no change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile';
import lead from '../examples/lead-capture.flow.json';
import shop from '../examples/shop.flow.json';
import support from '../examples/support.flow.json';
import welcome from '../examples/welcome.flow.json';
import { validateFlowDocument } from '../load';
import type { CompiledFlow, CompiledStep, FlowDocument } from '../schema';
import { diffFlows, isEmptyDiff } from './index';
import { stableJson } from './semantic';

const small = fc.constantFrom('a', 'b', 'c');
const text = fc.constantFrom('Hi', 'Hello', 'Bye');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const button = fc.oneof(
  fc.record({ id: small, type: fc.constant('postback'), title: text }),
  fc.record({ id: small, type: fc.constant('url'), title: text, url: fc.constantFrom('u1', 'u2') }),
);
const uniqueById = <T extends { id: string }>(arb: fc.Arbitrary<T>, maxLength = 3) =>
  fc.uniqueArray(arb, { selector: (x) => x.id, maxLength });
const buttons = maybe(uniqueById(button, 2));
const block = fc.oneof(
  fc.record({ type: fc.constant('text'), text, buttons }).map(defined),
  fc.record({ type: fc.constantFrom('image', 'file'), url: fc.constantFrom('u1', 'u2') }),
  fc.record({ type: fc.constant('typing'), seconds: fc.constantFrom(1, 2) }),
  fc.record({
    type: fc.constant('cards'),
    cards: uniqueById(
      fc
        .record({ id: fc.constantFrom('k1', 'k2'), title: text, subtitle: maybe(text), buttons })
        .map(defined),
      2,
    ),
  }),
);
const data: Record<string, fc.Arbitrary<unknown>> = {
  message: fc
    .record({
      blocks: fc.array(block, { maxLength: 3 }),
      quickReplies: maybe(uniqueById(fc.record({ id: small, title: text }))),
    })
    .map(defined),
  input: fc
    .record({
      prompt: text,
      kind: fc.constantFrom('text', 'email'),
      variable: fc.constantFrom('x', 'y'),
      retryPrompt: maybe(text),
      maxRetries: maybe(fc.constantFrom(1, 2)),
      suggestions: maybe(fc.array(text, { maxLength: 2 })),
    })
    .map(defined),
  http: fc
    .record({
      method: fc.constantFrom('GET', 'POST'),
      url: fc.constantFrom('u1', 'u2'),
      headers: maybe(fc.dictionary(fc.constantFrom('A', 'B'), text, { maxKeys: 2 })),
    })
    .map(defined),
  condition: fc.record({
    branches: uniqueById(
      fc.record({ id: small, match: fc.constantFrom('all', 'any'), rules: fc.constant([]) }),
    ),
  }),
  split: fc.record({
    variants: uniqueById(fc.record({ id: small, weight: fc.constantFrom(1, 2) })),
  }),
  delay: fc.record({ seconds: fc.constantFrom(5, 10) }),
  handover: fc.record({ note: maybe(text) }).map(defined),
  end: fc.constant({}),
};
const step = fc
  .record({
    id: fc.constantFrom('n1', 'n2', 'n3', 'n4'),
    type: fc.constantFrom(...Object.keys(data)),
    outputs: fc.dictionary(fc.constantFrom('next', 'ok', 'reply:a'), fc.constantFrom('n1', 'n2'), {
      maxKeys: 2,
    }),
  })
  .chain((s) => data[s.type]!.map((d) => ({ ...s, data: d }) as CompiledStep));

const flow: fc.Arbitrary<CompiledFlow> = fc
  .record({
    name: fc.constantFrom('A', 'B'),
    disclosure: maybe(text),
    greeting: maybe(text),
    keywords: fc.array(fc.constantFrom('hi', 'menu'), { maxLength: 2 }),
    variables: uniqueById(
      fc.record({ id: fc.constantFrom('x', 'y'), type: fc.constantFrom('text', 'number') }),
      2,
    ),
    steps: uniqueById(step, 4),
  })
  .map(
    (f) =>
      ({
        format: 'threadline.compiled',
        version: 1,
        flowId: 'random',
        name: f.name,
        revision: '0'.repeat(64),
        entries: {
          keywords: f.keywords.length
            ? [{ keywords: f.keywords, match: 'exact', target: 'n1' }]
            : [],
          refs: [],
        },
        ...(f.disclosure !== undefined ? { disclosure: f.disclosure } : {}),
        ...(f.greeting !== undefined
          ? { profile: { greeting: [{ locale: 'default', text: f.greeting }] } }
          : {}),
        variables: f.variables.map(({ id, type }) => ({ name: id, type })),
        steps: f.steps,
      }) as CompiledFlow,
  );

/** The content that counts: steps by id and variables by name, whatever their order. */
function content(f: CompiledFlow): string {
  const { revision: _r, steps, variables, ...rest } = f;
  const byId = [...steps].sort((x, y) => (x.id < y.id ? -1 : 1));
  const byName = [...variables].sort((x, y) => (x.name < y.name ? -1 : 1));
  return stableJson({ ...rest, steps: byId, variables: byName });
}

type Spot = (string | number)[];

/** Paths to every leaf and every list element of a flow, but its format, version and revision. */
function editSpots(f: CompiledFlow): Spot[] {
  const spots: Spot[] = [];
  const walk = (value: unknown, path: Spot) => {
    if (Array.isArray(value))
      value.forEach((v, i) => {
        spots.push([...path, i]);
        walk(v, [...path, i]);
      });
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    else spots.push(path);
  };
  const { format: _f, version: _v, revision: _r, ...rest } = f;
  walk(rest, []);
  return spots;
}

/**
 * A copy of `f` with the value at `spot` changed, or the list element there dropped, or (`swap`)
 * swapped with the one before it.
 */
function edit(f: CompiledFlow, spot: Spot, swap: boolean): CompiledFlow {
  const copy = structuredClone(f);
  let parent: Record<string | number, unknown> = copy as never;
  for (const key of spot.slice(0, -1)) parent = parent[key] as never;
  const last = spot.at(-1)!;
  const value = parent[last];
  if (Array.isArray(parent) && typeof last === 'number' && swap && last > 0)
    parent.splice(last - 1, 2, parent[last], parent[last - 1]);
  else if (Array.isArray(parent) && typeof last === 'number' && typeof value === 'object')
    parent.splice(last, 1);
  else if (typeof value === 'number') parent[last] = value + 1;
  else if (typeof value === 'boolean') parent[last] = !value;
  else parent[last] = `${String(value)}-edited`;
  return copy;
}

function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  ) as T;
}

describe('diffFlows on random flows', () => {
  it('finds nothing between a flow and itself, with or without its keys reordered', () => {
    fc.assert(
      fc.property(flow, (f) => {
        expect(isEmptyDiff(diffFlows(f, structuredClone(f)))).toBe(true);
        expect(isEmptyDiff(diffFlows(f, reverseKeys(f)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is empty exactly when two flows have the same content', () => {
    fc.assert(
      fc.property(flow, flow, (a, b) => {
        const diff = diffFlows(a, b);
        expect(isEmptyDiff(diff)).toBe(content(a) === content(b));
        // Every changed node says what changed.
        for (const node of diff.nodes) {
          const said =
            node.texts.length + node.items.length + node.connections.length + node.settings.length;
          if (node.change === 'changed' && node.typeBefore === undefined)
            expect(said).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('sees any one edit: a value changed, a list element dropped or moved, anywhere', () => {
    const edited = flow.chain((f) => {
      const spots = editSpots(f);
      return fc
        .tuple(fc.nat(spots.length - 1), fc.boolean())
        .map(([n, swap]) => [f, edit(f, spots[n]!, swap)] as const);
    });
    fc.assert(
      fc.property(edited, ([a, b]) => {
        // Swapping two equal elements, or steps or variables (whose order does not count).
        fc.pre(content(a) !== content(b));
        expect(isEmptyDiff(diffFlows(a, b))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds no change when the flows differ only in step and variable order', () => {
    fc.assert(
      fc.property(flow, (a) => {
        const b = { ...a, steps: [...a.steps].reverse(), variables: [...a.variables].reverse() };
        expect(isEmptyDiff(diffFlows(a, b))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is symmetric: what one way adds the other way removes', () => {
    fc.assert(
      fc.property(flow, flow, (a, b) => {
        const there = diffFlows(a, b);
        const back = diffFlows(b, a);
        expect(new Set(back.removed)).toEqual(new Set(there.added));
        expect(new Set(back.changed)).toEqual(new Set(there.changed));
      }),
      { numRuns: 300 },
    );
  });
});

describe('moving nodes', () => {
  const examples = [shop, support, lead, welcome].map((json) => {
    const loaded = validateFlowDocument(structuredClone(json));
    if (!loaded.ok) throw new Error('an example does not load');
    return loaded.document;
  });
  const compile = (doc: FlowDocument) => {
    const result = compileFlow(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    return result.compiled;
  };

  it('is no change, wherever the nodes go', () => {
    const positions = fc.array(fc.record({ x: fc.integer(), y: fc.integer() }), {
      minLength: 40,
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.nat(examples.length - 1), positions, fc.boolean(), (which, moved, flip) => {
        const doc = examples[which]!;
        const movedDoc: FlowDocument = {
          ...doc,
          nodes: doc.nodes.map((n, i) => ({ ...n, position: moved[i % moved.length]! })),
          edges: flip ? [...doc.edges].reverse() : doc.edges,
        };
        expect(isEmptyDiff(diffFlows(compile(doc), compile(movedDoc)))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
