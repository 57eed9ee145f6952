import { describe, expect, it } from 'vitest';
import welcome from '../../../flows/examples/welcome.flow.json';
import { FlowDocument } from '../../../flows/schema';
import { createDesignerStore } from '../store/designerStore';
import { moveNodes } from '../store/operations/nodes';
import { snapshotDue } from './useRecoverySnapshots';

const flow = FlowDocument.parse(welcome);

describe('recovery snapshots', () => {
  it('waits for a drag to end before snapshotting the moved flow', () => {
    const store = createDesignerStore(flow);
    const saved = store.getState().doc;
    const id = saved.nodeOrder[0]!;
    expect(snapshotDue(store.getState(), saved)).toBe(false); // nothing unsaved

    store.getState().beginGesture();
    store.getState().change((doc) => moveNodes(doc, new Map([[id, { x: 500, y: 500 }]])), {
      kind: 'push',
    });
    expect(snapshotDue(store.getState(), saved)).toBe(false); // mid-drag

    store.getState().endGesture();
    expect(snapshotDue(store.getState(), saved)).toBe(true);
    expect(snapshotDue(store.getState(), store.getState().doc)).toBe(false); // already taken
  });
});
