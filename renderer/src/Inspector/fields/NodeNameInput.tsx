import { useTranslation } from 'react-i18next';
import type { FlowNode } from '../../../../flows/schema';
import { nodeSummary } from '../../../../flows';
import { useUpdateNode } from '../../hooks/useUpdateNode';
import { TextInput } from './TextInput';

/** The node's optional name; the summary shown in its place is the placeholder. */
export function NodeNameInput({ node }: { node: FlowNode }) {
  const { t } = useTranslation();
  const update = useUpdateNode(node.id, node.type);
  return (
    <TextInput
      label={t('nodeNames.name')}
      field="nodeName"
      value={node.name ?? ''}
      placeholder={nodeSummary(node) ?? node.id}
      hint={t('nodeNames.hint')}
      onChange={(value) =>
        update((n) => {
          const { name: _old, ...rest } = n;
          return (value ? { ...rest, name: value.slice(0, 80) } : rest) as typeof n;
        }, 'nodeName')
      }
    />
  );
}
