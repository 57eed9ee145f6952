import { describe, expect, it } from 'vitest';
import { impliedVariableType } from './implied-type';
import type { FlowNode } from './schema';

const at = { x: 0, y: 0 };
const nodes: FlowNode[] = [
  {
    id: 'q',
    type: 'input',
    position: at,
    data: { prompt: 'Email?', kind: 'email', variable: 'mail' },
  },
  {
    id: 'p',
    type: 'input',
    position: at,
    data: { prompt: 'Photo?', kind: 'image', variable: 'photo' },
  },
  {
    id: 'a',
    type: 'action',
    position: at,
    data: { actions: [{ type: 'increment', variable: 'visits', by: 1 }] },
  },
  {
    id: 'c',
    type: 'condition',
    position: at,
    data: {
      branches: [
        {
          id: 'b',
          match: 'all',
          rules: [
            { variable: 'age', op: 'gte', value: '18' },
            { variable: 'vip', op: 'eq', value: true },
            { variable: 'city', op: 'eq', value: 'Berlin' },
          ],
        },
      ],
    },
  },
];

describe('impliedVariableType', () => {
  it('reads the type from the uses of the variable', () => {
    expect(impliedVariableType({ nodes }, 'mail')).toBe('email');
    expect(impliedVariableType({ nodes }, 'photo')).toBe('url');
    expect(impliedVariableType({ nodes }, 'visits')).toBe('number');
    expect(impliedVariableType({ nodes }, 'age')).toBe('number');
    expect(impliedVariableType({ nodes }, 'vip')).toBe('boolean');
  });

  it('says text when no use tells more', () => {
    expect(impliedVariableType({ nodes }, 'city')).toBe('text');
    expect(impliedVariableType({ nodes }, 'never_used')).toBe('text');
  });
});
