import { MESSENGER_LIMITS } from '../../../../flows';
import { useTranslation } from 'react-i18next';
import type { Block, NodeOfType, QuickReply } from '../../../../flows/schema';
import { t as translate } from '../../i18n';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { freshId } from '../../store/ids';
import { ListEditor } from '../fields/ListEditor';
import { TextInput } from '../fields/TextInput';
import { BlockEditor } from './BlockEditor';

/** The add buttons under the blocks, one per block type, in this order. */
const ADD_BLOCK: {
  type: 'text' | 'image' | 'cards' | 'video' | 'file' | 'typing';
  create(): Block;
}[] = [
  { type: 'text', create: () => ({ type: 'text', text: '' }) },
  { type: 'image', create: () => ({ type: 'image', url: 'https://' }) },
  {
    type: 'cards',
    create: () => ({
      type: 'cards',
      cards: [{ id: freshId('card'), title: translate('messageForm.newCard') }],
    }),
  },
  { type: 'video', create: () => ({ type: 'video', url: 'https://' }) },
  { type: 'file', create: () => ({ type: 'file', url: 'https://' }) },
  { type: 'typing', create: () => ({ type: 'typing', seconds: 1.5 }) },
];

export function MessageForm({ node }: { node: NodeOfType<'message'> }) {
  const { t } = useTranslation();
  const update = useUpdateNodeData(node.id, 'message');
  const { blocks, quickReplies = [] } = node.data;
  const setReply = (i: number, reply: QuickReply, sub: string) =>
    update(
      (d) => ({ ...d, quickReplies: quickReplies.map((r, j) => (j === i ? reply : r)) }),
      `data.quickReplies.${i}.${sub}`,
    );
  return (
    <>
      <ListEditor
        label={t('messageForm.blocks')}
        items={blocks}
        onChange={(next) => update((d) => ({ ...d, blocks: next }))}
        adders={ADD_BLOCK.map(({ type, create }) => ({
          label: t(`messageForm.blockTypes.${type}`),
          create,
        }))}
        render={(block, i) => (
          <BlockEditor
            block={block}
            field={`data.blocks.${i}`}
            onChange={(b, field) =>
              update((d) => ({ ...d, blocks: d.blocks.map((x, j) => (j === i ? b : x)) }), field)
            }
          />
        )}
      />
      <ListEditor
        label={t('messageForm.quickReplies')}
        items={quickReplies}
        max={MESSENGER_LIMITS.quickReplies}
        onChange={(next) => update((d) => ({ ...d, quickReplies: next.length ? next : undefined }))}
        create={(): QuickReply => ({ id: freshId('qr'), title: t('messageForm.newQuickReply') })}
        addLabel={t('messageForm.addQuickReply')}
        render={(reply, i) => (
          <>
            <TextInput
              label={t('messageForm.title')}
              field={`data.quickReplies.${i}.title`}
              value={reply.title}
              limit={MESSENGER_LIMITS.quickReplyTitleLength}
              onChange={(title) => setReply(i, { ...reply, title }, 'title')}
            />
            <TextInput
              label={t('messageForm.iconUrl')}
              field={`data.quickReplies.${i}.imageUrl`}
              value={reply.imageUrl ?? ''}
              onChange={(url) => setReply(i, { ...reply, imageUrl: url || undefined }, 'imageUrl')}
            />
          </>
        )}
      />
    </>
  );
}
