// A bot message as Messenger draws it: a text bubble, a button template (text over stacked
// buttons), a generic template (cards that scroll sideways) or a media attachment.
import { useTranslation } from 'react-i18next';
import type { MessageAction } from '../../../../flows/engine';
import { CardGallery } from './CardGallery';
import { MessageButtons } from './MessageButtons';
import { MediaAttachment } from './MediaAttachment';

interface Props {
  message: MessageAction;
  onSelect?: () => void;
}

export function BotMessage({ message, onSelect }: Props) {
  const { t } = useTranslation();
  const select = onSelect
    ? { onClick: onSelect, title: t('simulator.showSender'), 'data-clickable': true }
    : {};
  switch (message.type) {
    case 'send_text':
      if (!message.buttons?.length)
        return (
          <p className="tl-sim-bubble is-bot" {...select}>
            {message.text}
          </p>
        );
      return (
        <div className="tl-sim-template">
          <p className="tl-sim-template-text" {...select}>
            {message.text}
          </p>
          <MessageButtons buttons={message.buttons} />
        </div>
      );
    case 'send_cards':
      return <CardGallery cards={message.cards} onSelect={onSelect} />;
    case 'send_media':
      return (
        <div {...select}>
          <MediaAttachment type={message.mediaType} url={message.url} />
        </div>
      );
  }
}
