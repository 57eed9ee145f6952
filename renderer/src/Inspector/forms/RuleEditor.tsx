import { useTranslation } from 'react-i18next';
import { VariableOp, type Rule } from '../../../../flows/schema';
import { SelectInput } from '../fields/SelectInput';
import { TextInput } from '../fields/TextInput';
import { VariablePicker } from '../fields/VariablePicker';

// The schema's comparison operators, then the two tag tests a rule also offers.
const OPS: readonly (VariableOp | 'has_tag' | 'lacks_tag')[] = [
  ...VariableOp.options,
  'has_tag',
  'lacks_tag',
];

interface Props {
  rule: Rule;
  field: string;
  onChange(rule: Rule, field?: string): void;
}

/** A rule reads "variable op value", or "has tag vip"; numbers typed as numbers compare as such. */
export function RuleEditor({ rule, field, onChange }: Props) {
  const { t } = useTranslation();
  const isTag = rule.op === 'has_tag' || rule.op === 'lacks_tag';
  const setOp = (op: (typeof OPS)[number]) => {
    if (op === 'has_tag' || op === 'lacks_tag') onChange({ op, value: isTag ? rule.value : '' });
    else
      onChange({
        variable: 'variable' in rule ? rule.variable : '',
        op,
        ...(op === 'set' || op === 'unset' ? {} : { value: isTag ? '' : (rule.value ?? '') }),
      });
  };
  return (
    <div className="tl-rule">
      {!isTag && 'variable' in rule && (
        <VariablePicker
          label={t('ruleForm.variable')}
          field={`${field}.variable`}
          value={rule.variable}
          onChange={(variable) => onChange({ ...rule, variable }, `${field}.variable`)}
        />
      )}
      <SelectInput
        label={t('ruleForm.test')}
        field={`${field}.op`}
        value={rule.op}
        options={OPS.map((value) => ({ value, label: t(`ruleForm.ops.${value}`) }))}
        onChange={setOp}
      />
      {!('variable' in rule) ? (
        <TextInput
          label={t('ruleForm.tag')}
          field={`${field}.value`}
          value={rule.value}
          onChange={(value) => onChange({ ...rule, value }, `${field}.value`)}
        />
      ) : (
        rule.op !== 'set' &&
        rule.op !== 'unset' && (
          <TextInput
            label={t('ruleForm.value')}
            field={`${field}.value`}
            value={String(rule.value ?? '')}
            onChange={(v) => onChange({ ...rule, value: typedValue(v) }, `${field}.value`)}
          />
        )
      )}
    </div>
  );
}

function typedValue(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  return text.trim() !== '' && Number.isFinite(Number(text)) && !/^0\d/.test(text)
    ? Number(text)
    : text;
}
