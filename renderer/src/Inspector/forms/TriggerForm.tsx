import type { NodeOfType } from '../../../../flows/schema';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { CommaListInput } from '../fields/CommaListInput';
import { SelectInput } from '../fields/SelectInput';
import { TextInput } from '../fields/TextInput';

const KINDS = [
  { value: 'get_started', label: 'Get Started button' },
  { value: 'keyword', label: 'User types a keyword' },
  { value: 'ref', label: 'm.me link or ad (ref)' },
  { value: 'default', label: 'Anything not understood' },
] as const;

export function TriggerForm({ node }: { node: NodeOfType<'trigger'> }) {
  const update = useUpdateNodeData(node.id, 'trigger');
  const d = node.data;
  return (
    <>
      <SelectInput
        label="Starts when"
        field="data.kind"
        value={d.kind}
        options={KINDS}
        onChange={(kind) =>
          update(() =>
            kind === 'keyword'
              ? { kind, keywords: d.keywords ?? [], match: d.match ?? 'exact' }
              : kind === 'ref'
                ? { kind, ref: d.ref ?? '' }
                : { kind },
          )
        }
      />
      {d.kind === 'keyword' && (
        <>
          <CommaListInput
            label="Keywords (comma separated)"
            field="data.keywords"
            value={d.keywords}
            onChange={(keywords) =>
              update((x) => ({ ...x, keywords: keywords ?? [] }), 'data.keywords')
            }
          />
          <SelectInput
            label="Match"
            field="data.match"
            value={d.match ?? 'exact'}
            options={[
              { value: 'exact', label: 'The whole message' },
              { value: 'contains', label: 'Anywhere in the message' },
            ]}
            onChange={(match) => update((x) => ({ ...x, match }))}
          />
        </>
      )}
      {d.kind === 'ref' && (
        <TextInput
          label="Ref"
          field="data.ref"
          value={d.ref ?? ''}
          onChange={(ref) => update((x) => ({ ...x, ref }), 'data.ref')}
        />
      )}
    </>
  );
}
