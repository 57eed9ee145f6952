// A generic template: cards side by side that scroll sideways, each with its image, title,
// subtitle and buttons.
import { useTranslation } from 'react-i18next';
import type { OutCard } from '../../../../flows/engine';
import { MessageButtons } from './MessageButtons';
import { RemoteImage } from './RemoteImage';

export function CardGallery({
  cards,
  onSelect,
}: {
  cards: readonly OutCard[];
  onSelect?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div
      className="tl-sim-cards"
      role="group"
      aria-label={t('simulator.cards', { count: cards.length })}
    >
      {cards.map((card, i) => (
        <article key={`${card.title}-${i}`} className="tl-sim-card" aria-label={card.title}>
          <div className="tl-sim-card-body" onClick={onSelect}>
            <RemoteImage url={card.imageUrl} alt="" className="tl-sim-card-image" />
            <h4>{card.title}</h4>
            {card.subtitle && <p>{card.subtitle}</p>}
          </div>
          {card.buttons?.length ? <MessageButtons buttons={card.buttons} /> : null}
        </article>
      ))}
    </div>
  );
}
