// The chat: one list item a message, the bot's on the left and the tester's on the right, notes
// (HTTP calls, handover, errors) between them, and the quick replies still on offer at the end.
import { useTranslation } from 'react-i18next';
import { useEffect, useMemo, useRef } from 'react';
import { conversationItems, openQuickReplies } from '../conversation';
import { useSimulator } from '../store';
import { WelcomeScreen } from '../WelcomeScreen';
import { QuickReplies } from './QuickReplies';
import { MessageItem } from './MessageItem';
import { useReveal } from './useReveal';

export function Conversation() {
  const { t } = useTranslation();
  const turns = useSimulator((s) => s.turns);
  const busy = useSimulator((s) => s.busy);
  const items = useMemo(() => conversationItems(turns), [turns]);
  const { shown, typing } = useReveal(items);
  const visible = items.slice(0, shown).filter((i) => i.kind !== 'typing');
  const replies = shown === items.length ? openQuickReplies(items) : null;
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [shown, typing, replies]);
  return (
    <div className="tl-sim-scroll">
      {turns.length === 0 && <WelcomeScreen />}
      <ul aria-label={t('simulator.conversation')} className="tl-sim-conversation">
        {visible.map((item, index) => (
          <MessageItem key={item.key} item={item} tail={isTail(visible, index)} />
        ))}
      </ul>
      {(typing || (busy && shown === items.length)) && (
        <div className="tl-sim-typing" role="status" aria-label={t('simulator.typing')}>
          <span />
          <span />
          <span />
        </div>
      )}
      {replies && <QuickReplies item={replies.item} />}
      <div ref={end} />
    </div>
  );
}

/** The last message of a run from one side closes the group (and, for the bot, gets the avatar). */
function isTail(items: readonly { kind: string }[], index: number): boolean {
  return items[index + 1]?.kind !== items[index]?.kind;
}
