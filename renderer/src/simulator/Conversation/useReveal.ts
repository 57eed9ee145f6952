// New messages appear one after another, with the typing indicator shown for a typing pause
// (shortened: a tester should not wait real seconds). Going back in time shows the kept messages
// at once; a panel opened on a chat in progress shows it whole.
import { useEffect, useState } from 'react';
import type { ConversationItem } from '../conversation';

const MAX_TYPING_MS = 700;
const MESSAGE_GAP_MS = 60;

export function useReveal(items: readonly ConversationItem[]): { shown: number; typing: boolean } {
  const [shown, setShown] = useState(items.length);
  const [length, setLength] = useState(items.length);
  // Fewer messages than shown: the chat went back in time. Adjusted during render (React's
  // pattern for state that follows a prop), so no frame shows the stale count.
  if (items.length !== length) {
    setLength(items.length);
    if (items.length < shown) setShown(items.length);
  }
  useEffect(() => {
    if (shown >= items.length) return;
    const next = items[shown]!;
    const wait = next.kind === 'typing' ? Math.min(next.ms, MAX_TYPING_MS) : MESSAGE_GAP_MS;
    const timer = setTimeout(() => setShown((n) => n + 1), wait);
    return () => clearTimeout(timer);
  }, [shown, items]);
  const visible = Math.min(shown, items.length);
  return { shown: visible, typing: visible < items.length && items[visible]?.kind === 'typing' };
}
