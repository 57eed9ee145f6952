import { describe, expect, it } from 'vitest';
import { formatShortcut, matchesShortcut, type KeyLike } from './shortcut';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('reads Mod as Ctrl on Windows and Linux and as Cmd on macOS', () => {
    expect(matchesShortcut(key('z', { ctrlKey: true }), 'Mod+Z', false)).toBe(true);
    expect(matchesShortcut(key('z', { metaKey: true }), 'Mod+Z', true)).toBe(true);
    expect(matchesShortcut(key('z', { metaKey: true }), 'Mod+Z', false)).toBe(false);
  });

  it('tells redo (Shift) from undo', () => {
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Z', false)).toBe(
      false,
    );
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+Z', false)).toBe(
      true,
    );
  });

  it('matches "?" whatever Shift the layout needs, and F1', () => {
    expect(matchesShortcut(key('?', { shiftKey: true }), '?', false)).toBe(true);
    expect(matchesShortcut(key('F1'), 'F1', false)).toBe(true);
    expect(matchesShortcut(key('?', { ctrlKey: true }), '?', false)).toBe(false);
  });

  it("shows shortcuts in the platform's words", () => {
    expect(formatShortcut('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('Mod+Shift+Z', true)).toBe('⌘⇧Z');
  });
});
