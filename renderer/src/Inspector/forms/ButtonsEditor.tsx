import { MESSENGER_LIMITS } from '../../../../flows';
import { useTranslation } from 'react-i18next';
import type { Button } from '../../../../flows/schema';
import { freshId } from '../../store/ids';
import { ListEditor } from '../fields/ListEditor';
import { SelectInput } from '../fields/SelectInput';
import { TextInput } from '../fields/TextInput';

const BUTTON_TYPES = ['postback', 'url', 'call'] as const;

interface Props {
  field: string;
  buttons: readonly Button[];
  onChange(buttons: Button[], field?: string): void;
}

/** Up to 3 buttons; postback buttons get an output handle named after their id. */
export function ButtonsEditor({ field, buttons, onChange }: Props) {
  const { t } = useTranslation();
  const set = (i: number, button: Button, sub: string) =>
    onChange(
      buttons.map((b, j) => (j === i ? button : b)),
      `${field}.${i}.${sub}`,
    );
  return (
    <ListEditor
      label={t('messageForm.buttons')}
      items={buttons}
      max={MESSENGER_LIMITS.buttonsPerTemplate}
      onChange={(next) => onChange(next)}
      create={(): Button => ({
        id: freshId('btn'),
        type: 'postback',
        title: t('messageForm.newButton'),
      })}
      addLabel={t('messageForm.addButton')}
      render={(button, i) => (
        <>
          <SelectInput
            label={t('messageForm.does')}
            field={`${field}.${i}.type`}
            value={button.type}
            options={BUTTON_TYPES.map((value) => ({
              value,
              label: t(`messageForm.buttonTypes.${value}`),
            }))}
            onChange={(type) => set(i, retype(button, type), 'type')}
          />
          <TextInput
            label={t('messageForm.title')}
            field={`${field}.${i}.title`}
            value={button.title}
            limit={MESSENGER_LIMITS.buttonTitleLength}
            onChange={(title) => set(i, { ...button, title }, 'title')}
          />
          {button.type === 'url' && (
            <TextInput
              label={t('messageForm.url')}
              field={`${field}.${i}.url`}
              value={button.url}
              onChange={(url) => set(i, { ...button, url }, 'url')}
            />
          )}
          {button.type === 'call' && (
            <TextInput
              label={t('messageForm.phone')}
              field={`${field}.${i}.phone`}
              value={button.phone}
              onChange={(phone) => set(i, { ...button, phone }, 'phone')}
            />
          )}
        </>
      )}
    />
  );
}

function retype(button: Button, type: Button['type']): Button {
  const base = { id: button.id, title: button.title };
  if (type === 'url') return { ...base, type, url: 'https://' };
  if (type === 'call') return { ...base, type, phone: '+' };
  return { ...base, type };
}
