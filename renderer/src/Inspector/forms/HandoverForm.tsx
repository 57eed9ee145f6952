import type { NodeOfType } from '../../../../flows/schema';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { TemplateText } from '../fields/TemplateText';

export function HandoverForm({ node }: { node: NodeOfType<'handover'> }) {
  const update = useUpdateNodeData(node.id, 'handover');
  return (
    <TemplateText
      label="Note for the agent"
      field="data.note"
      value={node.data.note ?? ''}
      onChange={(note) => update(() => ({ note: note || undefined }), 'data.note')}
    />
  );
}
