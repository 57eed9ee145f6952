import { describe, expect, it } from 'vitest';
import welcome from '../../../flows/examples/welcome.flow.json';
import { FlowDocument } from '../../../flows/schema';
import { fromFlowDocument } from '../store/designerDocument';
import { buildElkGraph, layoutPositions } from './elkGraph';

describe('auto-layout graph', () => {
  it('gives ELK every node with its measured size and every edge', () => {
    const doc = fromFlowDocument(FlowDocument.parse(welcome));
    const graph = buildElkGraph(doc, { 'n-menu': { width: 240, height: 400 } });
    expect(graph.children).toHaveLength(10);
    expect(graph.children.find((c) => c.id === 'n-menu')).toMatchObject({
      width: 240,
      height: 400,
    });
    expect(graph.edges).toHaveLength(10);
  });

  it('estimates taller sizes for nodes with more content when they were never drawn', () => {
    const doc = fromFlowDocument(FlowDocument.parse(welcome));
    const graph = buildElkGraph(doc, {});
    const height = (id: string) => graph.children.find((c) => c.id === id)!.height;
    // n-menu has text and three quick replies (four outputs); n-hours one text and one output.
    expect(height('n-menu')).toBeGreaterThan(height('n-hours'));
    expect(height('n-hours')).toBeGreaterThan(height('n-start'));
  });

  it('never uses a size measured in the simplified (zoomed-out) drawing below the estimate', () => {
    const doc = fromFlowDocument(FlowDocument.parse(welcome));
    const full = buildElkGraph(doc, {}).children.find((c) => c.id === 'n-menu')!;
    const zoomedOut = buildElkGraph(doc, { 'n-menu': { width: 240, height: 40 } }).children.find(
      (c) => c.id === 'n-menu',
    )!;
    expect(zoomedOut.height).toBe(full.height);
  });

  it('snaps laid-out positions to the grid', () => {
    const positions = layoutPositions({
      children: [{ id: 'a', width: 1, height: 1, x: 33, y: 7 }],
    });
    expect(positions.get('a')).toEqual({ x: 32, y: 0 });
  });
});
