import { useTranslation } from 'react-i18next';
import type { Branch, NodeOfType, Rule } from '../../../../flows/schema';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { freshId } from '../../store/ids';
import { ListEditor } from '../fields/ListEditor';
import { SelectInput } from '../fields/SelectInput';
import { RuleEditor } from './RuleEditor';

const MATCH = ['all', 'any'] as const;

/** Branches are tried in order; the first that holds wins, else the Else output. */
export function ConditionForm({ node }: { node: NodeOfType<'condition'> }) {
  const { t } = useTranslation();
  const update = useUpdateNodeData(node.id, 'condition');
  const setBranch = (i: number, branch: Branch, field?: string) =>
    update((d) => ({ branches: d.branches.map((b, j) => (j === i ? branch : b)) }), field);
  return (
    <ListEditor
      label={t('condition.branches')}
      items={node.data.branches}
      onChange={(branches) => update(() => ({ branches }))}
      create={(): Branch => ({ id: freshId('b'), match: 'all', rules: [] })}
      addLabel={t('condition.addBranch')}
      render={(branch, i) => (
        <>
          <SelectInput
            label={t('condition.branchWhen', { index: i + 1 })}
            field={`data.branches.${i}.match`}
            value={branch.match}
            options={MATCH.map((value) => ({ value, label: t(`condition.${value}`) }))}
            onChange={(match) => setBranch(i, { ...branch, match })}
          />
          <ListEditor
            label={t('condition.rules')}
            items={branch.rules}
            onChange={(rules) => setBranch(i, { ...branch, rules })}
            create={(): Rule => ({ variable: '', op: 'eq', value: '' })}
            addLabel={t('condition.addRule')}
            render={(rule, r) => (
              <RuleEditor
                rule={rule}
                field={`data.branches.${i}.rules.${r}`}
                onChange={(next, field) =>
                  setBranch(
                    i,
                    { ...branch, rules: branch.rules.map((x, k) => (k === r ? next : x)) },
                    field,
                  )
                }
              />
            )}
          />
        </>
      )}
    />
  );
}
