// The flow's settings, shown in the inspector when nothing is selected.
import { MESSENGER_LIMITS } from '../../../flows';
import { useTranslation } from 'react-i18next';
import { FlowId } from '../../../flows/schema';
import { i18n } from '../i18n';
import { useDesigner } from '../hooks/useDesigner';
import { SelectInput } from '../Inspector/fields/SelectInput';
import { TemplateText } from '../Inspector/fields/TemplateText';
import { TextInput } from '../Inspector/fields/TextInput';
import { ProfileEditor } from './ProfileEditor';
import { SecretsEditor } from './SecretsEditor';
import { useUpdateMeta } from './useUpdateMeta';
import { VariablesEditor } from './VariablesEditor';
import { RuntimeConnectionForm } from '../publish/RuntimeConnectionForm';

/** The default locales offered; a hand-edited file's other valid tag is kept and shown too. */
const DEFAULT_LOCALES = [
  'de-DE',
  'de-AT',
  'de-CH',
  'en-US',
  'en-GB',
  'fr-FR',
  'es-ES',
  'it-IT',
  'nl-NL',
  'pl-PL',
];

/** "German (Germany), de-DE" / "Deutsch (Deutschland), de-DE": names by Intl.DisplayNames. */
function localeLabel(tag: string, language: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([language], { type: 'language' }).of(tag);
  } catch {
    name = undefined;
  }
  return name && name !== tag ? i18n.t('flowSettings.locale', { name, tag }) : tag;
}

function localeOptions(current: string | undefined, language: string) {
  const none = { value: '', label: i18n.t('flowSettings.noLocale') };
  const known = DEFAULT_LOCALES.includes(current ?? '');
  return [
    none,
    ...DEFAULT_LOCALES.map((value) => ({ value, label: localeLabel(value, language) })),
    ...(current && !known ? [{ value: current, label: current }] : []),
  ];
}

export function FlowSettings() {
  const meta = useDesigner((s) => s.doc.meta);
  const update = useUpdateMeta();
  const { t, i18n: active } = useTranslation();
  const idOk = FlowId.safeParse(meta.id).success;
  return (
    <div className="tl-settings">
      <h2 className="tl-inspector-title">{t('flowSettings.title')}</h2>
      <TextInput
        label={t('flowSettings.name')}
        field="name"
        value={meta.name}
        onChange={(name) => update((m) => ({ ...m, name }), 'name')}
      />
      <TextInput
        label={t('flowSettings.flowId')}
        field="id"
        value={meta.id}
        hint={idOk ? t('flowSettings.flowIdHint') : t('flowSettings.flowIdInvalid')}
        onChange={(id) => update((m) => ({ ...m, id }), 'id')}
      />
      <TemplateText
        label={t('flowSettings.disclosure')}
        field="disclosure"
        value={meta.disclosure ?? ''}
        rows={2}
        limit={MESSENGER_LIMITS.textLength}
        onChange={(d) => update((m) => ({ ...m, disclosure: d || undefined }), 'disclosure')}
      />
      <SelectInput
        label={t('flowSettings.defaultLocale')}
        field="defaultLocale"
        hint={t('flowSettings.defaultLocaleHint')}
        value={meta.defaultLocale ?? ''}
        options={localeOptions(meta.defaultLocale, active.language)}
        onChange={(l) => update((m) => ({ ...m, defaultLocale: l || undefined }), 'defaultLocale')}
      />
      <VariablesEditor />
      <h3>{t('flowSettings.messengerProfile')}</h3>
      <ProfileEditor />
      <h3>{t('flowSettings.secrets')}</h3>
      <SecretsEditor />
      <h3>{t('flowSettings.runtimeConnection')}</h3>
      <RuntimeConnectionForm />
    </div>
  );
}
