import { describe, expect, it } from 'vitest';
import { nodeDisplayName, nodeDisplayNames, nodeSummary, SUMMARY_LENGTH } from './display-name';
import { FlowDocument, type FlowNode } from './schema';
import { compileFlow } from './compile';
import welcome from './examples/welcome.flow.json';

const at = { x: 0, y: 0 };

describe('nodeDisplayName', () => {
  it('prefers the name, trimmed, over the summary', () => {
    const node: FlowNode = {
      id: 'n-1',
      type: 'message',
      name: '  Greeting ',
      position: at,
      data: { blocks: [{ type: 'text', text: 'Hello there' }] },
    };
    expect(nodeDisplayName(node)).toBe('Greeting');
  });

  it('summarises a message by its first text, then card titles', () => {
    const text: FlowNode = {
      id: 'n-1',
      type: 'message',
      position: at,
      data: {
        blocks: [
          { type: 'typing', seconds: 1 },
          { type: 'text', text: 'Hi\n  {{name}}' },
        ],
      },
    };
    expect(nodeDisplayName(text)).toBe('Hi {{name}}');
    const cards: FlowNode = {
      id: 'n-2',
      type: 'message',
      position: at,
      data: {
        blocks: [
          {
            type: 'cards',
            cards: [
              { id: 'a', title: 'Shoes' },
              { id: 'b', title: 'Hats' },
            ],
          },
        ],
      },
    };
    expect(nodeDisplayName(cards)).toBe('Shoes · Hats');
  });

  it('summarises questions, keyword triggers and actions', () => {
    expect(
      nodeSummary({
        id: 'q',
        type: 'input',
        position: at,
        data: { prompt: 'Your email?', kind: 'email', variable: 'email' },
      }),
    ).toBe('Your email?');
    expect(
      nodeSummary({
        id: 't',
        type: 'trigger',
        position: at,
        data: { kind: 'keyword', keywords: ['hi', 'hello'] },
      }),
    ).toBe('hi, hello');
    expect(
      nodeSummary({
        id: 'a',
        type: 'action',
        position: at,
        data: {
          actions: [
            { type: 'add_tag', tag: 'lead' },
            { type: 'set', variable: 'x', value: '1' },
          ],
        },
      }),
    ).toBe('+#lead; x = 1');
  });

  it('truncates long summaries with an ellipsis, counting characters not code units', () => {
    const long = '😀'.repeat(60);
    const summary = nodeDisplayName({
      id: 'n',
      type: 'input',
      position: at,
      data: { prompt: long, kind: 'text', variable: 'v' },
    });
    expect([...summary]).toHaveLength(SUMMARY_LENGTH);
    expect(summary.endsWith('…')).toBe(true);
  });

  it("uses the caller's words for a node without content, before the id", () => {
    const start: FlowNode = {
      id: 'n-gs',
      type: 'trigger',
      position: at,
      data: { kind: 'get_started' },
    };
    expect(nodeDisplayName(start, () => 'Get Started button')).toBe('Get Started button');
    const named: FlowNode = { ...start, name: 'Start' };
    expect(nodeDisplayName(named, () => 'Get Started button')).toBe('Start');
  });

  it('falls back to the id when there is nothing to show', () => {
    expect(nodeDisplayName({ id: 'n-end', type: 'end', position: at, data: {} })).toBe('n-end');
    expect(
      nodeDisplayName({ id: 'n-gs', type: 'trigger', position: at, data: { kind: 'get_started' } }),
    ).toBe('n-gs');
    expect(
      nodeDisplayName({
        id: 'n-empty',
        type: 'message',
        position: at,
        data: { blocks: [{ type: 'text', text: '  ' }] },
      }),
    ).toBe('n-empty');
  });
});

describe('the optional node name in the document', () => {
  it('keeps version 1 files without names valid and accepts a name', () => {
    const doc = FlowDocument.parse(welcome);
    expect(doc.nodes.every((n) => n.name === undefined)).toBe(true);
    const named = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, name: 'Named' })) };
    expect(FlowDocument.parse(named).nodes[0]!.name).toBe('Named');
    expect(nodeDisplayNames(FlowDocument.parse(named).nodes).get(doc.nodes[0]!.id)).toBe('Named');
  });

  it('refuses a name longer than 80 characters', () => {
    const doc = FlowDocument.parse(welcome);
    const named = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, name: 'x'.repeat(81) })) };
    expect(FlowDocument.safeParse(named).success).toBe(false);
  });
});

describe('names and the compiled flow', () => {
  it('drops names when compiling, so renaming a node does not change the revision', () => {
    const doc = FlowDocument.parse(welcome);
    const named = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, name: `Name of ${n.id}` })) };
    const plain = compileFlow(doc);
    const renamed = compileFlow(named);
    if (!plain.ok || !renamed.ok) throw new Error('the example should compile');
    expect(renamed.compiled.revision).toBe(plain.compiled.revision);
    expect(JSON.stringify(renamed.compiled)).not.toContain('Name of');
  });
});
