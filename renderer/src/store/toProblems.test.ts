import { describe, expect, it } from 'vitest';
import { toProblems } from './toProblems';

describe('lint findings in the designer', () => {
  it('names fields the way the inspector does', () => {
    const [problem] = toProblems([
      {
        code: 'text-empty',
        severity: 'error',
        nodeId: 'n1',
        field: 'data.blocks[0].buttons[2].title',
        message: 'm',
      },
    ]);
    expect(problem).toEqual({
      code: 'text-empty',
      severity: 'error',
      nodeId: 'n1',
      field: 'data.blocks.0.buttons.2.title',
      message: 'm',
    });
  });
});
