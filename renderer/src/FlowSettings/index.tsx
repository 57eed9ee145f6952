// The flow's settings, shown in the inspector when nothing is selected.
import { FlowId } from '../../../flows/schema';
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
  { value: 'de-DE', label: 'German (Germany), de-DE' },
  { value: 'de-AT', label: 'German (Austria), de-AT' },
  { value: 'de-CH', label: 'German (Switzerland), de-CH' },
  { value: 'en-US', label: 'English (United States), en-US' },
  { value: 'en-GB', label: 'English (United Kingdom), en-GB' },
  { value: 'fr-FR', label: 'French (France), fr-FR' },
  { value: 'es-ES', label: 'Spanish (Spain), es-ES' },
  { value: 'it-IT', label: 'Italian (Italy), it-IT' },
  { value: 'nl-NL', label: 'Dutch (Netherlands), nl-NL' },
  { value: 'pl-PL', label: 'Polish (Poland), pl-PL' },
];

function localeOptions(current: string | undefined) {
  const none = { value: '', label: 'None: phone answers need a country code' };
  const known = DEFAULT_LOCALES.some((o) => o.value === current);
  return [
    none,
    ...DEFAULT_LOCALES,
    ...(current && !known ? [{ value: current, label: current }] : []),
  ];
}

export function FlowSettings() {
  const meta = useDesigner((s) => s.doc.meta);
  const update = useUpdateMeta();
  const idOk = FlowId.safeParse(meta.id).success;
  return (
    <div className="tl-settings">
      <h2 className="tl-inspector-title">Flow settings</h2>
      <TextInput
        label="Name"
        field="name"
        value={meta.name}
        onChange={(name) => update((m) => ({ ...m, name }), 'name')}
      />
      <TextInput
        label="Flow id"
        field="id"
        value={meta.id}
        hint={
          idOk
            ? 'Used by the runtime; keep it stable once published.'
            : 'Lowercase letters, digits and "-" (up to 64).'
        }
        onChange={(id) => update((m) => ({ ...m, id }), 'id')}
      />
      <TemplateText
        label="Disclosure (sent before the first reply)"
        field="disclosure"
        value={meta.disclosure ?? ''}
        rows={2}
        limit={2000}
        onChange={(d) => update((m) => ({ ...m, disclosure: d || undefined }), 'disclosure')}
      />
      <SelectInput
        label="Default locale"
        field="defaultLocale"
        hint="Answers of users whose locale is unknown are read in this language (numbers, dates) and country (phone numbers without a country code)."
        value={meta.defaultLocale ?? ''}
        options={localeOptions(meta.defaultLocale)}
        onChange={(l) => update((m) => ({ ...m, defaultLocale: l || undefined }), 'defaultLocale')}
      />
      <VariablesEditor />
      <h3>Messenger profile</h3>
      <ProfileEditor />
      <h3>Secrets</h3>
      <SecretsEditor />
      <h3>Runtime connection</h3>
      <RuntimeConnectionForm />
    </div>
  );
}
