import { describe, expect, it } from 'vitest';
import welcome from '../../../flows/examples/welcome.flow.json';
import { FlowDocument } from '../../../flows/schema';
import { createDesignerStores } from '../designer/createDesigner';
import type { CommandContext } from './command';
import { addNodeAt } from './addNode';

const flow = FlowDocument.parse(welcome);

/** Whether two nodes' boxes overlap, with their sizes. */
function overlap(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The stores a command needs; adding a node uses none of the rest. */
function contextFor(doc: typeof flow): CommandContext {
  return {
    ...createDesignerStores(doc, { callHost: () => Promise.reject(new Error('no host')) }),
  } as unknown as CommandContext;
}

describe('adding a node', () => {
  it('is one undo step and selects the new node', () => {
    const context = contextFor(flow);
    const { store } = context;
    const id = addNodeAt(context, 'delay', { x: 5000, y: 5000 });
    expect(store.getState().doc.nodes[id]?.position).toEqual({ x: 5008, y: 5008 });
    expect([...store.getState().selection.nodes]).toEqual([id]);
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc.nodes[id]).toBeUndefined();
  });

  it('goes below a tall node drawn where it was asked for, not over its lower part', () => {
    const context = contextFor(flow);
    const { store } = context;
    const menu = store.getState().doc.nodes['n-menu']!.position;
    store.getState().setMeasured(new Map([['n-menu', { width: 240, height: 420 }]]));
    const id = addNodeAt(context, 'delay', { x: menu.x, y: menu.y + 150 });
    const added = store.getState().doc.nodes[id]!.position;
    expect(added.x).toBe(menu.x);
    expect(added.y).toBeGreaterThanOrEqual(menu.y + 420);
  });

  it('puts a dropped node exactly where it was dropped', () => {
    const context = contextFor(flow);
    const { store } = context;
    const menu = store.getState().doc.nodes['n-menu']!.position;
    const id = addNodeAt(context, 'delay', { x: menu.x, y: menu.y + 48 }, { placement: 'exact' });
    expect(store.getState().doc.nodes[id]!.position).toEqual({ x: menu.x, y: menu.y + 48 });
  });

  it('stacks several nodes added at one spot without overlap', () => {
    const context = contextFor(flow);
    const { store } = context;
    const ids = [1, 2, 3].map(() => addNodeAt(context, 'message', { x: 5000, y: 5000 }));
    const boxes = ids.map((id) => ({
      ...store.getState().doc.nodes[id]!.position,
      width: 240,
      height: 100,
    }));
    expect(overlap(boxes[0]!, boxes[1]!)).toBe(false);
    expect(overlap(boxes[1]!, boxes[2]!)).toBe(false);
  });
});
