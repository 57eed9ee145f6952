import { useTranslation } from 'react-i18next';
import type { NodeOfType } from '../../../../flows/schema';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { ListEditor } from '../fields/ListEditor';
import { NumberInput } from '../fields/NumberInput';
import { SelectInput } from '../fields/SelectInput';
import { TemplateText } from '../fields/TemplateText';
import { TextInput } from '../fields/TextInput';
import { VariablePicker } from '../fields/VariablePicker';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export function HttpForm({ node }: { node: NodeOfType<'http'> }) {
  const { t } = useTranslation();
  const update = useUpdateNodeData(node.id, 'http');
  const d = node.data;
  const headers = Object.entries(d.headers ?? {});
  const setHeaders = (entries: [string, string][], field?: string) =>
    update(
      (x) => ({ ...x, headers: entries.length ? Object.fromEntries(entries) : undefined }),
      field,
    );
  const save = d.save ?? [];
  const setSave = (next: typeof save, field?: string) =>
    update((x) => ({ ...x, save: next.length ? next : undefined }), field);
  return (
    <>
      <SelectInput
        label={t('httpForm.method')}
        field="data.method"
        value={d.method}
        options={METHODS}
        onChange={(method) => update((x) => ({ ...x, method }))}
      />
      <TemplateText
        label={t('httpForm.url')}
        field="data.url"
        rows={1}
        value={d.url}
        onChange={(url) => update((x) => ({ ...x, url }), 'data.url')}
      />
      <ListEditor
        label={t('httpForm.headers')}
        items={headers}
        onChange={(entries) => setHeaders(entries)}
        create={(): [string, string] => [`X-Header-${headers.length + 1}`, '']}
        addLabel={t('httpForm.addHeader')}
        render={([name, value], i) => (
          <div className="tl-pair">
            <TextInput
              label={t('httpForm.name')}
              field={`data.headers.${name}`}
              value={name}
              onChange={(n) =>
                setHeaders(
                  headers.map((h, j) => (j === i ? [n, value] : h)),
                  `data.headers.${i}.name`,
                )
              }
            />
            <TextInput
              label={t('httpForm.value')}
              field={`data.headers.${name}`}
              value={value}
              onChange={(v) =>
                setHeaders(
                  headers.map((h, j) => (j === i ? [name, v] : h)),
                  `data.headers.${i}.value`,
                )
              }
            />
          </div>
        )}
      />
      {d.method !== 'GET' && d.method !== 'DELETE' && (
        <TemplateText
          label={t('httpForm.body')}
          field="data.body"
          rows={4}
          value={d.body ?? ''}
          onChange={(body) => update((x) => ({ ...x, body: body || undefined }), 'data.body')}
        />
      )}
      <NumberInput
        label={t('httpForm.timeout')}
        field="data.timeoutMs"
        value={d.timeoutMs}
        min={1}
        placeholder="5000"
        onChange={(timeoutMs) => update((x) => ({ ...x, timeoutMs }), 'data.timeoutMs')}
      />
      <ListEditor
        label={t('httpForm.save')}
        items={save}
        onChange={(next) => setSave(next)}
        create={() => ({ variable: '', path: '$.' })}
        addLabel={t('httpForm.addSave')}
        render={(entry, i) => (
          <div className="tl-pair">
            <TextInput
              label={t('httpForm.jsonPath')}
              field={`data.save.${i}.path`}
              value={entry.path}
              onChange={(path) =>
                setSave(
                  save.map((s, j) => (j === i ? { ...s, path } : s)),
                  `data.save.${i}.path`,
                )
              }
            />
            <VariablePicker
              label={t('httpForm.into')}
              field={`data.save.${i}.variable`}
              value={entry.variable}
              writable
              onChange={(variable) =>
                setSave(
                  save.map((s, j) => (j === i ? { ...s, variable } : s)),
                  `data.save.${i}.variable`,
                )
              }
            />
          </div>
        )}
      />
    </>
  );
}
