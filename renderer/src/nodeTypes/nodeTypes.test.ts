import { describe, expect, it } from 'vitest';
import { FlowNode, NODE_TYPES, outputHandles } from '../../../flows/schema';
import { defaultNode } from './defaultNode';
import { PALETTE_ORDER } from './catalog';
import { formatDuration, parseDuration } from './formatDuration';
import { handleRows } from './handleLabels';
import { displayName } from './displayName';

describe('node type helpers', () => {
  it('shows delays as durations', () => {
    expect(formatDuration(5400)).toBe('1h 30m');
    expect(formatDuration(86_400 + 60)).toBe('1d 1m');
    expect(formatDuration(45)).toBe('45s');
  });

  it('reads durations typed in the inspector', () => {
    expect(parseDuration('1h 30m')).toBe(5400);
    expect(parseDuration('90')).toBe(90);
    expect(parseDuration('2 d')).toBe(172_800);
    expect(parseDuration('soon')).toBeNull();
  });

  it('labels quick-reply handles with their titles, in the schema order', () => {
    const node: FlowNode = {
      id: 'n',
      type: 'message',
      position: { x: 0, y: 0 },
      data: {
        blocks: [
          { type: 'text', text: 'Hi', buttons: [{ id: 'b1', type: 'postback', title: 'Yes' }] },
        ],
        quickReplies: [{ id: 'r1', title: 'Later' }],
      },
    };
    const rows = handleRows(node);
    expect(rows.map((r) => r.handle)).toEqual(outputHandles(node));
    expect(rows.map((r) => r.label)).toEqual(['Yes', 'Later', 'Anything else']);
  });

  it('labels the buttons of cards with the card title, so equal titles tell apart', () => {
    const card = (id: string, title: string) => ({
      id,
      title,
      subtitle: 'x',
      buttons: [{ id: `buy-${id}`, type: 'postback' as const, title: 'Buy' }],
    });
    const node: FlowNode = {
      id: 'n',
      type: 'message',
      position: { x: 0, y: 0 },
      data: {
        blocks: [
          { type: 'text', text: 'Hi', buttons: [{ id: 'b1', type: 'postback', title: 'Buy' }] },
          { type: 'cards', cards: [card('a', 'Shoes'), card('b', 'Hats'), card('c', '')] },
        ],
      },
    };
    expect(handleRows(node).map((r) => r.label)).toEqual([
      'Next',
      'Buy',
      'Shoes › Buy',
      'Hats › Buy',
      'Buy',
    ]);
  });

  it('names a trigger without content by its kind, in the UI language', () => {
    const start: FlowNode = {
      id: 'n-start',
      type: 'trigger',
      position: { x: 0, y: 0 },
      data: { kind: 'get_started' },
    };
    expect(displayName(start)).toBe('Get Started button');
    expect(displayName({ ...start, data: { kind: 'keyword', keywords: ['hi'] } })).toBe('hi');
  });

  it('creates a valid default node for every palette entry', () => {
    for (const type of PALETTE_ORDER) {
      const node = defaultNode(type, 'n-x', { x: 0, y: 0 });
      expect(node.type).toBe(type);
      expect(FlowNode.safeParse(node).success).toBe(true);
    }
  });

  it('offers every node type in the palette, once', () => {
    expect([...PALETTE_ORDER].sort()).toEqual([...NODE_TYPES].sort());
  });
});
