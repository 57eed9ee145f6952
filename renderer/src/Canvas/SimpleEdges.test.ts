import { getSmoothStepPath, Position, type InternalNode } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { CanvasEdge } from '../store/flowElements';
import { createEdgeGrouper } from './SimpleEdges';

function node(id: string, x: number, y: number): InternalNode {
  return {
    id,
    position: { x, y },
    data: {},
    measured: { width: 240, height: 100 },
    internals: {
      positionAbsolute: { x, y },
      z: 0,
      userNode: { id, position: { x, y }, data: {} },
      handleBounds: {
        source: [
          {
            id: 'next',
            type: 'source',
            nodeId: id,
            position: Position.Right,
            x: 236,
            y: 80,
            width: 10,
            height: 10,
          },
        ],
        target: [
          {
            id: 'in',
            type: 'target',
            nodeId: id,
            position: Position.Left,
            x: -6,
            y: 18,
            width: 10,
            height: 10,
          },
        ],
      },
    },
  } as InternalNode;
}

const edge = (i: number): CanvasEdge => ({
  id: `e${i}`,
  source: `n${i}`,
  sourceHandle: 'next',
  target: `n${i + 1}`,
  targetHandle: 'in',
  selected: false,
});

describe('the zoomed-out edge drawing', () => {
  const edges = Array.from({ length: 200 }, (_, i) => edge(i));
  const lookup = new Map(
    Array.from({ length: 201 }, (_, i) => [`n${i}`, node(`n${i}`, i * 400, 0)]),
  );

  it('draws each edge as React Flow does, from the source handle to the target handle', () => {
    const groups = createEdgeGrouper()(edges, lookup);
    const paths = groups.flat();
    expect(paths).toHaveLength(200);
    const [expected] = getSmoothStepPath({
      sourceX: 246,
      sourceY: 85,
      sourcePosition: Position.Right,
      targetX: 394,
      targetY: 23,
      targetPosition: Position.Left,
    });
    expect(paths[0]).toEqual({ id: 'e0', d: expected });
  });

  it('keeps every group while nothing moved, and replaces only the groups a moved node is in', () => {
    const group = createEdgeGrouper();
    const first = group(edges, lookup);
    expect(group(edges, lookup)).toBe(first);
    const moved = new Map(lookup);
    moved.set('n100', node('n100', 40_000, 300)); // edges e99 and e100, both in the second group
    const second = group(edges, moved);
    expect(second).not.toBe(first);
    expect(second.map((g, i) => g === first[i])).toEqual([true, false, true, true]);
    expect(second[1]!.find((p) => p.id === 'e100')!.d).not.toBe(
      first[1]!.find((p) => p.id === 'e100')!.d,
    );
  });

  it('leaves out an edge whose handle is not there', () => {
    const broken = [{ ...edge(0), sourceHandle: 'gone' }, edge(1)];
    expect(
      createEdgeGrouper()(broken, lookup)
        .flat()
        .map((p) => p.id),
    ).toEqual(['e1']);
  });
});
