// The quick replies of the newest message, as chips under it; they go away once answered, as in
// Messenger. Each chip is a button named by its title.
import { useTranslation } from 'react-i18next';
import { isLocalImage } from '../BotMessage/RemoteImage';
import type { ConversationItem } from '../conversation';
import { useSimulatorStore, useSimulator } from '../store';
import { userEvents } from '../userEvents';

export function QuickReplies({ item }: { item: ConversationItem & { kind: 'bot' } }) {
  const { t } = useTranslation();
  const simulator = useSimulatorStore();
  const busy = useSimulator((s) => s.busy);
  const replies = item.message.quickReplies ?? [];
  return (
    <div className="tl-sim-replies" role="group" aria-label={t('simulator.quickReplies')}>
      {replies.map((reply, i) =>
        reply.type === 'text' ? (
          <button
            key={reply.payload}
            type="button"
            disabled={busy}
            onClick={() => void simulator.getState().send(userEvents.quickReply(reply))}
          >
            {reply.imageUrl && isLocalImage(reply.imageUrl) && <img src={reply.imageUrl} alt="" />}
            {reply.title}
          </button>
        ) : (
          <ProfileReply key={`${reply.type}-${i}`} type={reply.type} disabled={busy} />
        ),
      )}
    </div>
  );
}

/** Messenger's reply that fills in the address or number the user's profile holds. */
function ProfileReply({
  type,
  disabled,
}: {
  type: 'user_email' | 'user_phone_number';
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const simulator = useSimulatorStore();
  const contact = useSimulator((s) => s.settings.contact);
  const value = type === 'user_email' ? contact.email : contact.phone;
  if (!value) return null;
  return (
    <button
      type="button"
      disabled={disabled}
      title={t('simulator.fromProfile')}
      onClick={() => void simulator.getState().send(userEvents.profileReply(value))}
    >
      {value}
    </button>
  );
}
