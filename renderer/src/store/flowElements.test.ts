import { describe, expect, it } from 'vitest';
import welcome from '../../../flows/examples/welcome.flow.json';
import { FlowDocument, type FlowNode } from '../../../flows/schema';
import { createDesignerStore } from './designerStore';
import { createEdgeDeriver, createNodeDeriver } from './flowElements';
import { moveNodes, replaceNode } from './operations/nodes';

const flow = FlowDocument.parse(welcome);

describe('canvas elements', () => {
  it("keeps every node object when only a node's content changes", () => {
    const store = createDesignerStore(flow);
    const derive = createNodeDeriver();
    const before = derive(store.getState().doc, store.getState().selection, {});
    store.getState().change(
      (doc) => {
        const node = doc.nodes['n-hours'] as Extract<FlowNode, { type: 'message' }>;
        return replaceNode(doc, { ...node, data: { blocks: [{ type: 'text', text: 'Changed' }] } });
      },
      { kind: 'push' },
    );
    const after = derive(store.getState().doc, store.getState().selection, {});
    expect(after).toBe(before);
  });

  it("replaces only the moved node's object", () => {
    const store = createDesignerStore(flow);
    const derive = createNodeDeriver();
    const before = derive(store.getState().doc, store.getState().selection, {});
    store
      .getState()
      .change((doc) => moveNodes(doc, new Map([['n-menu', { x: 1, y: 2 }]])), { kind: 'push' });
    const after = derive(store.getState().doc, store.getState().selection, {});
    expect(after).not.toBe(before);
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    expect(changed).toEqual(['n-menu']);
  });

  it('marks selected edges and keeps the others', () => {
    const store = createDesignerStore(flow);
    const derive = createEdgeDeriver();
    const before = derive(store.getState().doc, store.getState().selection);
    store.getState().select([], ['e-start']);
    const after = derive(store.getState().doc, store.getState().selection);
    expect(after.find((e) => e.id === 'e-start')?.selected).toBe(true);
    expect(after.filter((e, i) => e !== before[i])).toHaveLength(1);
    expect(after.every((e) => e.targetHandle === 'in')).toBe(true);
  });
});
