import { describe, expect, it } from 'vitest';
import { newToken, tokensMatch } from './token-guard';
import { shouldOpenBrowser } from './open-browser';

describe('token guard', () => {
  it('makes a different long token at each launch', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
  });

  it('matches only the exact token, whatever the length of the guess', () => {
    const token = newToken();
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(token, `${token}x`)).toBe(false);
    expect(tokensMatch(token, token.slice(0, 10))).toBe(false);
    expect(tokensMatch(token, '')).toBe(false);
    expect(tokensMatch(token, undefined)).toBe(false);
  });
});

describe('opening the browser', () => {
  it('does not open one when BROWSER=none or on CI', () => {
    expect(shouldOpenBrowser({})).toBe(true);
    expect(shouldOpenBrowser({ BROWSER: 'none' })).toBe(false);
    expect(shouldOpenBrowser({ CI: 'true' })).toBe(false);
  });
});
