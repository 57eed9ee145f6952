import type { NodeOfType } from '../../../../flows/schema';
import { useTranslation } from 'react-i18next';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { NodeTargetSelect } from '../fields/NodeTargetSelect';

export function GotoForm({ node }: { node: NodeOfType<'goto'> }) {
  const { t } = useTranslation();
  const update = useUpdateNodeData(node.id, 'goto');
  return (
    <NodeTargetSelect
      label={t('forms.jumpTo')}
      field="data.target"
      value={node.data.target}
      exclude={node.id}
      onChange={(target) => update(() => ({ target }))}
    />
  );
}
