// The flow's settings, shown in the inspector when nothing is selected.
import { FlowId } from '../../../flows/schema';
import { useDesigner } from '../hooks/useDesigner';
import { TemplateText } from '../Inspector/fields/TemplateText';
import { TextInput } from '../Inspector/fields/TextInput';
import { ProfileEditor } from './ProfileEditor';
import { SecretsEditor } from './SecretsEditor';
import { useUpdateMeta } from './useUpdateMeta';
import { VariablesEditor } from './VariablesEditor';
import { RuntimeConnectionForm } from '../publish/RuntimeConnectionForm';

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
