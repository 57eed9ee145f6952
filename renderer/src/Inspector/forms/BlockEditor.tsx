import type { Block, Card } from '../../../../flows/schema';
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
  switch (block.type) {
    case 'text':
      return (
        <>
          <TemplateText
            label="Text"
            field={`${field}.text`}
            value={block.text}
            limit={block.buttons?.length ? 640 : 2000}
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
          label="Cards"
          items={block.cards}
          max={10}
          onChange={(cards) => onChange({ ...block, cards })}
          create={(): Card => ({ id: freshId('card'), title: 'Card' })}
          addLabel="Add card"
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
          label="Typing for (seconds)"
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
          label={`${block.type[0]?.toUpperCase()}${block.type.slice(1)} URL`}
          field={`${field}.url`}
          value={block.url}
          placeholder="https://"
          onChange={(url) => onChange({ ...block, url }, `${field}.url`)}
        />
      );
  }
}

function CardEditor({
  card,
  field,
  onChange,
}: {
  card: Card;
  field: string;
  onChange(card: Card, field?: string): void;
}) {
  const opt = (v: string) => (v ? v : undefined);
  return (
    <>
      <TextInput
        label="Title"
        field={`${field}.title`}
        value={card.title}
        limit={80}
        onChange={(title) => onChange({ ...card, title }, `${field}.title`)}
      />
      <TextInput
        label="Subtitle"
        field={`${field}.subtitle`}
        value={card.subtitle ?? ''}
        limit={80}
        onChange={(s) => onChange({ ...card, subtitle: opt(s) }, `${field}.subtitle`)}
      />
      <TextInput
        label="Image URL"
        field={`${field}.imageUrl`}
        value={card.imageUrl ?? ''}
        onChange={(s) => onChange({ ...card, imageUrl: opt(s) }, `${field}.imageUrl`)}
      />
      <TextInput
        label="Opens URL on tap"
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
