import { describe, expect, it } from 'vitest';
import { compileFlow, FlowDocument, lintFlow } from '../flows';
import { generateFlow } from './generate-flow';

describe('generateFlow', () => {
  it.each([5, 19, 100, 2000])('makes a valid, lint-clean flow of exactly %i nodes', (n) => {
    const doc = generateFlow(n);
    expect(doc.nodes).toHaveLength(n);
    expect(FlowDocument.safeParse(doc).success).toBe(true);
    expect(lintFlow(doc)).toEqual([]);
  });

  it('uses every kind of node in a 2,000-node flow', () => {
    const types = new Set(generateFlow(2000).nodes.map((n) => n.type));
    expect([...types].sort()).toEqual(
      [
        'action',
        'condition',
        'delay',
        'end',
        'handover',
        'http',
        'input',
        'message',
        'note',
        'split',
        'trigger',
      ].sort(),
    );
  });

  it('compiles the 2,000-node flow', () => {
    expect(compileFlow(generateFlow(2000)).ok).toBe(true);
  });
});
