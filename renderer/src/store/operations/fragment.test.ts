import { describe, expect, it } from 'vitest';
import welcome from '../../../../flows/examples/welcome.flow.json';
import { FlowDocument } from '../../../../flows/schema';
import { fromFlowDocument, toFlowDocument } from '../designerDocument';
import { copyFragment, parseFragment, pasteFragment } from './fragment';

const doc = fromFlowDocument(FlowDocument.parse(welcome));

describe('copy and paste', () => {
  it('pastes nodes with fresh ids and the edges between them remapped', () => {
    const fragment = copyFragment(doc, ['n-menu', 'n-hours', 'n-start']);
    const { doc: pasted, nodeIds } = pasteFragment(doc, fragment, { x: 40, y: 40 });
    expect(nodeIds).toHaveLength(3);
    for (const id of nodeIds) expect(doc.nodes[id]).toBeUndefined();
    const newEdges = pasted.edgeOrder.filter((id) => !doc.edges[id]).map((id) => pasted.edges[id]!);
    // n-start -> n-menu and n-menu -> n-hours are inside the fragment; edges to outside are not.
    expect(newEdges).toHaveLength(2);
    for (const edge of newEdges) {
      expect(nodeIds).toContain(edge.source);
      expect(nodeIds).toContain(edge.target);
    }
    expect(FlowDocument.safeParse(toFlowDocument(pasted)).success).toBe(true);
  });

  it('shifts pasted nodes by the offset', () => {
    const { doc: pasted, nodeIds } = pasteFragment(doc, copyFragment(doc, ['n-menu']), {
      x: 40,
      y: 40,
    });
    const { x, y } = doc.nodes['n-menu']!.position;
    expect(pasted.nodes[nodeIds[0]!]!.position).toEqual({ x: x + 40, y: y + 40 });
  });

  it('reads a fragment back from clipboard text, and ignores other text', () => {
    const text = JSON.stringify(copyFragment(doc, ['n-menu']));
    expect(parseFragment(text)?.nodes[0]?.id).toBe('n-menu');
    expect(parseFragment('hello')).toBeNull();
    expect(
      parseFragment('{"format":"threadline.fragment","nodes":[{"id":"x"}],"edges":[]}'),
    ).toBeNull();
  });

  it('pastes twice without id clashes', () => {
    const fragment = copyFragment(doc, ['n-menu']);
    const once = pasteFragment(doc, fragment, { x: 40, y: 40 });
    const twice = pasteFragment(once.doc, fragment, { x: 40, y: 40 });
    expect(twice.nodeIds[0]).not.toBe(once.nodeIds[0]);
    expect(twice.doc.nodeOrder).toHaveLength(doc.nodeOrder.length + 2);
  });
});
