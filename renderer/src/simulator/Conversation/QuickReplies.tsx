// The quick replies of the newest message, as chips under it; they go away once answered, as in
// Messenger. Each chip is a button named by its title.
import { isLocalImage } from '../BotMessage/RemoteImage';
import type { ConversationItem } from '../conversation';
import { simulatorStore, useSimulator } from '../store';
import { userEvents } from '../userEvents';

export function QuickReplies({ item }: { item: ConversationItem & { kind: 'bot' } }) {
  const busy = useSimulator((s) => s.busy);
  const replies = item.message.quickReplies ?? [];
  return (
    <div className="tl-sim-replies" role="group" aria-label="Quick replies">
      {replies.map((reply, i) =>
        reply.type === 'text' ? (
          <button
            key={reply.payload}
            type="button"
            disabled={busy}
            onClick={() => void simulatorStore.getState().send(userEvents.quickReply(reply))}
          >
            {reply.imageUrl && isLocalImage(reply.imageUrl) && <img src={reply.imageUrl} alt="" />}
            {reply.title}
          </button>
        ) : (
          <span
            key={`${reply.type}-${i}`}
            className="tl-sim-reply-profile"
            title="Messenger fills this in from the user's profile"
          >
            {reply.type === 'user_email' ? 'Email from profile' : 'Phone from profile'}
          </span>
        ),
      )}
    </div>
  );
}
