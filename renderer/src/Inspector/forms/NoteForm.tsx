import type { NodeOfType } from '../../../../flows/schema';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { TemplateText } from '../fields/TemplateText';
import { TextInput } from '../fields/TextInput';

export function NoteForm({ node }: { node: NodeOfType<'note'> }) {
  const update = useUpdateNodeData(node.id, 'note');
  return (
    <>
      <TemplateText
        label="Note"
        field="data.text"
        rows={5}
        value={node.data.text}
        onChange={(text) => update((d) => ({ ...d, text }), 'data.text')}
      />
      <TextInput
        label="Colour (CSS)"
        field="data.color"
        value={node.data.color ?? ''}
        placeholder="#fff3b0"
        onChange={(color) => update((d) => ({ ...d, color: color || undefined }), 'data.color')}
      />
    </>
  );
}
