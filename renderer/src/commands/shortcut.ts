// Matches keyboard events against shortcuts written like "Mod+Shift+Z" and shows them in the
// platform's words. Works on a plain object, so it is tested without a DOM.
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matchesShortcut(event: KeyLike, shortcut: string, isMac: boolean): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop() ?? '';
  const wants = new Set(parts);
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (wants.has('Mod') !== mod) return false;
  if (!isMac && event.metaKey) return false;
  if (isMac && event.ctrlKey) return false;
  if (wants.has('Alt') !== event.altKey) return false;
  // "?" is typed with Shift on most layouts, so Shift only counts for letter-like keys.
  const printable = key.length === 1 && !/[a-z0-9]/i.test(key);
  if (!printable && wants.has('Shift') !== event.shiftKey) return false;
  if (key === '1' && wants.has('Shift')) return event.key === '!' || event.key === '1';
  if (key === '=') return event.key === '=' || event.key === '+';
  return event.key.toLowerCase() === key.toLowerCase();
}

export function formatShortcut(shortcut: string, isMac: boolean): string {
  return shortcut
    .split('+')
    .map((p) => (p === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : p === 'Shift' && isMac ? '⇧' : p))
    .join(isMac ? '' : '+');
}
