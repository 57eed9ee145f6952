import { MESSENGER_LIMITS } from '../../../../flows';
import { useTranslation } from 'react-i18next';
import type { Block, Card } from '../../../../flows/schema';
import { CardEditor } from './CardEditor';
import { freshId } from '../../store/ids';
import { ListEditor } from '../fields/ListEditor';
import { NumberInput } from '../fields/NumberInput';
import { TemplateText } from '../fields/TemplateText';
import { TextInput } from '../fields/TextInput';
import { ButtonsEditor } from './ButtonsEditor';

interface Props {
  block: Block;
  field: string;
  onChange(block: Block, field?: string): void;
}

/** One block of a message; text with buttons is a button template, limited to 640 characters. */
export function BlockEditor({ block, field, onChange }: Props) {
  const { t } = useTranslation();
  switch (block.type) {
    case 'text':
      return (
        <>
          <TemplateText
            label={t('messageForm.text')}
            field={`${field}.text`}
            value={block.text}
            limit={
              block.buttons?.length
                ? MESSENGER_LIMITS.buttonTemplateTextLength
                : MESSENGER_LIMITS.textLength
            }
            onChange={(text) => onChange({ ...block, text }, `${field}.text`)}
          />
          <ButtonsEditor
            field={`${field}.buttons`}
            buttons={block.buttons ?? []}
            onChange={(buttons, sub) =>
              onChange({ ...block, buttons: buttons.length ? buttons : undefined } as Block, sub)
            }
          />
        </>
      );
    case 'cards':
      return (
        <ListEditor
          label={t('messageForm.cards')}
          items={block.cards}
          max={MESSENGER_LIMITS.cardsPerGallery}
          onChange={(cards) => onChange({ ...block, cards })}
          create={(): Card => ({ id: freshId('card'), title: t('messageForm.newCard') })}
          addLabel={t('messageForm.addCard')}
          render={(card, i) => (
            <CardEditor
              card={card}
              field={`${field}.cards.${i}`}
              onChange={(c, sub) =>
                onChange({ ...block, cards: block.cards.map((x, j) => (j === i ? c : x)) }, sub)
              }
            />
          )}
        />
      );
    case 'typing':
      return (
        <NumberInput
          label={t('messageForm.typingSeconds')}
          field={`${field}.seconds`}
          value={block.seconds}
          min={0}
          step={0.5}
          onChange={(s) => onChange({ ...block, seconds: s ?? 0 }, `${field}.seconds`)}
        />
      );
    default:
      return (
        <TextInput
          label={t(`messageForm.blockUrls.${block.type}`)}
          field={`${field}.url`}
          value={block.url}
          placeholder="https://"
          onChange={(url) => onChange({ ...block, url }, `${field}.url`)}
        />
      );
  }
}
