import { MESSENGER_LIMITS } from '../../../../flows';
import { useTranslation } from 'react-i18next';
import type { Card } from '../../../../flows/schema';
import { TextInput } from '../fields/TextInput';
import { ButtonsEditor } from './ButtonsEditor';

/** One card of a gallery: title and subtitle (80 characters each), image, link and buttons. */
export function CardEditor({
  card,
  field,
  onChange,
}: {
  card: Card;
  field: string;
  onChange(card: Card, field?: string): void;
}) {
  const { t } = useTranslation();
  const opt = (v: string) => (v ? v : undefined);
  return (
    <>
      <TextInput
        label={t('card.title')}
        field={`${field}.title`}
        value={card.title}
        limit={MESSENGER_LIMITS.cardTitleLength}
        onChange={(title) => onChange({ ...card, title }, `${field}.title`)}
      />
      <TextInput
        label={t('card.subtitle')}
        field={`${field}.subtitle`}
        value={card.subtitle ?? ''}
        limit={MESSENGER_LIMITS.cardSubtitleLength}
        onChange={(s) => onChange({ ...card, subtitle: opt(s) }, `${field}.subtitle`)}
      />
      <TextInput
        label={t('card.imageUrl')}
        field={`${field}.imageUrl`}
        value={card.imageUrl ?? ''}
        onChange={(s) => onChange({ ...card, imageUrl: opt(s) }, `${field}.imageUrl`)}
      />
      <TextInput
        label={t('card.opensUrl')}
        field={`${field}.url`}
        value={card.url ?? ''}
        onChange={(s) => onChange({ ...card, url: opt(s) }, `${field}.url`)}
      />
      <ButtonsEditor
        field={`${field}.buttons`}
        buttons={card.buttons ?? []}
        onChange={(buttons, sub) =>
          onChange({ ...card, buttons: buttons.length ? buttons : undefined }, sub)
        }
      />
    </>
  );
}
