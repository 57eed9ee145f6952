// New messages appear one after another, with the typing indicator shown for a typing pause
// (shortened: a tester should not wait real seconds). Going back in time or restarting shows
// the kept messages at once.
import { useEffect, useRef, useState } from 'react';
import type { ConversationItem } from '../conversation';

const MAX_TYPING_MS = 700;
const MESSAGE_GAP_MS = 60;

export function useReveal(items: readonly ConversationItem[]): { shown: number; typing: boolean } {
  const [shown, setShown] = useState(items.length);
  const previous = useRef(items);
  useEffect(() => {
    const grew = items.length > previous.current.length && items[0] === previous.current[0];
    previous.current = items;
    if (!grew) setShown(items.length);
  }, [items]);
  useEffect(() => {
    if (shown >= items.length) return;
    const next = items[shown]!;
    const wait = next.kind === 'typing' ? Math.min(next.ms, MAX_TYPING_MS) : MESSAGE_GAP_MS;
    const timer = setTimeout(() => setShown((n) => n + 1), wait);
    return () => clearTimeout(timer);
  }, [shown, items]);
  const typing = shown < items.length && items[shown]?.kind === 'typing';
  return { shown: Math.min(shown, items.length), typing };
}
