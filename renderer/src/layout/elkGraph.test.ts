import { describe, expect, it } from 'vitest';
import welcome from '../../../flows/examples/welcome.flow.json';
import { FlowDocument } from '../../../flows/schema';
import { fromFlowDocument } from '../store/designerDocument';
import { buildElkGraph, layoutPositions } from './elkGraph';

describe('auto-layout graph', () => {
  it('gives ELK every node with its measured size and every edge', () => {
    const doc = fromFlowDocument(FlowDocument.parse(welcome));
    const graph = buildElkGraph(doc, { 'n-menu': { width: 240, height: 180 } });
    expect(graph.children).toHaveLength(10);
    expect(graph.children.find((c) => c.id === 'n-menu')).toMatchObject({
      width: 240,
      height: 180,
    });
    expect(graph.edges).toHaveLength(10);
  });

  it('snaps laid-out positions to the grid', () => {
    const positions = layoutPositions({
      children: [{ id: 'a', width: 1, height: 1, x: 33, y: 7 }],
    });
    expect(positions.get('a')).toEqual({ x: 32, y: 0 });
  });
});
