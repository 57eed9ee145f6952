// A realistic, connected, lint-clean flow of exactly `n` nodes for benchmarks (compile here, the
// designer's open and drag benchmarks reuse it). It repeats a 14-node "chapter" that uses every
// kind of node: quick replies, a number question, actions, a condition, a card gallery, a split,
// a delay, an HTTP call, a handover and a canvas note. Each chapter starts with quick replies,
// so the clock and every loop restart there.
import type { Edge, FlowDocument, FlowNode } from '../flows';

const CHAPTER_SIZE = 14;
const FIXED = ['n-start', 'n-default', 'n-help', 'n-fallback', 'n-end'];

export function generateFlow(n: number): FlowDocument {
  if (n < FIXED.length) throw new Error(`generateFlow needs at least ${FIXED.length} nodes`);
  const chapters = Math.floor((n - FIXED.length) / CHAPTER_SIZE);
  const nodes: FlowNode[] = [];
  const edges: Edge[] = [];
  const add = (id: string, x: number, y: number, node: Omit<FlowNode, 'id' | 'position'>) =>
    nodes.push({ id, position: { x, y }, ...node } as FlowNode);
  const link = (source: string, sourceHandle: string, target: string) =>
    edges.push({
      id: `e-${source}-${sourceHandle.replace(':', '-')}`,
      source,
      sourceHandle,
      target,
    });

  const first = chapters > 0 ? 'c0-menu' : 'n-fallback';
  add('n-start', 0, 0, { type: 'trigger', data: { kind: 'get_started' } });
  add('n-default', 0, 160, { type: 'trigger', data: { kind: 'default' } });
  add('n-help', 0, 320, {
    type: 'trigger',
    data: { kind: 'keyword', keywords: ['help', 'menu'], match: 'exact' },
  });
  add('n-fallback', 0, 480, {
    type: 'message',
    data: { blocks: [{ type: 'text', text: "Sorry, I didn't get that. Let's start again." }] },
  });
  add('n-end', 0, 640, { type: 'end', data: {} });
  link('n-start', 'out', first);
  link('n-default', 'out', 'n-fallback');
  link('n-help', 'out', first);
  link('n-fallback', 'next', chapters > 0 ? first : 'n-end');

  for (let k = 0; k < chapters; k++)
    addChapter(k, k + 1 < chapters ? `c${k + 1}-menu` : 'n-end', add, link);
  for (let i = nodes.length; i < n; i++)
    add(`n-note-${i}`, -400, i * 40, {
      type: 'note',
      data: { text: `Reminder ${i}: check the copy before publishing.` },
    });
  return {
    format: 'threadline.flow',
    version: 1,
    id: `generated-${n}`,
    name: `Generated flow with ${n} nodes`,
    variables: [
      { name: 'size', type: 'number' },
      { name: 'name', type: 'text' },
      { name: 'status', type: 'text' },
    ],
    disclosure: "You're chatting with an automated assistant.",
    nodes,
    edges,
  };
}

type Add = (id: string, x: number, y: number, node: Omit<FlowNode, 'id' | 'position'>) => void;
type Link = (source: string, handle: string, target: string) => void;

function addChapter(k: number, next: string, add: Add, link: Link): void {
  const id = (name: string) => `c${k}-${name}`;
  const y = 800 + k * 360;
  const at = (column: number, row = 0) => [400 + column * 300, y + row * 180] as const;
  add(id('menu'), ...at(0), {
    type: 'message',
    data: {
      blocks: [
        { type: 'text', text: `Chapter ${k + 1}: would you like to see our picks for you?` },
      ],
      quickReplies: [
        { id: 'yes', title: 'Yes please' },
        { id: 'no', title: 'Not now' },
      ],
    },
  });
  add(id('size'), ...at(1), {
    type: 'input',
    data: {
      prompt: 'Which size do you wear?',
      kind: 'number',
      variable: 'size',
      retryPrompt: 'Please send a number between 30 and 50.',
      min: 30,
      max: 50,
    },
  });
  add(id('save'), ...at(2), {
    type: 'action',
    data: {
      actions: [
        { type: 'set', variable: 'name', value: '{{user_first_name}}' },
        { type: 'add_tag', tag: `chapter-${k}` },
      ],
    },
  });
  add(id('check'), ...at(3), {
    type: 'condition',
    data: {
      branches: [{ id: 'big', match: 'all', rules: [{ variable: 'size', op: 'gte', value: 42 }] }],
    },
  });
  add(id('cards'), ...at(4), {
    type: 'message',
    data: {
      blocks: [
        {
          type: 'cards',
          cards: ['a', 'b'].map((c) => ({
            id: `card-${c}`,
            title: `Trail shoe ${c.toUpperCase()}`,
            subtitle: '€99 · free returns',
            imageUrl: `https://example.com/img/${k}-${c}.jpg`,
            buttons: [
              { id: `pick-${c}`, type: 'postback' as const, title: 'Choose' },
              {
                id: `info-${c}`,
                type: 'url' as const,
                title: 'Details',
                url: `https://example.com/p/${k}-${c}`,
              },
            ],
          })),
        },
      ],
    },
  });
  add(id('info'), ...at(4, 1), {
    type: 'message',
    data: {
      blocks: [
        {
          type: 'text',
          text: 'Here is our size guide.',
          buttons: [
            { id: 'guide', type: 'url', title: 'Size guide', url: 'https://example.com/sizes' },
          ],
        },
      ],
    },
  });
  add(id('split'), ...at(5, 1), {
    type: 'split',
    data: {
      variants: [
        { id: 'a', weight: 50 },
        { id: 'b', weight: 50 },
      ],
    },
  });
  add(id('wait'), ...at(6, 1), { type: 'delay', data: { seconds: 3600 } });
  add(id('thanks'), ...at(7), {
    type: 'message',
    data: {
      blocks: [
        { type: 'typing', seconds: 1 },
        { type: 'text', text: 'Thanks {{name|friend}}!' },
      ],
    },
  });
  add(id('help'), ...at(2, 1), {
    type: 'message',
    data: { blocks: [{ type: 'text', text: 'Let me get a colleague to help you.' }] },
  });
  add(id('handover'), ...at(3, 1), {
    type: 'handover',
    data: { note: `Chapter ${k + 1}: size question` },
  });
  add(id('lookup'), ...at(1, 1), {
    type: 'http',
    data: {
      method: 'GET',
      url: `https://api.example.com/items/${k}?size={{size}}`,
      timeoutMs: 5000,
      save: [{ variable: 'status', path: '$.status' }],
    },
  });
  add(id('status'), ...at(2, 2), {
    type: 'message',
    data: { blocks: [{ type: 'text', text: 'Status: {{status|unknown}}' }] },
  });
  add(id('note'), ...at(0, 1), {
    type: 'note',
    data: { text: `Chapter ${k + 1} tests two offers.`, color: 'yellow' },
  });

  link(id('menu'), 'reply:yes', id('size'));
  link(id('menu'), 'reply:no', id('lookup'));
  link(id('menu'), 'other', 'n-fallback');
  link(id('size'), 'ok', id('save'));
  link(id('size'), 'invalid', id('help'));
  link(id('save'), 'next', id('check'));
  link(id('check'), 'branch:big', id('cards'));
  link(id('check'), 'else', id('info'));
  link(id('cards'), 'button:pick-a', id('thanks'));
  link(id('cards'), 'button:pick-b', id('thanks'));
  link(id('info'), 'next', id('split'));
  link(id('split'), 'variant:a', id('thanks'));
  link(id('split'), 'variant:b', id('wait'));
  link(id('wait'), 'next', id('thanks'));
  link(id('thanks'), 'next', next);
  link(id('help'), 'next', id('handover'));
  link(id('handover'), 'returned', id('thanks'));
  link(id('lookup'), 'ok', id('status'));
  link(id('lookup'), 'error', id('help'));
  link(id('status'), 'next', id('thanks'));
}
