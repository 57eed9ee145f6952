// The type a variable's uses imply, for declaring a variable the flow uses but never declared
// (the designer's one-click fix of `unknown-variable`): a question saving an email makes it an
// email, an increment or a numeric comparison a number, a boolean value a boolean; else text.
import type { FlowDocument, InputKind, VariableType } from './schema';

const INPUT_TYPES: Record<InputKind, VariableType> = {
  text: 'text',
  number: 'number',
  email: 'email',
  phone: 'phone',
  date: 'date',
  url: 'url',
  // Images and attachments are saved as the URL Messenger gives them.
  image: 'url',
  attachment: 'url',
};

const NUMERIC_OPS = new Set(['gt', 'gte', 'lt', 'lte']);

/** The type the flow's uses of `name` imply; the first telling use wins, in document order. */
export function impliedVariableType(doc: Pick<FlowDocument, 'nodes'>, name: string): VariableType {
  for (const node of doc.nodes) {
    switch (node.type) {
      case 'input':
        if (node.data.variable === name) return INPUT_TYPES[node.data.kind];
        break;
      case 'action':
        for (const action of node.data.actions)
          if (action.type === 'increment' && action.variable === name) return 'number';
        break;
      case 'condition':
        for (const rule of node.data.branches.flatMap((b) => b.rules)) {
          if (!('variable' in rule) || rule.variable !== name) continue;
          if (NUMERIC_OPS.has(rule.op) || typeof rule.value === 'number') return 'number';
          if (typeof rule.value === 'boolean') return 'boolean';
        }
        break;
      default:
        break;
    }
  }
  return 'text';
}
