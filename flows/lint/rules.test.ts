// One failing and one passing case for every rule in LINT_RULES. The passing case is the
// nearest miss (exactly at a limit, the valid spelling), so a rule that fires too eagerly fails too.
import { describe, expect, it } from 'vitest';
import type { Button, Card, FlowDocument } from '../schema';
import { LINT_RULES, type LintCode } from './catalogue';
import { lintFlow } from '.';
import { renderLintText } from './text';
import { addNodes, cleanFlow, codes, node, nodeOf, reconnect } from './test-fixtures';

type Mutation = (doc: FlowDocument) => void;
interface Case {
  bad: Mutation;
  good: Mutation;
}

const x = (n: number) => 'x'.repeat(n);
const setText =
  (text: string, buttons?: Button[]): Mutation =>
  (d) => {
    nodeOf(d, 'n-a', 'message').data.blocks = [
      { type: 'text', text, ...(buttons ? { buttons } : {}) },
    ];
  };
const urlButtons = (n: number, title = 'Open'): Button[] =>
  Array.from(
    { length: n },
    (_, i) => ({ id: `b${i}`, type: 'url', title, url: 'https://example.com' }) as const,
  );
const replies = (n: number, title = 'Reply') =>
  Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title }));
const setReplies =
  (list: { id: string; title: string }[]): Mutation =>
  (d) => {
    nodeOf(d, 'n-menu', 'message').data.quickReplies = list;
  };
const card = (id: string, extra: Partial<Card> = { subtitle: 'Nice' }): Card => ({
  id,
  title: 'Shoe',
  ...extra,
});
const setCards =
  (cards: Card[]): Mutation =>
  (d) => {
    nodeOf(d, 'n-a', 'message').data.blocks = [{ type: 'cards', cards }];
  };
const setMedia =
  (url: string): Mutation =>
  (d) => {
    nodeOf(d, 'n-a', 'message').data.blocks = [{ type: 'image', url }];
  };
const setProfile =
  (profile: FlowDocument['profile']): Mutation =>
  (d) => {
    d.profile = profile;
  };
const greeting = (text: string, locale = 'default') => setProfile({ greeting: [{ locale, text }] });
const menu = (n: number, title = 'Item') =>
  setProfile({
    persistentMenu: Array.from({ length: n }, () => ({ title, url: 'https://example.com' })),
  });
const addTrigger =
  (data: Parameters<typeof node<'trigger'>>[2], connected = true): Mutation =>
  (d) =>
    addNodes(
      d,
      [node('n-extra', 'trigger', data)],
      connected ? [['n-extra', 'out', 'n-menu']] : [],
    );
const setInput =
  (data: Partial<ReturnType<typeof nodeOf<'input'>>['data']>): Mutation =>
  (d) => {
    Object.assign(nodeOf(d, 'n-ask', 'input').data, data);
  };
const addAfterA =
  (extra: Parameters<typeof addNodes>[1], connect: [string, string, string][]): Mutation =>
  (d) =>
    addNodes(d, extra, connect);
const condition = (rules: { variable: string; op: string; value?: string | number }[]): Mutation =>
  addAfterA(
    [node('n-if', 'condition', { branches: [{ id: 'yes', match: 'all', rules: rules as never }] })],
    [
      ['n-a', 'next', 'n-if'],
      ['n-if', 'branch:yes', 'n-end'],
      ['n-if', 'else', 'n-end'],
    ],
  );
const http = (data: Partial<Parameters<typeof node<'http'>>[2]>): Mutation =>
  addAfterA(
    [node('n-http', 'http', { method: 'GET', url: 'https://api.example.com/x', ...data })],
    [
      ['n-a', 'next', 'n-http'],
      ['n-http', 'ok', 'n-end'],
    ],
  );
const split = (weights: number[]): Mutation =>
  addAfterA(
    [node('n-split', 'split', { variants: weights.map((weight, i) => ({ id: `v${i}`, weight })) })],
    [
      ['n-a', 'next', 'n-split'],
      ...weights.map((_, i): [string, string, string] => ['n-split', `variant:v${i}`, 'n-end']),
    ],
  );
const delay = (seconds: number): Mutation =>
  addAfterA(
    [node('n-wait', 'delay', { seconds })],
    [
      ['n-a', 'next', 'n-wait'],
      ['n-wait', 'next', 'n-end'],
    ],
  );

const CASES: Record<Exclude<LintCode, 'invalid-document' | 'compiled-entry-invalid'>, Case> = {
  'text-too-long': { bad: setText(x(2001)), good: setText(x(2000)) },
  'text-empty': { bad: setText('   '), good: setText('Hello') },
  'buttons-too-many': { bad: setText('Pick', urlButtons(4)), good: setText('Pick', urlButtons(3)) },
  'button-title-too-long': {
    bad: setText('Pick', urlButtons(1, x(21))),
    good: setText('Pick', urlButtons(1, x(20))),
  },
  'phone-invalid': {
    bad: setText('Call us', [{ id: 'c', type: 'call', title: 'Call', phone: '030 123456' }]),
    good: setText('Call us', [{ id: 'c', type: 'call', title: 'Call', phone: '+49 30 123456' }]),
  },
  'quick-replies-too-many': { bad: setReplies(replies(14)), good: setReplies(replies(13)) },
  'quick-reply-title-too-long': {
    bad: setReplies(replies(1, x(21))),
    good: setReplies(replies(1, x(20))),
  },
  'quick-replies-without-message': {
    bad: (d) =>
      void (nodeOf(d, 'n-menu', 'message').data.blocks = [{ type: 'typing', seconds: 1 }]),
    good: (d) => nodeOf(d, 'n-menu', 'message').data.blocks.unshift({ type: 'typing', seconds: 1 }),
  },
  'cards-too-many': {
    bad: setCards(Array.from({ length: 11 }, (_, i) => card(`c${i}`))),
    good: setCards(Array.from({ length: 10 }, (_, i) => card(`c${i}`))),
  },
  'cards-empty': { bad: setCards([]), good: setCards([card('c')]) },
  'card-title-too-long': {
    bad: setCards([card('c', { title: x(81), subtitle: 's' })]),
    good: setCards([card('c', { title: x(80), subtitle: 's' })]),
  },
  'card-subtitle-too-long': {
    bad: setCards([card('c', { subtitle: x(81) })]),
    good: setCards([card('c', { subtitle: x(80) })]),
  },
  'card-too-bare': {
    bad: setCards([card('c', {})]),
    good: setCards([card('c', { imageUrl: 'https://example.com/a.jpg' })]),
  },
  'url-invalid': { bad: setMedia('photo.jpg'), good: setMedia('https://example.com/photo.jpg') },
  'url-not-https': {
    bad: setMedia('http://example.com/photo.jpg'),
    good: setMedia('https://example.com/photo.jpg'),
  },
  'typing-too-long': {
    bad: (d) => nodeOf(d, 'n-a', 'message').data.blocks.unshift({ type: 'typing', seconds: 21 }),
    good: (d) => nodeOf(d, 'n-a', 'message').data.blocks.unshift({ type: 'typing', seconds: 20 }),
  },
  'greeting-too-long': { bad: greeting(x(161)), good: greeting(x(160)) },
  'greeting-no-default': { bad: greeting('Hi', 'en_US'), good: greeting('Hi', 'default') },
  'greeting-unknown-variable': {
    bad: greeting('Hi {{email}}'),
    good: greeting('Hi {{user_full_name}}'),
  },
  'ice-breakers-too-many': {
    bad: setProfile({
      iceBreakers: replies(5, 'Question?').map((r) => ({ question: r.title, target: 'n-a' })),
    }),
    good: setProfile({
      iceBreakers: replies(4, 'Question?').map((r) => ({ question: r.title, target: 'n-a' })),
    }),
  },
  'ice-breaker-too-long': {
    bad: setProfile({ iceBreakers: [{ question: x(81), target: 'n-a' }] }),
    good: setProfile({ iceBreakers: [{ question: x(80), target: 'n-a' }] }),
  },
  'menu-too-many': { bad: menu(21), good: menu(20) },
  'menu-title-too-long': { bad: menu(1, x(21)), good: menu(1, x(20)) },
  'menu-needs-get-started': {
    bad: (d) => {
      menu(1)(d);
      nodeOf(d, 'n-start', 'trigger').data = { kind: 'keyword', keywords: ['hi'], match: 'exact' };
    },
    good: menu(1),
  },
  'no-entry': {
    bad: (d) => void (d.nodes = d.nodes.filter((n) => n.type !== 'trigger')),
    good: () => {},
  },
  'keyword-missing': {
    bad: addTrigger({ kind: 'keyword', keywords: [' '] }),
    good: addTrigger({ kind: 'keyword', keywords: ['hi'] }),
  },
  'ref-missing': {
    bad: addTrigger({ kind: 'ref' }),
    good: addTrigger({ kind: 'ref', ref: 'summer-sale' }),
  },
  'ref-invalid': {
    bad: addTrigger({ kind: 'ref', ref: 'summer sale!' }),
    good: addTrigger({ kind: 'ref', ref: 'summer_sale=1' }),
  },
  'duplicate-trigger': {
    bad: addTrigger({ kind: 'default' }),
    good: addTrigger({ kind: 'keyword', keywords: ['hi'] }),
  },
  'keyword-duplicate': {
    bad: (d) => {
      addTrigger({ kind: 'keyword', keywords: ['Hi'], match: 'exact' })(d);
      addNodes(
        d,
        [node('n-extra2', 'trigger', { kind: 'keyword', keywords: ['hi '] })],
        [['n-extra2', 'out', 'n-a']],
      );
    },
    good: (d) => {
      addTrigger({ kind: 'keyword', keywords: ['Hi'], match: 'exact' })(d);
      addNodes(
        d,
        [node('n-extra2', 'trigger', { kind: 'keyword', keywords: ['hi'], match: 'contains' })],
        [['n-extra2', 'out', 'n-a']],
      );
    },
  },
  'trigger-unconnected': {
    bad: addTrigger({ kind: 'keyword', keywords: ['hi'] }, false),
    good: addTrigger({ kind: 'keyword', keywords: ['hi'] }),
  },
  'comment-trigger-shadowed': {
    bad: (d) => {
      addTrigger({ kind: 'comment' })(d);
      addNodes(
        d,
        [node('n-extra2', 'trigger', { kind: 'comment', postId: '1_2', keywords: ['guide'] })],
        [['n-extra2', 'out', 'n-menu']],
      );
    },
    good: (d) => {
      addTrigger({ kind: 'comment', keywords: ['guide'] })(d);
      addNodes(
        d,
        [node('n-extra2', 'trigger', { kind: 'comment', postId: '1_2' })],
        [['n-extra2', 'out', 'n-menu']],
      );
    },
  },
  'comment-reply-several-messages': {
    // n-a sends one text, then goes on to the end: with a second text it sends two.
    bad: (d) => {
      nodeOf(d, 'n-a', 'message').data.blocks.push({ type: 'text', text: 'And more.' });
      addNodes(d, [node('n-extra', 'trigger', { kind: 'comment' })], [['n-extra', 'out', 'n-a']]);
    },
    good: (d) => {
      nodeOf(d, 'n-a', 'message').data.blocks.unshift({ type: 'typing', seconds: 1 });
      addNodes(d, [node('n-extra', 'trigger', { kind: 'comment' })], [['n-extra', 'out', 'n-a']]);
    },
  },
  'no-default-trigger': {
    bad: (d) => {
      d.nodes = d.nodes.filter((n) => n.id !== 'n-default');
      d.edges = d.edges.filter((e) => e.source !== 'n-default');
    },
    good: () => {},
  },
  'dangling-edge': {
    bad: (d) =>
      void d.edges.push({ id: 'e-x', source: 'n-a', sourceHandle: 'button:gone', target: 'n-end' }),
    good: (d) =>
      void d.edges.push({ id: 'e-x', source: 'n-start', sourceHandle: 'out', target: 'n-end' }),
  },
  'handle-used-twice': {
    bad: (d) =>
      void d.edges.push({ id: 'e-x', source: 'n-a', sourceHandle: 'next', target: 'n-menu' }),
    good: (d) => {
      nodeOf(d, 'n-menu', 'message').data.quickReplies?.push({ id: 'c', title: 'Option C' });
      d.edges.push({ id: 'e-x', source: 'n-menu', sourceHandle: 'reply:c', target: 'n-a' });
    },
  },
  'missing-target': {
    bad: addAfterA([node('n-goto', 'goto', { target: 'n-nowhere' })], [['n-a', 'next', 'n-goto']]),
    good: addAfterA([node('n-goto', 'goto', { target: 'n-menu' })], [['n-a', 'next', 'n-goto']]),
  },
  'unreachable-node': {
    bad: addAfterA(
      [node('n-lost', 'message', { blocks: [{ type: 'text', text: 'Lost' }] })],
      [['n-lost', 'next', 'n-end']],
    ),
    good: addAfterA(
      [node('n-lost', 'message', { blocks: [{ type: 'text', text: 'Found' }] })],
      [
        ['n-a', 'next', 'n-lost'],
        ['n-lost', 'next', 'n-end'],
      ],
    ),
  },
  'duplicate-id': {
    bad: setText('Pick', [...urlButtons(1), ...urlButtons(1)]),
    good: setText('Pick', urlButtons(2)),
  },
  'loop-without-wait': {
    bad: addAfterA(
      [node('n-count', 'action', { actions: [{ type: 'increment', variable: 'size', by: 1 }] })],
      [
        ['n-a', 'next', 'n-count'],
        ['n-count', 'next', 'n-a'],
      ],
    ),
    good: addAfterA(
      [node('n-count', 'action', { actions: [{ type: 'increment', variable: 'size', by: 1 }] })],
      [
        ['n-a', 'next', 'n-count'],
        ['n-count', 'next', 'n-menu'],
      ],
    ),
  },
  'delay-past-24h': { bad: delay(24 * 3600 + 1), good: delay(24 * 3600) },
  'unknown-variable': { bad: setText('Hi {{nmae}}'), good: setText('Hi {{name}}') },
  'profile-variable-no-fallback': {
    bad: setText('Hi {{user_first_name}}!'),
    good: setText('Hi {{user_first_name|there}}!'),
  },
  'duplicate-variable': {
    bad: (d) => void d.variables.push({ name: 'email', type: 'text' }),
    good: (d) => void d.variables.push({ name: 'email2', type: 'text' }),
  },
  'builtin-variable-declared': {
    bad: (d) => void d.variables.push({ name: 'user_id', type: 'text' }),
    good: (d) => void d.variables.push({ name: 'user_ref', type: 'text' }),
  },
  'read-only-variable': {
    bad: setInput({ kind: 'text', variable: 'last_input' }),
    good: setInput({ kind: 'text', variable: 'name' }),
  },
  'variable-type-mismatch': {
    bad: condition([{ variable: 'name', op: 'gt', value: 3 }]),
    good: condition([{ variable: 'size', op: 'gt', value: 3 }]),
  },
  'variable-default-invalid': {
    bad: (d) => void (d.variables[1] = { name: 'size', type: 'number', default: 'big' }),
    good: (d) => void (d.variables[1] = { name: 'size', type: 'number', default: 42 }),
  },
  'regex-invalid': {
    bad: setInput({ kind: 'text', variable: 'name', pattern: '([a-z' }),
    good: setInput({ kind: 'text', variable: 'name', pattern: '^[a-z]+$' }),
  },
  'regex-unsupported': {
    bad: setInput({ kind: 'text', variable: 'name', pattern: '^(?!admin)[a-z]+$' }),
    good: setInput({ kind: 'text', variable: 'name', pattern: '^[a-z]+$' }),
  },
  'rule-value-missing': {
    bad: condition([{ variable: 'name', op: 'eq' }]),
    good: condition([{ variable: 'name', op: 'eq', value: 'Anna' }]),
  },
  'input-range-invalid': {
    bad: setInput({ kind: 'number', variable: 'size', min: 10, max: 5 }),
    good: setInput({ kind: 'number', variable: 'size', min: 5, max: 10 }),
  },
  'input-setting-ignored': {
    bad: setInput({ kind: 'email', variable: 'email', pattern: '@example\\.com$' }),
    good: setInput({ kind: 'text', variable: 'name', pattern: '@example\\.com$', min: 3 }),
  },
  'split-empty': { bad: split([0, 0]), good: split([0, 1]) },
  'condition-empty': {
    bad: addAfterA(
      [node('n-if', 'condition', { branches: [] })],
      [
        ['n-a', 'next', 'n-if'],
        ['n-if', 'else', 'n-end'],
      ],
    ),
    good: condition([{ variable: 'size', op: 'set' }]),
  },
  'http-save-path-invalid': {
    bad: http({ save: [{ variable: 'name', path: 'order.status' }] }),
    good: http({ save: [{ variable: 'name', path: '$.order.items[0].status' }] }),
  },
  'http-timeout-too-long': { bad: http({ timeoutMs: 25_000 }), good: http({ timeoutMs: 20_000 }) },
  'secret-in-flow': {
    bad: http({ headers: { Authorization: 'Bearer 3f9a8c7d2e1b4a6f9c8d7e6f5a4b3c2d' } }),
    good: http({ headers: { Authorization: 'Bearer {{secret.ORDER_API_KEY}}' } }),
  },
  'secret-misplaced': {
    bad: setText('Your key is {{secret.ORDER_API_KEY}}'),
    good: http({ url: 'https://api.example.com/x?api_key={{secret.ORDER_API_KEY}}' }),
  },
  'message-empty': {
    bad: (d) => void (nodeOf(d, 'n-a', 'message').data.blocks = []),
    good: () => {},
  },
  'other-unconnected': {
    bad: (d) => {
      d.edges = d.edges.filter((e) => e.sourceHandle !== 'other' && e.source !== 'n-default');
      d.nodes = d.nodes.filter((n) => n.id !== 'n-default');
    },
    // With a default trigger, typed text is answered there (and keyword triggers stay reachable).
    good: (d) => void (d.edges = d.edges.filter((e) => e.sourceHandle !== 'other')),
  },
  'no-disclosure': { bad: (d) => void delete d.disclosure, good: () => {} },
};

function applied(mutation: Mutation): FlowDocument {
  const doc = cleanFlow();
  mutation(doc);
  return doc;
}

describe('the lint rules', () => {
  it('find nothing in the clean test flow', () => {
    expect(codes(cleanFlow())).toEqual([]);
  });

  it('have a failing and a passing case for every rule in the catalogue', () => {
    // Not about documents: the CLI's unreadable file, and a compiled flow's entry table
    // (flows/compile/check.test.ts).
    const documented = LINT_RULES.map((r) => r.code).filter(
      (c) => c !== 'invalid-document' && c !== 'compiled-entry-invalid',
    );
    expect(Object.keys(CASES).sort()).toEqual([...documented].sort());
  });

  for (const [code, { bad, good }] of Object.entries(CASES)) {
    it(`report ${code} when the flow breaks that rule, and not for the nearest valid flow`, () => {
      expect(codes(applied(bad))).toContain(code);
      expect(codes(applied(good))).not.toContain(code);
    });
  }

  for (const [code, { bad }] of Object.entries(CASES)) {
    it(`words ${code} from its message key, in English and in German`, () => {
      for (const finding of lintFlow(applied(bad)).filter((f) => f.code === code)) {
        expect(finding.text, finding.message).toBeDefined();
        expect(renderLintText(finding.text!, 'en')).toBe(finding.message);
        const german = renderLintText(finding.text!, 'de');
        expect(german, finding.message).not.toBe(finding.message);
        expect(german, finding.message).not.toMatch(/\{\{\s*(subject|owner|card|what)\b/);
      }
    });
  }

  it('keep codes unique in the catalogue', () => {
    const all = LINT_RULES.map((r) => r.code);
    expect(new Set(all).size).toBe(all.length);
  });
});

// Keep `reconnect` in the fixtures exercised so a broken helper shows up here first.
it('reconnects an output to a new target', () => {
  const doc = cleanFlow();
  reconnect(doc, 'n-a', 'next', 'n-menu');
  expect(doc.edges.filter((e) => e.source === 'n-a')).toEqual([
    { id: 'e-n-a-next', source: 'n-a', sourceHandle: 'next', target: 'n-menu' },
  ]);
});

describe('URL templates', () => {
  const mediaCodes = (url: string) => codes(applied(setMedia(url)));
  const buttonCodes = (url: string) =>
    codes(applied(setText('Pick', [{ id: 'b', type: 'url', title: 'Open', url }])));

  it('checks a URL with its placeholders filled in by a sample value', () => {
    expect(mediaCodes('https://shop.example/p/{{email}}.png')).toEqual([]);
    expect(buttonCodes('https://shop.example/p?product={{email|all}}&x={{email}}')).toEqual([]);
    expect(buttonCodes('https://{{email}}.shop.example/p')).toEqual([]);
    expect(mediaCodes('htp://{{email}}')).toContain('url-invalid');
    expect(buttonCodes('shop.example/{{email}}')).toContain('url-invalid');
    expect(buttonCodes('http://shop.example/{{email}}')).toContain('url-not-https');
  });

  it('leaves a URL that a variable opens to the run time check', () => {
    expect(mediaCodes('{{email}}')).toEqual([]);
    expect(buttonCodes(' {{email}}/photo.png')).toEqual([]);
  });

  it('reports a variable in a persistent-menu link, which is the same for every user', () => {
    const menuLink = (url: string) =>
      codes(applied(setProfile({ persistentMenu: [{ title: 'Shop', url }] })));
    expect(menuLink('https://shop.example/{{email}}')).toContain('url-invalid');
    expect(menuLink('https://shop.example/')).not.toContain('url-invalid');
  });

  it('does not take a malformed placeholder for a variable', () => {
    expect(buttonCodes('https://shop.example/{{not a name}}')).toContain('url-invalid');
  });
});
