import type { Block, NodeOfType, QuickReply } from '../../../../flows/schema';
import { useUpdateNodeData } from '../../hooks/useUpdateNode';
import { freshId } from '../../store/ids';
import { ListEditor } from '../fields/ListEditor';
import { TextInput } from '../fields/TextInput';
import { BlockEditor } from './BlockEditor';

const ADD_BLOCK: { label: string; create(): Block }[] = [
  { label: 'Text', create: () => ({ type: 'text', text: '' }) },
  { label: 'Image', create: () => ({ type: 'image', url: 'https://' }) },
  {
    label: 'Cards',
    create: () => ({ type: 'cards', cards: [{ id: freshId('card'), title: 'Card' }] }),
  },
  { label: 'Video', create: () => ({ type: 'video', url: 'https://' }) },
  { label: 'File', create: () => ({ type: 'file', url: 'https://' }) },
  { label: 'Typing', create: () => ({ type: 'typing', seconds: 1.5 }) },
];

export function MessageForm({ node }: { node: NodeOfType<'message'> }) {
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
        label="Blocks"
        items={blocks}
        onChange={(next) => update((d) => ({ ...d, blocks: next }))}
        adders={ADD_BLOCK}
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
        label="Quick replies"
        items={quickReplies}
        max={13}
        onChange={(next) => update((d) => ({ ...d, quickReplies: next.length ? next : undefined }))}
        create={(): QuickReply => ({ id: freshId('qr'), title: 'Reply' })}
        addLabel="Add quick reply"
        render={(reply, i) => (
          <>
            <TextInput
              label="Title"
              field={`data.quickReplies.${i}.title`}
              value={reply.title}
              limit={20}
              onChange={(title) => setReply(i, { ...reply, title }, 'title')}
            />
            <TextInput
              label="Icon URL (optional)"
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
