import { describe, expect, it } from 'vitest';
import { BUILTIN_VARIABLES } from '../schema';
import { newSession } from './session';
import { builtinValue } from './variables';

describe('built-in variables', () => {
  it('has a value for every name in BUILTIN_VARIABLES', () => {
    const session = {
      ...newSession('rev', {
        id: 'psid-9',
        first_name: 'Anna',
        last_name: 'Berg',
        locale: 'de_DE',
      }),
      lastInput: 'hello',
    };
    const now = Date.UTC(2026, 0, 2, 3, 4, 5);
    expect(
      Object.fromEntries(BUILTIN_VARIABLES.map((name) => [name, builtinValue(name, session, now)])),
    ).toEqual({
      user_first_name: 'Anna',
      user_last_name: 'Berg',
      user_locale: 'de_DE',
      user_id: 'psid-9',
      last_input: 'hello',
      now: '2026-01-02T03:04:05.000Z',
    });
  });
});
