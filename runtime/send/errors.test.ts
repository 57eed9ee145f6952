// The retry policy for each Send API error class (docs/messenger.md §2.8).
import { describe, expect, it } from 'vitest';
import { backoffMs, classifyGraphError } from './errors';

describe('classifyGraphError', () => {
  it.each([
    [{ code: 613, error_subcode: 2534040 }, 'throttle'],
    [{ code: 4 }, 'throttle'],
    [{ code: 2, is_transient: true }, 'retry'],
    [{ code: 1 }, 'retry'],
    [{ code: 551, error_subcode: 1545041 }, 'give-up'],
    [{ code: 10, error_subcode: 2018278 }, 'give-up'],
    [{ code: 190 }, 'give-up'],
    [{ code: 100, error_subcode: 2018001 }, 'give-up'],
    [{ code: 2018300 }, 'give-up'],
  ])('treats %j as %s', (error, action) => {
    expect(classifyGraphError(error).action).toBe(action);
  });

  it('names the reason of permanent errors', () => {
    expect(classifyGraphError({ code: 551 })).toEqual({
      action: 'give-up',
      reason: 'user-unavailable',
      scope: 'user',
    });
    expect(classifyGraphError({ code: 10, error_subcode: 2018278 })).toMatchObject({
      reason: 'outside-window',
    });
    expect(classifyGraphError({ code: 190 })).toMatchObject({
      reason: 'bad-page-token',
      scope: 'page',
    });
  });
});

describe('backoffMs', () => {
  it('grows exponentially with jitter and stays under the cap', () => {
    expect(backoffMs(0, () => 0)).toBe(125);
    expect(backoffMs(0, () => 1)).toBe(250);
    expect(backoffMs(3, () => 0.5)).toBe(1500);
    expect(backoffMs(40, () => 1)).toBe(60_000);
  });
});
