import type { NodeOfType } from '../../../../flows/schema';
import { useTranslation } from 'react-i18next';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { TemplateText } from '../fields/TemplateText';

export function HandoverForm({ node }: { node: NodeOfType<'handover'> }) {
  const { t } = useTranslation();
  const update = useUpdateNodeData(node.id, 'handover');
  return (
    <TemplateText
      label={t('forms.agentNote')}
      field="data.note"
      value={node.data.note ?? ''}
      onChange={(note) => update(() => ({ note: note || undefined }), 'data.note')}
    />
  );
}
