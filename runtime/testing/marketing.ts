// A flow for the audience, broadcast and start-flow tests: Get Started greets and tags "new";
// the m.me ref "vip" tags "vip" and sets size = 42; "promo" is the node a broadcast starts at;
// "human" hands the thread to the Page Inbox.
import type { FlowDocument } from '../../flows/schema';

const at = { x: 0, y: 0 };

export function marketingFlow(): FlowDocument {
  return {
    format: 'threadline.flow',
    version: 1,
    id: 'marketing',
    name: 'Marketing',
    variables: [
      { name: 'size', type: 'number' },
      { name: 'coupon', type: 'text' },
    ],
    nodes: [
      { id: 'start', type: 'trigger', position: at, data: { kind: 'get_started' } },
      { id: 'vip-link', type: 'trigger', position: at, data: { kind: 'ref', ref: 'vip' } },
      { id: 'other', type: 'trigger', position: at, data: { kind: 'default' } },
      {
        id: 'ask-human',
        type: 'trigger',
        position: at,
        data: { kind: 'keyword', keywords: ['human'], match: 'exact' },
      },
      { id: 'human', type: 'handover', position: at, data: {} },
      {
        id: 'tag-new',
        type: 'action',
        position: at,
        data: { actions: [{ type: 'add_tag', tag: 'new' }] },
      },
      {
        id: 'tag-vip',
        type: 'action',
        position: at,
        data: {
          actions: [
            { type: 'add_tag', tag: 'vip' },
            { type: 'set', variable: 'size', value: '42' },
          ],
        },
      },
      {
        id: 'hello',
        type: 'message',
        position: at,
        data: { blocks: [{ type: 'text', text: 'Hello' }] },
      },
      {
        id: 'ok',
        type: 'message',
        position: at,
        data: { blocks: [{ type: 'text', text: 'OK' }] },
      },
      {
        id: 'promo',
        type: 'message',
        position: at,
        data: { blocks: [{ type: 'text', text: 'Sale! Code {{coupon|NONE}}' }] },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'out', target: 'tag-new' },
      { id: 'e2', source: 'tag-new', sourceHandle: 'next', target: 'hello' },
      { id: 'e3', source: 'vip-link', sourceHandle: 'out', target: 'tag-vip' },
      { id: 'e4', source: 'tag-vip', sourceHandle: 'next', target: 'hello' },
      { id: 'e5', source: 'other', sourceHandle: 'out', target: 'ok' },
      { id: 'e6', source: 'ask-human', sourceHandle: 'out', target: 'human' },
    ],
  };
}
