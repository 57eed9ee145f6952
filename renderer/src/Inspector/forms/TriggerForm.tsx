import { useTranslation } from 'react-i18next';
import { RefLink } from '../../audience/RefLink';
import type { NodeOfType } from '../../../../flows/schema';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { CommaListInput } from '../fields/CommaListInput';
import { SelectInput } from '../fields/SelectInput';
import { TextInput } from '../fields/TextInput';

const KINDS = ['get_started', 'keyword', 'ref', 'default', 'comment'] as const;

export function TriggerForm({ node }: { node: NodeOfType<'trigger'> }) {
  const { t } = useTranslation();
  const update = useUpdateNodeData(node.id, 'trigger');
  const d = node.data;
  return (
    <>
      <SelectInput
        label={t('trigger.startsWhen')}
        field="data.kind"
        value={d.kind}
        options={KINDS.map((value) => ({ value, label: t(`trigger.kinds.${value}`) }))}
        onChange={(kind) =>
          update(() =>
            kind === 'keyword'
              ? { kind, keywords: d.keywords ?? [], match: d.match ?? 'exact' }
              : kind === 'ref'
                ? { kind, ref: d.ref ?? '' }
                : kind === 'comment'
                  ? { kind, ...(d.keywords?.length ? { keywords: d.keywords } : {}) }
                  : { kind },
          )
        }
      />
      {d.kind === 'keyword' && (
        <>
          <CommaListInput
            label={t('trigger.keywords')}
            field="data.keywords"
            value={d.keywords}
            onChange={(keywords) =>
              update((x) => ({ ...x, keywords: keywords ?? [] }), 'data.keywords')
            }
          />
          <SelectInput
            label={t('trigger.match')}
            field="data.match"
            value={d.match ?? 'exact'}
            options={[
              { value: 'exact', label: t('trigger.exact') },
              { value: 'contains', label: t('trigger.contains') },
            ]}
            onChange={(match) => update((x) => ({ ...x, match }))}
          />
        </>
      )}
      {d.kind === 'comment' && (
        <>
          <TextInput
            label={t('trigger.postId')}
            field="data.postId"
            value={d.postId ?? ''}
            hint={t('trigger.postIdHint')}
            onChange={(postId) =>
              update(
                ({ postId: _old, ...x }) => (postId.trim() ? { ...x, postId } : x),
                'data.postId',
              )
            }
          />
          <CommaListInput
            label={t('trigger.commentKeywords')}
            field="data.keywords"
            value={d.keywords}
            onChange={(keywords) =>
              update(
                ({ keywords: _old, ...x }) => (keywords?.length ? { ...x, keywords } : x),
                'data.keywords',
              )
            }
          />
        </>
      )}
      {d.kind === 'ref' && (
        <>
          <TextInput
            label={t('trigger.ref')}
            field="data.ref"
            value={d.ref ?? ''}
            onChange={(ref) => update((x) => ({ ...x, ref }), 'data.ref')}
          />
          <RefLink refValue={d.ref ?? ''} />
        </>
      )}
    </>
  );
}
