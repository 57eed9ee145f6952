import { MESSENGER_LIMITS } from '../../../../flows';
import { useTranslation } from 'react-i18next';
import { InputKind, type NodeOfType } from '../../../../flows/schema';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { CommaListInput } from '../fields/CommaListInput';
import { NumberInput } from '../fields/NumberInput';
import { SelectInput } from '../fields/SelectInput';
import { TemplateText } from '../fields/TemplateText';
import { TextInput } from '../fields/TextInput';
import { VariablePicker } from '../fields/VariablePicker';

export function QuestionForm({ node }: { node: NodeOfType<'input'> }) {
  const { t } = useTranslation();
  const update = useUpdateNodeData(node.id, 'input');
  const d = node.data;
  const opt = <T,>(v: T | '' | undefined) => (v === '' ? undefined : v);
  const isText = d.kind === 'text';
  return (
    <>
      <TemplateText
        label={t('question.question')}
        field="data.prompt"
        value={d.prompt}
        limit={MESSENGER_LIMITS.textLength}
        onChange={(prompt) => update((x) => ({ ...x, prompt }), 'data.prompt')}
      />
      <SelectInput
        label={t('question.expects')}
        field="data.kind"
        value={d.kind}
        options={InputKind.options.map((value) => ({ value, label: t(`inputKinds.${value}`) }))}
        onChange={(kind) => update((x) => ({ ...x, kind }))}
      />
      <VariablePicker
        label={t('question.saveIn')}
        field="data.variable"
        value={d.variable}
        writable
        onChange={(variable) => update((x) => ({ ...x, variable }), 'data.variable')}
      />
      <TemplateText
        label={t('question.retryPrompt')}
        field="data.retryPrompt"
        value={d.retryPrompt ?? ''}
        rows={2}
        onChange={(v) => update((x) => ({ ...x, retryPrompt: opt(v) }), 'data.retryPrompt')}
      />
      <NumberInput
        label={t('question.retries')}
        field="data.maxRetries"
        value={d.maxRetries}
        min={0}
        placeholder="2"
        onChange={(v) => update((x) => ({ ...x, maxRetries: v }), 'data.maxRetries')}
      />
      {(d.kind === 'number' || isText) && (
        <div className="tl-pair">
          <NumberInput
            label={isText ? t('question.minLength') : t('question.min')}
            field="data.min"
            value={d.min}
            onChange={(v) => update((x) => ({ ...x, min: v }), 'data.min')}
          />
          <NumberInput
            label={isText ? t('question.maxLength') : t('question.max')}
            field="data.max"
            value={d.max}
            onChange={(v) => update((x) => ({ ...x, max: v }), 'data.max')}
          />
        </div>
      )}
      {isText && (
        <TextInput
          label={t('question.pattern')}
          field="data.pattern"
          value={d.pattern ?? ''}
          onChange={(v) => update((x) => ({ ...x, pattern: opt(v) }), 'data.pattern')}
        />
      )}
      <CommaListInput
        label={t('question.suggestions')}
        field="data.suggestions"
        value={d.suggestions}
        onChange={(suggestions) => update((x) => ({ ...x, suggestions }), 'data.suggestions')}
      />
    </>
  );
}
