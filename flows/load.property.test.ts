// Whatever a file holds, loading it gives a document or a list of problems: never an exception,
// and every problem has a message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import welcome from './examples/welcome.flow.json';
import { parseFlowDocument } from './load';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside a JSON value. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function replaceAt(root: Json, path: (string | number)[], replacement: Json | undefined): Json {
  if (path.length === 0) return replacement ?? null;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

const WELCOME = welcome as unknown as Json;
const WELCOME_PATHS = paths(WELCOME);

function expectProblemsOrDocument(text: string): void {
  const result = parseFlowDocument(text);
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(typeof problem.path).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

describe('parseFlowDocument on damaged files', () => {
  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => expectProblemsOrDocument(text)),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text, such as a file cut off mid-way', () => {
    const full = JSON.stringify(welcome, null, 2);
    fc.assert(
      fc.property(fc.nat(full.length), fc.string({ maxLength: 5 }), (cut, junk) =>
        expectProblemsOrDocument(full.slice(0, cut) + junk),
      ),
      { numRuns: 300 },
    );
  });

  it('never throws when a value anywhere in a valid document is replaced or removed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WELCOME_PATHS.filter((p) => p.length > 0)),
        fc.option(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { nil: undefined }),
        (path, replacement) =>
          expectProblemsOrDocument(JSON.stringify(replaceAt(WELCOME, path, replacement))),
      ),
      { numRuns: 500 },
    );
  });
});
