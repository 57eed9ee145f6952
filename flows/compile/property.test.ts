// Property tests over random (schema-valid, often lint-broken) documents: the linter never
// throws, and the compiler's output depends only on the document's content.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintFlow } from '../lint';
import { CompiledFlow, FlowDocument, type Button, type FlowNode } from '../schema';
import { compileFlow } from './index';

const NODE_IDS = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'];
const nodeId = fc.constantFrom(...NODE_IDS);
const smallId = fc.constantFrom('a', 'b', 'c');
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    'Hi {{name}}',
    '{{user_first_name|there}}',
    'Hi {{nope}}',
    '',
    'https://example.com/{{name}}',
  ),
  fc.string({ minLength: 600, maxLength: 2100 }),
);
const url = fc.oneof(
  fc.constantFrom('https://example.com/a.jpg', 'http://example.com', 'not a url', '{{name}}'),
  fc.webUrl(),
);
const variableName = fc.constantFrom('name', 'size', 'email', 'now', 'missing');

const button: fc.Arbitrary<Button> = fc.oneof(
  fc.record({ id: smallId, type: fc.constant('postback' as const), title: text }),
  fc.record({ id: smallId, type: fc.constant('url' as const), title: text, url }),
  fc.record({
    id: smallId,
    type: fc.constant('call' as const),
    title: text,
    phone: fc.constantFrom('+4930123456', '123'),
  }),
);
const buttons = fc.option(fc.array(button, { maxLength: 4 }), { nil: undefined });
const card = fc.record(
  {
    id: smallId,
    title: text,
    subtitle: text,
    imageUrl: url,
    url,
    buttons: fc.array(button, { maxLength: 4 }),
  },
  { requiredKeys: ['id', 'title'] },
);
const block = fc.oneof(
  fc
    .record({ type: fc.constant('text' as const), text, buttons })
    .map(({ buttons: b, ...rest }) => (b ? { ...rest, buttons: b } : rest)),
  fc.record({
    type: fc.constantFrom('image' as const, 'video' as const, 'audio' as const, 'file' as const),
    url,
  }),
  fc.record({ type: fc.constant('cards' as const), cards: fc.array(card, { maxLength: 11 }) }),
  fc.record({
    type: fc.constant('typing' as const),
    seconds: fc.double({ min: 0, max: 30, noNaN: true }),
  }),
);
const rule = fc.oneof(
  fc.record(
    {
      variable: variableName,
      op: fc.constantFrom(
        'eq',
        'neq',
        'contains',
        'gt',
        'gte',
        'lt',
        'lte',
        'set',
        'unset',
        'matches',
      ),
      value: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant('([')),
    },
    { requiredKeys: ['variable', 'op'] },
  ),
  fc.record({
    op: fc.constantFrom('has_tag' as const, 'lacks_tag' as const),
    value: fc.string({ maxLength: 5 }),
  }),
);
const action = fc.oneof(
  fc.record({ type: fc.constant('set' as const), variable: variableName, value: text }),
  fc.record({ type: fc.constant('clear' as const), variable: variableName }),
  fc.record({
    type: fc.constant('increment' as const),
    variable: variableName,
    by: fc.integer({ min: -5, max: 5 }),
  }),
  fc.record({
    type: fc.constantFrom('add_tag' as const, 'remove_tag' as const),
    tag: fc.string({ maxLength: 8 }),
  }),
);

const data = {
  trigger: fc.record(
    {
      kind: fc.constantFrom('get_started', 'keyword', 'ref', 'default'),
      keywords: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
      match: fc.constantFrom('exact', 'contains'),
      ref: fc.string({ maxLength: 10 }),
    },
    { requiredKeys: ['kind'] },
  ),
  message: fc.record(
    {
      blocks: fc.array(block, { maxLength: 4 }),
      quickReplies: fc.array(fc.record({ id: smallId, title: text }), { maxLength: 14 }),
    },
    { requiredKeys: ['blocks'] },
  ),
  input: fc.record(
    {
      prompt: text,
      kind: fc.constantFrom(
        'text',
        'number',
        'email',
        'phone',
        'date',
        'url',
        'image',
        'attachment',
      ),
      variable: variableName,
      retryPrompt: text,
      maxRetries: fc.nat(3),
      min: fc.integer({ min: -5, max: 50 }),
      max: fc.integer({ min: -5, max: 50 }),
      pattern: fc.constantFrom('^\\d+$', '([', 'a|b'),
      suggestions: fc.array(fc.string({ maxLength: 25 }), { maxLength: 3 }),
    },
    { requiredKeys: ['prompt', 'kind', 'variable'] },
  ),
  condition: fc.record({
    branches: fc.array(
      fc.record({
        id: smallId,
        match: fc.constantFrom('all', 'any'),
        rules: fc.array(rule, { maxLength: 3 }),
      }),
      { maxLength: 3 },
    ),
  }),
  action: fc.record({ actions: fc.array(action, { maxLength: 3 }) }),
  http: fc.record(
    {
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
      url,
      headers: fc.dictionary(fc.constantFrom('Accept', 'X-Key', 'Authorization'), text),
      body: text,
      timeoutMs: fc.integer({ min: 1, max: 60_000 }),
      save: fc.array(
        fc.record({ variable: variableName, path: fc.constantFrom('$.a', 'a.b', '$.items[0].id') }),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ['method', 'url'] },
  ),
  delay: fc.record({ seconds: fc.integer({ min: 0, max: 200_000 }) }),
  split: fc.record({
    variants: fc.array(fc.record({ id: smallId, weight: fc.nat(5) }), { maxLength: 3 }),
  }),
  goto: fc.record({ target: nodeId }),
  handover: fc.record({ note: text }, { requiredKeys: [] }),
  end: fc.constant({}),
  note: fc.record({ text, color: fc.constant('yellow') }, { requiredKeys: ['text'] }),
};

const flowNode = fc
  .record({
    id: nodeId,
    type: fc.constantFrom(...(Object.keys(data) as (keyof typeof data)[])),
    x: fc.integer(),
    y: fc.integer(),
  })
  .chain(({ id, type, x, y }) =>
    data[type].map((d) => ({ id, type, position: { x, y }, data: d }) as FlowNode),
  );

const handle = fc.constantFrom(
  'out',
  'next',
  'ok',
  'invalid',
  'error',
  'else',
  'other',
  'returned',
  'reply:a',
  'button:b',
  'branch:c',
  'variant:a',
);
const flowEdge = fc.record({
  id: fc.constantFrom('e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9'),
  source: nodeId,
  sourceHandle: handle,
  target: nodeId,
});

const document = fc
  .record({
    nodes: fc.array(flowNode, { maxLength: 10 }),
    edges: fc.array(flowEdge, { maxLength: 12 }),
    disclosure: fc.option(text, { nil: undefined }),
    greeting: fc.option(text, { nil: undefined }),
  })
  .map(({ nodes, edges, disclosure, greeting }) =>
    FlowDocument.parse({
      format: 'threadline.flow',
      version: 1,
      id: 'random',
      name: 'Random',
      variables: [
        { name: 'name', type: 'text' },
        { name: 'size', type: 'number', default: 1 },
        { name: 'email', type: 'email' },
      ],
      ...(disclosure !== undefined ? { disclosure } : {}),
      ...(greeting !== undefined
        ? {
            profile: {
              greeting: [{ locale: 'default', text: greeting }],
              iceBreakers: [{ question: 'Q?', target: 'n1' }],
            },
          }
        : {}),
      nodes,
      edges,
    }),
  );

function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  ) as T;
}

describe('random flow documents', () => {
  it('always lint without throwing, and every finding has a known severity and a message', () => {
    fc.assert(
      fc.property(document, (doc) => {
        for (const finding of lintFlow(doc)) {
          expect(['error', 'warning']).toContain(finding.severity);
          expect(finding.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('compile to the same bytes twice and whatever the key order', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const first = compileFlow(doc);
        const again = compileFlow(reverseKeys(structuredClone(doc)));
        expect(again).toEqual(first);
        if (first.ok && again.ok) expect(again.json).toBe(first.json);
      }),
      { numRuns: 300 },
    );
  });

  it('compile whenever lint finds no errors, to a flow the compiled schema accepts', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const result = compileFlow(doc);
        const errors = lintFlow(doc).filter((f) => f.severity === 'error');
        expect(result.ok).toBe(errors.length === 0);
        if (result.ok) expect(CompiledFlow.safeParse(JSON.parse(result.json)).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
