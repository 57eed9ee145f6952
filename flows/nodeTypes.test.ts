import { describe, expect, it } from 'vitest';
import { lintFlow } from './lint';
import { addNodes, cleanFlow, node } from './lint/test-fixtures';
import { hasInputHandle, NODE_TYPE_SPECS } from './nodeTypes';
import { CompiledStep, NODE_TYPES } from './schema';

describe('the node type registry', () => {
  it('has one entry per node type of the schema', () => {
    expect(Object.keys(NODE_TYPE_SPECS).sort()).toEqual([...NODE_TYPES].sort());
  });

  it('compiles exactly the types with a compile entry into steps', () => {
    const steps = CompiledStep.options.map((o) => o.shape.type.value);
    expect(steps).toEqual(NODE_TYPES.filter((t) => NODE_TYPE_SPECS[t].compile !== null));
  });

  it('gives triggers and notes no input handle, and lint refuses an edge into them', () => {
    expect(NODE_TYPES.filter((t) => !hasInputHandle(t))).toEqual(['trigger', 'note']);
    const doc = cleanFlow();
    addNodes(
      doc,
      [node('n-hook', 'trigger', { kind: 'ref', ref: 'ad' }), node('n-memo', 'note', { text: '' })],
      [
        ['n-a', 'next', 'n-hook'],
        ['n-hook', 'out', 'n-memo'],
      ],
    );
    const into = lintFlow(doc)
      .filter((f) => f.code === 'dangling-edge')
      .map((f) => f.message);
    expect(into).toEqual([
      expect.stringContaining('leads into a trigger'),
      expect.stringContaining('leads into a note'),
    ]);
  });
});
