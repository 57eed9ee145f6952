// A new node of each type with sensible starting content, as dropped from the palette.
import type { FlowNode, NodeType } from '../../../flows/schema';
import { assertNever } from '../../../flows/schema';
import { freshId } from '../store/ids';

export function defaultNode(
  type: NodeType,
  id: string,
  position: { x: number; y: number },
): FlowNode {
  const base = { id, position };
  switch (type) {
    case 'trigger':
      return { ...base, type, data: { kind: 'keyword', keywords: ['hello'], match: 'exact' } };
    case 'message':
      return { ...base, type, data: { blocks: [{ type: 'text', text: '' }] } };
    case 'input':
      return { ...base, type, data: { prompt: '', kind: 'text', variable: '' } };
    case 'condition':
      return {
        ...base,
        type,
        data: { branches: [{ id: freshId('b'), match: 'all', rules: [] }] },
      };
    case 'action':
      return { ...base, type, data: { actions: [] } };
    case 'http':
      return { ...base, type, data: { method: 'GET', url: 'https://' } };
    case 'delay':
      return { ...base, type, data: { seconds: 3600 } };
    case 'split':
      return {
        ...base,
        type,
        data: {
          variants: [
            { id: 'a', weight: 50 },
            { id: 'b', weight: 50 },
          ],
        },
      };
    case 'goto':
      return { ...base, type, data: { target: '' } };
    case 'handover':
      return { ...base, type, data: {} };
    case 'end':
      return { ...base, type, data: {} };
    case 'note':
      return { ...base, type, data: { text: '' } };
    default:
      return assertNever(type);
  }
}
