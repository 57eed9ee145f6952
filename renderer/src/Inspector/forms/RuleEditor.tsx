import type { Rule, VariableOp } from '../../../../flows/schema';
import { SelectInput } from '../fields/SelectInput';
import { TextInput } from '../fields/TextInput';
import { VariablePicker } from '../fields/VariablePicker';

const OPS: { value: VariableOp | 'has_tag' | 'lacks_tag'; label: string }[] = [
  { value: 'eq', label: 'equals' },
  { value: 'neq', label: 'does not equal' },
  { value: 'contains', label: 'contains' },
  { value: 'gt', label: 'is greater than' },
  { value: 'gte', label: 'is at least' },
  { value: 'lt', label: 'is less than' },
  { value: 'lte', label: 'is at most' },
  { value: 'set', label: 'is set' },
  { value: 'unset', label: 'is not set' },
  { value: 'matches', label: 'matches (regex)' },
  { value: 'has_tag', label: 'user has tag' },
  { value: 'lacks_tag', label: 'user lacks tag' },
];

interface Props {
  rule: Rule;
  field: string;
  onChange(rule: Rule, field?: string): void;
}

/** A rule reads "variable op value", or "has tag vip"; numbers typed as numbers compare as such. */
export function RuleEditor({ rule, field, onChange }: Props) {
  const isTag = rule.op === 'has_tag' || rule.op === 'lacks_tag';
  const setOp = (op: (typeof OPS)[number]['value']) => {
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
          label="Variable"
          field={`${field}.variable`}
          value={rule.variable}
          onChange={(variable) => onChange({ ...rule, variable }, `${field}.variable`)}
        />
      )}
      <SelectInput
        label="Test"
        field={`${field}.op`}
        value={rule.op}
        options={OPS}
        onChange={setOp}
      />
      {!('variable' in rule) ? (
        <TextInput
          label="Tag"
          field={`${field}.value`}
          value={rule.value}
          onChange={(value) => onChange({ ...rule, value }, `${field}.value`)}
        />
      ) : (
        rule.op !== 'set' &&
        rule.op !== 'unset' && (
          <TextInput
            label="Value"
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
