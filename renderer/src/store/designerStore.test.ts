import { describe, expect, it } from 'vitest';
import welcome from '../../../flows/examples/welcome.flow.json';
import { FlowDocument, type FlowNode } from '../../../flows/schema';
import { toFlowDocument } from './designerDocument';
import { canRedo, canUndo, createDesignerStore, isDirty } from './designerStore';
import { moveNodes, replaceNode } from './operations/nodes';

const flow = FlowDocument.parse(welcome);

function setup() {
  let time = 0;
  const store = createDesignerStore(flow, { now: () => time });
  return { store, advance: (ms: number) => (time += ms) };
}

function setMessageText(node: FlowNode, text: string): FlowNode {
  if (node.type !== 'message') throw new Error('not a message');
  return { ...node, data: { ...node.data, blocks: [{ type: 'text', text }] } };
}

describe('designer store', () => {
  it('round-trips the document unchanged', () => {
    expect(toFlowDocument(createDesignerStore(flow).getState().doc)).toEqual(flow);
  });

  it('folds quick typing in one field into one undo step', () => {
    const { store, advance } = setup();
    const typed = 'Hello there';
    for (let i = 1; i <= typed.length; i++) {
      advance(100);
      store
        .getState()
        .change(
          (doc) => replaceNode(doc, setMessageText(doc.nodes['n-hours']!, typed.slice(0, i))),
          { kind: 'merge', key: 'n-hours:text' },
        );
    }
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc.nodes['n-hours']).toEqual(
      flow.nodes.find((n) => n.id === 'n-hours'),
    );
  });

  it('starts a new step after a pause or in another field', () => {
    const { store, advance } = setup();
    const edit = (text: string, key: string) =>
      store
        .getState()
        .change((doc) => replaceNode(doc, setMessageText(doc.nodes['n-hours']!, text)), {
          kind: 'merge',
          key,
        });
    edit('a', 'f1');
    advance(200);
    edit('ab', 'f1');
    advance(5000);
    edit('abc', 'f1');
    advance(100);
    edit('abcd', 'f2');
    expect(store.getState().history.past).toHaveLength(3);
  });

  it('records a multi-node drag as one step', () => {
    const { store } = setup();
    const start = store.getState().doc.nodes['n-start']!.position;
    const menu = store.getState().doc.nodes['n-menu']!.position;
    store.getState().beginGesture();
    for (let step = 1; step <= 30; step++) {
      store.getState().change(
        (doc) =>
          moveNodes(
            doc,
            new Map([
              ['n-start', { x: start.x + step, y: start.y }],
              ['n-menu', { x: menu.x + step, y: menu.y }],
            ]),
          ),
        { kind: 'push' },
      );
    }
    store.getState().endGesture();
    expect(store.getState().history.past).toHaveLength(1);
    expect(store.getState().doc.nodes['n-menu']!.position).toEqual({ x: menu.x + 30, y: menu.y });
    store.getState().undo();
    expect(store.getState().doc.nodes['n-menu']!.position).toEqual(menu);
    expect(store.getState().doc.nodes['n-start']!.position).toEqual(start);
  });

  it('records nothing for a click on a node that does not move it', () => {
    const { store } = setup();
    store.getState().beginGesture();
    store.getState().endGesture();
    expect(canUndo(store.getState())).toBe(false);
  });

  it('redoes what was undone and forgets the redo after a new edit', () => {
    const { store } = setup();
    const move = (x: number) =>
      store.getState().change(
        (doc) =>
          moveNodes(
            doc,
            new Map([
              ['n-end', { x, y: 0 }],
              ['n-menu', { x, y: 0 }],
            ]),
          ),
        {
          kind: 'push',
        },
      );
    move(1);
    move(2);
    store.getState().undo();
    expect(store.getState().doc.nodes['n-menu']!.position.x).toBe(1);
    store.getState().redo();
    expect(store.getState().doc.nodes['n-menu']!.position.x).toBe(2);
    store.getState().undo();
    move(5);
    expect(canRedo(store.getState())).toBe(false);
  });

  it('is clean again after undoing back to the saved document', () => {
    const { store } = setup();
    store.getState().change((doc) => moveNodes(doc, new Map([['n-menu', { x: 9, y: 9 }]])), {
      kind: 'push',
    });
    expect(isDirty(store.getState())).toBe(true);
    store.getState().undo();
    expect(isDirty(store.getState())).toBe(false);
  });

  it('keeps selection out of the history', () => {
    const { store } = setup();
    store.getState().select(['n-menu']);
    expect(canUndo(store.getState())).toBe(false);
  });

  it('drops edges of a quick reply that was removed', () => {
    const { store } = setup();
    store.getState().change(
      (doc) => {
        const menu = doc.nodes['n-menu']!;
        if (menu.type !== 'message') throw new Error('expected a message');
        const quickReplies = menu.data.quickReplies!.filter((r) => r.id !== 'shop');
        return replaceNode(doc, { ...menu, data: { ...menu.data, quickReplies } });
      },
      { kind: 'push' },
    );
    const handles = Object.values(store.getState().doc.edges).map((e) => e.sourceHandle);
    expect(handles).not.toContain('reply:shop');
    expect(handles).toContain('reply:hours');
  });
});

describe('problem badges', () => {
  it('counts problems per node and keeps unchanged counts as the same object', () => {
    const store = createDesignerStore(flow);
    const problem = {
      severity: 'warning',
      code: 'x',
      message: 'm',
      nodeId: 'n-menu',
      handle: 'other',
    } as const;
    store.getState().setProblems([problem]);
    const first = store.getState().problemsByNode['n-menu'];
    expect(first).toEqual({ errors: 0, warnings: 1, handles: 'other' });
    store.getState().setProblems([{ ...problem }]);
    expect(store.getState().problemsByNode['n-menu']).toBe(first);
  });
});
