import type { NodeOfType } from '../../../../flows/schema';
import { useTranslation } from 'react-i18next';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { TemplateText } from '../fields/TemplateText';
import { TextInput } from '../fields/TextInput';

export function NoteForm({ node }: { node: NodeOfType<'note'> }) {
  const { t } = useTranslation();
  const update = useUpdateNodeData(node.id, 'note');
  return (
    <>
      <TemplateText
        label={t('forms.note')}
        field="data.text"
        rows={5}
        value={node.data.text}
        onChange={(text) => update((d) => ({ ...d, text }), 'data.text')}
      />
      <TextInput
        label={t('forms.colour')}
        field="data.color"
        value={node.data.color ?? ''}
        placeholder="#fff3b0"
        onChange={(color) => update((d) => ({ ...d, color: color || undefined }), 'data.color')}
      />
    </>
  );
}
