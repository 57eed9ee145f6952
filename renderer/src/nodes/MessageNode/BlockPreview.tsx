import type { Block } from '../../../../flows/schema';
import { t } from '../../i18n';
import { Icon } from '../../Icon';
import { formatDuration } from '../../nodeTypes/formatDuration';

/** One block of a message as a chat bubble, a media line, a card strip or a typing pause. */
export function BlockPreview({ block }: { block: Block }) {
  switch (block.type) {
    case 'text':
      return (
        <div className="tl-bubble">
          <p className="tl-bubble-text">
            {block.text || <span className="tl-muted">{t('canvas.emptyText')}</span>}
          </p>
          {block.buttons
            ?.filter((b) => b.type !== 'postback')
            .map((b) => (
              <span key={b.id} className="tl-chip" title={b.type === 'url' ? b.url : b.phone}>
                <Icon name={b.type === 'url' ? 'link' : 'phone'} size={11} /> {b.title}
              </span>
            ))}
        </div>
      );
    case 'cards':
      return (
        <div className="tl-cards">
          {block.cards.map((card) => (
            <span key={card.id} className="tl-card-chip">
              <Icon name="cards" size={11} /> {card.title || t('canvas.untitledCard')}
            </span>
          ))}
        </div>
      );
    case 'typing':
      return (
        <p className="tl-muted">
          {t('canvas.typing', { duration: formatDuration(block.seconds) })}
        </p>
      );
    default:
      return (
        <p className="tl-media">
          <Icon name="image" size={11} /> {block.type}: {block.url || t('canvas.noUrl')}
        </p>
      );
  }
}
