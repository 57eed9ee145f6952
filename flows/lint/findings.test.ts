// What findings say and where they point: node ids, field paths, order, and the graph rules'
// trickier cases (goto loops, delays that add up, delays in loops).
import { describe, expect, it } from 'vitest';
import type { NodeOfType } from '../schema';
import { lintFlow } from './index';
import { addNodes, cleanFlow, node, nodeOf } from './test-fixtures';

describe('lintFlow findings', () => {
  it('points a too-long button text at its node and field, naming the 640 limit', () => {
    const doc = cleanFlow();
    nodeOf(doc, 'n-a', 'message').data.blocks = [
      {
        type: 'text',
        text: 'x'.repeat(641),
        buttons: [{ id: 'b', type: 'postback', title: 'OK' }],
      },
    ];
    expect(lintFlow(doc)).toContainEqual({
      code: 'text-too-long',
      severity: 'error',
      nodeId: 'n-a',
      field: 'data.blocks[0].text',
      message: 'This text has 641 characters; Messenger allows 640 in a text with buttons.',
      // The key and values the designer and the CLI show it from in German.
      text: { key: 'text-too-long.withButtons', params: { length: 641, limit: 640 } },
    });
  });

  it('counts characters, not UTF-16 units, so emoji do not count twice', () => {
    const doc = cleanFlow();
    nodeOf(doc, 'n-a', 'message').data.blocks = [{ type: 'text', text: '🙂'.repeat(2000) }];
    expect(lintFlow(doc).map((f) => f.code)).not.toContain('text-too-long');
  });

  it('lists flow-wide findings first, then findings in node order', () => {
    const doc = cleanFlow();
    delete doc.disclosure;
    nodeOf(doc, 'n-ask', 'input').data.prompt = '';
    nodeOf(doc, 'n-menu', 'message').data.blocks = [{ type: 'text', text: '{{nope}}' }];
    expect(lintFlow(doc).map((f) => [f.code, f.nodeId])).toEqual([
      ['no-disclosure', undefined],
      ['unknown-variable', 'n-menu'],
      ['text-empty', 'n-ask'],
    ]);
  });

  it('reports an edge from a missing node with the edge id and no node', () => {
    const doc = cleanFlow();
    doc.edges.push({ id: 'e-ghost', source: 'n-ghost', sourceHandle: 'next', target: 'n-a' });
    const finding = lintFlow(doc).find((f) => f.code === 'dangling-edge');
    expect(finding).toMatchObject({ edgeId: 'e-ghost' });
    expect(finding?.nodeId).toBeUndefined();
    expect(finding?.message).toContain('"n-ghost", which does not exist');
  });

  it('reports an edge that leads into a trigger', () => {
    const doc = cleanFlow();
    doc.edges.push({ id: 'e-back', source: 'n-a', sourceHandle: 'next', target: 'n-start' });
    doc.edges = doc.edges.filter((e) => e.id !== 'e-n-a-next');
    const finding = lintFlow(doc).find((f) => f.code === 'dangling-edge');
    expect(finding).toMatchObject({ nodeId: 'n-a', edgeId: 'e-back' });
    expect(finding?.message).toContain('trigger');
  });

  it('finds a loop closed by a "go to" and names its nodes', () => {
    const doc = cleanFlow();
    addNodes(
      doc,
      [
        node('n-tag', 'action', { actions: [{ type: 'add_tag', tag: 'seen' }] }),
        node('n-again', 'goto', { target: 'n-a' }),
      ],
      [
        ['n-a', 'next', 'n-tag'],
        ['n-tag', 'next', 'n-again'],
      ],
    );
    const loop = lintFlow(doc).find((f) => f.code === 'loop-without-wait');
    expect(loop?.nodeId).toBe('n-a');
    expect(loop?.message).toContain('n-a, n-tag, n-again');
  });

  it('does not call a loop through a question a busy loop', () => {
    const doc = cleanFlow();
    addNodes(doc, [node('n-back', 'goto', { target: 'n-ask' })], [['n-ask', 'invalid', 'n-back']]);
    expect(lintFlow(doc).map((f) => f.code)).not.toContain('loop-without-wait');
  });

  it('adds up delays in a row and warns at the one that crosses 24 hours', () => {
    const doc = cleanFlow();
    addNodes(
      doc,
      [
        node('n-wait1', 'delay', { seconds: 13 * 3600 }),
        node('n-wait2', 'delay', { seconds: 13 * 3600 }),
      ],
      [
        ['n-a', 'next', 'n-wait1'],
        ['n-wait1', 'next', 'n-wait2'],
        ['n-wait2', 'next', 'n-end'],
      ],
    );
    const warned = lintFlow(doc).filter((f) => f.code === 'delay-past-24h');
    expect(warned.map((f) => f.nodeId)).toEqual(['n-wait2']);
    expect(warned[0]?.message).toContain('26 hours');
  });

  it('restarts the 24-hour clock when the user answers a question', () => {
    const doc = cleanFlow();
    addNodes(
      doc,
      [
        node('n-wait1', 'delay', { seconds: 20 * 3600 }),
        node('n-wait2', 'delay', { seconds: 20 * 3600 }),
      ],
      [
        ['n-a', 'next', 'n-wait1'],
        ['n-wait1', 'next', 'n-ask'],
        ['n-ask', 'ok', 'n-wait2'],
        ['n-wait2', 'next', 'n-end'],
      ],
    );
    expect(lintFlow(doc).map((f) => f.code)).not.toContain('delay-past-24h');
  });

  it('warns about a reminder loop of delays that never waits for the user', () => {
    const doc = cleanFlow();
    addNodes(
      doc,
      [node('n-remind', 'delay', { seconds: 3600 })],
      [
        ['n-a', 'next', 'n-remind'],
        ['n-remind', 'next', 'n-a'],
      ],
    );
    const codes = lintFlow(doc).map((f) => f.code);
    expect(codes).toContain('delay-past-24h');
    expect(codes).not.toContain('loop-without-wait');
  });

  it('checks variables in HTTP urls and headers and in the disclosure', () => {
    const doc = cleanFlow();
    doc.disclosure = 'Bot for {{shop_name}}';
    addNodes(
      doc,
      [
        node('n-http', 'http', {
          method: 'GET',
          url: 'https://api.example.com/{{order}}',
          headers: { Authorization: 'Bearer {{token}}' },
        }),
      ],
      [['n-a', 'next', 'n-http']],
    );
    const unknown = lintFlow(doc).filter((f) => f.code === 'unknown-variable');
    expect(unknown.map((f) => [f.nodeId, f.field])).toEqual([
      [undefined, 'disclosure'],
      ['n-http', 'data.url'],
      ['n-http', 'data.headers.Authorization'],
    ]);
  });

  it('refuses to store a number answer in an email variable', () => {
    const doc = cleanFlow();
    nodeOf(doc, 'n-ask', 'input').data.kind = 'number';
    expect(lintFlow(doc)).toContainEqual(
      expect.objectContaining({
        code: 'variable-type-mismatch',
        nodeId: 'n-ask',
        field: 'data.variable',
      }),
    );
  });

  it('accepts a templated link but still checks its scheme', () => {
    const doc = cleanFlow();
    nodeOf(doc, 'n-a', 'message').data.blocks = [
      {
        type: 'text',
        text: 'Links',
        buttons: [
          { id: 'a', type: 'url', title: 'Order', url: 'https://shop.example/orders/{{name}}' },
          { id: 'b', type: 'url', title: 'Photo', url: '{{name}}' },
          { id: 'c', type: 'url', title: 'Old', url: 'http://shop.example/{{name}}' },
        ],
      },
    ];
    expect(lintFlow(doc).map((f) => [f.code, f.field])).toEqual([
      ['url-not-https', 'data.blocks[0].buttons[2].url'],
    ]);
  });

  it('names the output handle of a handle used twice, for the canvas to highlight', () => {
    const doc = cleanFlow();
    doc.edges.push({ id: 'e-again', source: 'n-menu', sourceHandle: 'reply:a', target: 'n-ask' });
    expect(lintFlow(doc)).toContainEqual(
      expect.objectContaining({
        code: 'handle-used-twice',
        nodeId: 'n-menu',
        edgeId: 'e-again',
        handle: 'reply:a',
      }),
    );
  });

  it('lets a "go to" or a menu item jump to a trigger, but not to a note', () => {
    const doc = cleanFlow();
    doc.profile = { persistentMenu: [{ title: 'Start over', target: 'n-start' }] };
    addNodes(
      doc,
      [
        node('n-restart', 'goto', { target: 'n-start' }),
        node('n-comment', 'note', { text: 'Ask legal' }),
        node('n-oops', 'goto', { target: 'n-comment' }),
      ],
      [
        ['n-a', 'next', 'n-restart'],
        ['n-ask', 'invalid', 'n-oops'],
      ],
    );
    expect(lintFlow(doc).filter((f) => f.code === 'missing-target')).toEqual([
      {
        code: 'missing-target',
        severity: 'error',
        nodeId: 'n-oops',
        field: 'data.target',
        message: 'This "go to" points to the note "n-comment", a canvas comment that never runs.',
        text: {
          key: 'missing-target.note',
          params: { subject: { key: 'parts.thisGoto' }, target: 'n-comment' },
        },
      },
    ]);
  });

  it('checks the variables of every text the engine fills in: button titles, replies, rule values, handover notes', () => {
    const doc = cleanFlow();
    nodeOf(doc, 'n-menu', 'message').data.quickReplies = [{ id: 'a', title: '{{colour}}' }];
    nodeOf(doc, 'n-a', 'message').data.blocks = [
      {
        type: 'text',
        text: 'Call',
        buttons: [{ id: 'c', type: 'call', title: 'Call {{agent}}', phone: '{{hotline}}' }],
      },
    ];
    addNodes(
      doc,
      [
        node('n-if', 'condition', {
          branches: [
            {
              id: 'same',
              match: 'all',
              rules: [{ variable: 'size', op: 'eq', value: '{{wanted}}' }],
            },
          ],
        }),
        node('n-human', 'handover', { note: 'Customer {{customer}} needs help' }),
      ],
      [
        ['n-a', 'next', 'n-if'],
        ['n-if', 'branch:same', 'n-human'],
      ],
    );
    expect(
      lintFlow(doc)
        .filter((f) => f.code === 'unknown-variable')
        .map((f) => f.field),
    ).toEqual([
      'data.quickReplies[0].title',
      'data.blocks[0].buttons[0].title',
      'data.blocks[0].buttons[0].phone',
      'data.branches[0].rules[0].value',
      'data.note',
    ]);
    expect(lintFlow(doc).map((f) => f.code)).not.toContain('phone-invalid');
    expect(lintFlow(doc).map((f) => f.code)).not.toContain('variable-type-mismatch');
  });

  it('refuses a fallback in the greeting, which Messenger would show as written', () => {
    const doc = cleanFlow();
    doc.profile = { greeting: [{ locale: 'default', text: 'Hi {{user_first_name|there}}!' }] };
    expect(lintFlow(doc)).toContainEqual(
      expect.objectContaining({
        code: 'greeting-unknown-variable',
        field: 'profile.greeting[0].text',
      }),
    );
  });
});

describe('secrets in HTTP nodes', () => {
  const httpFlow = (data: Partial<NodeOfType<'http'>['data']>) => {
    const doc = cleanFlow();
    addNodes(
      doc,
      [node('n-http', 'http', { method: 'GET', url: 'https://api.example.com/x', ...data })],
      [
        ['n-a', 'next', 'n-http'],
        ['n-http', 'ok', 'n-end'],
      ],
    );
    return lintFlow(doc).filter(
      (f) => f.code.startsWith('secret') || f.code === 'unknown-variable',
    );
  };

  it.each([
    ['Authorization', 'Bearer 3f9a8c7d2e1b4a6f9c8d7e6f5a4b3c2d'],
    ['X-API-Key', 'a8F3kQ92mZ'],
    ['Api-Key', 'sk_live_51HxQ2eLk8JdQm3'],
    ['X-Custom', 'sk_live_51HxQ2eLk8JdQm3'],
    ['authorization', 'Basic dXNlcjpwYXNzd29yZA=='],
  ])('warns of a credential in the %s header', (name, value) => {
    expect(httpFlow({ headers: { [name]: value } })).toEqual([
      expect.objectContaining({
        code: 'secret-in-flow',
        severity: 'warning',
        nodeId: 'n-http',
        field: `data.headers.${name}`,
      }),
    ]);
  });

  it('warns of a key in the query string or the body', () => {
    expect(httpFlow({ url: 'https://api.example.com/x?id=3&api_key=9c8d7e6f5a4b' })).toEqual([
      expect.objectContaining({ code: 'secret-in-flow', field: 'data.url' }),
    ]);
    expect(
      httpFlow({ method: 'POST', body: '{"key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc"}' }),
    ).toEqual([expect.objectContaining({ code: 'secret-in-flow', field: 'data.body' })]);
  });

  it('accepts named secrets everywhere in the request and does not take them for variables', () => {
    expect(
      httpFlow({
        method: 'POST',
        url: 'https://api.example.com/x?api_key={{secret.ORDER_API_KEY}}',
        headers: {
          Authorization: 'Bearer {{secret.ORDER_TOKEN}}',
          'X-API-Key': '{{ secret.OTHER_KEY }}',
          'Content-Type': 'application/json',
          'X-Request-Id': '{{user_id}}',
        },
        body: '{"key": "{{secret.ORDER_API_KEY}}", "email": "{{email}}"}',
      }),
    ).toEqual([]);
  });

  it('does not warn of short, ordinary header values', () => {
    expect(httpFlow({ headers: { 'X-API-Key': 'demo', Accept: 'application/json' } })).toEqual([]);
  });
});
