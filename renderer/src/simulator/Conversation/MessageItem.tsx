// One entry of the chat. Clicking a bot message selects the node that sent it; each message can
// take the chat back to that point ("Go back to here"), to answer differently from there. A reply
// the runtime would not send (outside the 24-hour window) is shown greyed, its buttons disabled,
// with the reason.
import { useTranslation } from 'react-i18next';
import { BotMessage } from '../BotMessage';
import { RemoteImage } from '../BotMessage/RemoteImage';
import type { ConversationItem } from '../conversation';
import { useSimulatorStore, useSimulator } from '../store';
import { useSelectNode } from '../useSelectNode';

export function MessageItem({ item, tail }: { item: ConversationItem; tail: boolean }) {
  const { t } = useTranslation();
  const simulator = useSimulatorStore();
  const selectNode = useSelectNode();
  const busy = useSimulator((s) => s.busy);
  if (item.kind === 'typing') return null;
  if (item.kind === 'note') {
    return (
      <li role="none" className={`tl-sim-note is-${item.tone}`}>
        <p
          role="note"
          onClick={item.step ? () => selectNode(item.step!) : undefined}
          className={item.step ? 'is-clickable' : undefined}
        >
          {item.text}
        </p>
      </li>
    );
  }
  // A user message is undone with its turn; a bot message keeps the turn that sent it.
  const keep = item.kind === 'user' ? item.turn : item.turn + 1;
  return (
    <li className={`tl-sim-row is-${item.kind}${tail ? ' is-tail' : ''}`}>
      {item.kind === 'bot' && <span className="tl-sim-row-avatar" aria-hidden />}
      {item.kind === 'bot' && item.dropped ? (
        <div className="tl-sim-dropped">
          <fieldset disabled className="tl-sim-dropped-message">
            <BotMessage
              message={item.message}
              onSelect={item.step ? () => selectNode(item.step!) : undefined}
            />
          </fieldset>
          <p className="tl-sim-dropped-reason">
            {t('simulator.notDelivered')} {t(`simNotes.dropReasons.${item.dropped}`)}
          </p>
        </div>
      ) : item.kind === 'bot' ? (
        <BotMessage
          message={item.message}
          onSelect={item.step ? () => selectNode(item.step!) : undefined}
        />
      ) : item.imageUrl ? (
        <RemoteImage
          className="tl-sim-user-image"
          url={item.imageUrl}
          alt={t('simulator.imageYouSent')}
        />
      ) : (
        <p className="tl-sim-bubble is-user">{item.text}</p>
      )}
      <button
        type="button"
        className="tl-sim-rewind"
        title={item.kind === 'user' ? t('simulator.answerDifferently') : t('simulator.goBackTitle')}
        aria-label={t('simulator.goBack')}
        disabled={busy}
        onClick={() => simulator.getState().rewind(keep)}
      >
        ↺
      </button>
    </li>
  );
}
