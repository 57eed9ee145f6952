// What each node type means to the pure core, one entry per type: whether it can be entered,
// whether it waits, the ids and template texts inside it, its own lint rules and what the
// compiler keeps of it. Its schema and output handles live with the document schema
// (schema/document.ts), its behaviour in the engine (engine/nodes.ts). The record is typed
// `{ [T in NodeType]: ... }`, so a new node type without an entry here fails to compile; the
// designer's parts are in renderer/src/nodeTypes/registry.tsx (docs/adding-a-node-type.md).
import { MESSENGER_LIMITS as L } from './limits';
import type { LintContext } from './lint/context';
import { parseJsonPath } from './engine/jsonPath';
import { lintText } from './lint/text';
import { checkUrl } from './lint/urls';
import type { Button, FlowNode, NodeData, NodeOfType, NodeType, StepType } from './schema';

/** What a node's inner ids name, as lint/text's `parts` word it (duplicate-id). */
type InnerIdsName = 'innerIds' | 'branch' | 'variant';

/** Adds a text the engine renders as a template, at its field path (texts without `{{` are skipped). */
export type AddTemplate = (field: string, text: string | undefined) => void;

export interface NodeTypeSpec<T extends NodeType> {
  /**
   * Whether a connection may end at the node. Triggers start conversations and notes are canvas
   * comments, so neither has an input handle; lint, the designer's handles and its connect
   * check all ask this.
   */
  hasInputHandle: boolean;
  /** Whether the run stops at the node until something happens: the user, an agent, the clock. */
  waits: boolean | ((node: NodeOfType<T>) => boolean);
  /**
   * Ids within the node that must be unique because its handles and payloads use them, and what
   * they name (for the message); null when it has none.
   */
  innerIds:
    ((node: NodeOfType<T>) => { ids: { id: string; field: string }[]; what: InnerIdsName }) | null;
  /** Every text of the node that the engine renders as a template (docs/format.md §1); null for none. */
  templates: ((node: NodeOfType<T>, add: AddTemplate) => void) | null;
  /** The node's own settings that would misbehave at run time; null for none. */
  lint: ((ctx: LintContext, node: NodeOfType<T>) => void) | null;
  /**
   * The data of the node's compiled step (usually the node's data unchanged). Node types that
   * only the canvas shows (CANVAS_NODES) have none: the compiler drops them.
   */
  compile: T extends StepType ? (node: NodeOfType<T>) => NodeData<T> : null;
}

const asIs = <N extends FlowNode>(node: N): N['data'] => node.data;

export const NODE_TYPE_SPECS: { [T in NodeType]: NodeTypeSpec<T> } = {
  trigger: {
    hasInputHandle: false,
    waits: false,
    innerIds: null,
    templates: null,
    lint: null,
    compile: asIs,
  },
  message: {
    hasInputHandle: true,
    waits: (node) => (node.data.quickReplies?.length ?? 0) > 0,
    innerIds: (node) => {
      const items: { id: string; field: string }[] = [];
      // Buttons, cards and quick replies share one namespace because their handles
      // (`button:<id>`, `reply:<id>`) and payloads must not collide.
      node.data.blocks.forEach((block, b) => {
        if (block.type === 'text')
          block.buttons?.forEach((btn, i) =>
            items.push({ id: btn.id, field: `data.blocks[${b}].buttons[${i}].id` }),
          );
        if (block.type === 'cards')
          block.cards.forEach((card, c) => {
            items.push({ id: card.id, field: `data.blocks[${b}].cards[${c}].id` });
            card.buttons?.forEach((btn, i) =>
              items.push({ id: btn.id, field: `data.blocks[${b}].cards[${c}].buttons[${i}].id` }),
            );
          });
      });
      node.data.quickReplies?.forEach((r, i) =>
        items.push({ id: r.id, field: `data.quickReplies[${i}].id` }),
      );
      return { ids: items, what: 'innerIds' };
    },
    templates: (node, add) => {
      const addButtons = (at: string, buttons: Button[] | undefined) =>
        buttons?.forEach((btn, i) => {
          add(`${at}.buttons[${i}].title`, btn.title);
          if (btn.type === 'url') add(`${at}.buttons[${i}].url`, btn.url);
          if (btn.type === 'call') add(`${at}.buttons[${i}].phone`, btn.phone);
        });
      node.data.blocks.forEach((block, b) => {
        const at = `data.blocks[${b}]`;
        if (block.type === 'text') {
          add(`${at}.text`, block.text);
          addButtons(at, block.buttons);
        } else if (block.type === 'cards') {
          block.cards.forEach((card, c) => {
            add(`${at}.cards[${c}].title`, card.title);
            add(`${at}.cards[${c}].subtitle`, card.subtitle);
            add(`${at}.cards[${c}].imageUrl`, card.imageUrl);
            add(`${at}.cards[${c}].url`, card.url);
            addButtons(`${at}.cards[${c}]`, card.buttons);
          });
        } else if (block.type !== 'typing') add(`${at}.url`, block.url);
      });
      node.data.quickReplies?.forEach((reply, i) => {
        add(`data.quickReplies[${i}].title`, reply.title);
        add(`data.quickReplies[${i}].imageUrl`, reply.imageUrl);
      });
    },
    // Messages have a rule group of their own: lint/messages.ts.
    lint: null,
    compile: asIs,
  },
  input: {
    hasInputHandle: true,
    waits: true,
    innerIds: null,
    templates: (node, add) => {
      add('data.prompt', node.data.prompt);
      add('data.retryPrompt', node.data.retryPrompt);
      node.data.suggestions?.forEach((text, i) => add(`data.suggestions[${i}]`, text));
    },
    lint: (ctx, node) => {
      const { min, max, kind, pattern } = node.data;
      if (pattern !== undefined && kind !== 'text')
        ctx.report('input-setting-ignored', { nodeId: node.id, field: 'data.pattern' }, 'pattern', {
          kind,
        });
      if ((min !== undefined || max !== undefined) && kind !== 'text' && kind !== 'number')
        ctx.report(
          'input-setting-ignored',
          { nodeId: node.id, field: min !== undefined ? 'data.min' : 'data.max' },
          'range',
          { kind },
        );
      if (min !== undefined && max !== undefined && min > max)
        ctx.report('input-range-invalid', { nodeId: node.id, field: 'data.min' }, 'default', {
          min,
          max,
        });
    },
    compile: asIs,
  },
  condition: {
    hasInputHandle: true,
    waits: false,
    innerIds: (node) => ({
      ids: node.data.branches.map((b, i) => ({ id: b.id, field: `data.branches[${i}].id` })),
      what: 'branch',
    }),
    templates: (node, add) =>
      node.data.branches.forEach((branch, b) =>
        branch.rules.forEach((rule, r) => {
          if (typeof rule.value === 'string')
            add(`data.branches[${b}].rules[${r}].value`, rule.value);
        }),
      ),
    lint: (ctx, node) => {
      if (node.data.branches.length === 0)
        ctx.report('condition-empty', { nodeId: node.id, field: 'data.branches' }, 'default');
    },
    compile: asIs,
  },
  action: {
    hasInputHandle: true,
    waits: false,
    innerIds: null,
    templates: (node, add) =>
      node.data.actions.forEach(
        (a, i) => a.type === 'set' && add(`data.actions[${i}].value`, a.value),
      ),
    lint: null,
    compile: asIs,
  },
  http: {
    hasInputHandle: true,
    waits: false,
    innerIds: null,
    templates: (node, add) => {
      add('data.url', node.data.url);
      add('data.body', node.data.body);
      // Sorted like the compiler sorts them, so findings do not depend on key order.
      for (const [name, value] of Object.entries(node.data.headers ?? {}).sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
      ))
        add(`data.headers.${name}`, value);
    },
    lint: (ctx, node) => {
      // Calls to one's own backend may use http:// (for example on a private network).
      checkUrl(
        ctx,
        { nodeId: node.id, field: 'data.url' },
        node.data.url,
        lintText('parts.requestUrl'),
        { httpsOnly: false, secrets: true },
      );
      node.data.save?.forEach((s, i) => {
        if (!parseJsonPath(s.path))
          ctx.report(
            'http-save-path-invalid',
            { nodeId: node.id, field: `data.save[${i}].path` },
            'default',
            { path: s.path },
          );
      });
      if ((node.data.timeoutMs ?? 5000) > L.httpTimeoutMs)
        ctx.report(
          'http-timeout-too-long',
          { nodeId: node.id, field: 'data.timeoutMs' },
          'default',
          { seconds: (node.data.timeoutMs ?? 0) / 1000, limit: L.httpTimeoutMs / 1000 },
        );
    },
    compile: (node) => {
      // Header names are a map; sort them so that the file's key order cannot change the output.
      if (!node.data.headers) return node.data;
      const headers = Object.fromEntries(
        Object.entries(node.data.headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
      return { ...node.data, headers };
    },
  },
  delay: {
    hasInputHandle: true,
    waits: true,
    innerIds: null,
    templates: null,
    lint: null,
    compile: asIs,
  },
  split: {
    hasInputHandle: true,
    waits: false,
    innerIds: (node) => ({
      ids: node.data.variants.map((v, i) => ({ id: v.id, field: `data.variants[${i}].id` })),
      what: 'variant',
    }),
    templates: null,
    lint: (ctx, node) => {
      if (node.data.variants.length === 0 || node.data.variants.every((v) => v.weight === 0))
        ctx.report('split-empty', { nodeId: node.id, field: 'data.variants' }, 'default');
    },
    compile: asIs,
  },
  goto: {
    hasInputHandle: true,
    waits: false,
    innerIds: null,
    templates: null,
    // Its target is checked with the other targets in lint/graph.ts.
    lint: null,
    compile: asIs,
  },
  handover: {
    hasInputHandle: true,
    waits: true,
    innerIds: null,
    templates: (node, add) => add('data.note', node.data.note),
    lint: null,
    compile: asIs,
  },
  end: {
    hasInputHandle: true,
    waits: false,
    innerIds: null,
    templates: null,
    lint: null,
    compile: asIs,
  },
  note: {
    hasInputHandle: false,
    waits: false,
    innerIds: null,
    templates: null,
    lint: null,
    compile: null,
  },
};

/** The entry of a node's type, typed for that node. */
export function specOf<T extends NodeType>(node: NodeOfType<T>): NodeTypeSpec<T> {
  return NODE_TYPE_SPECS[node.type as T];
}

/** Whether a connection may end at nodes of this type (see NodeTypeSpec.hasInputHandle). */
export function hasInputHandle(type: NodeType): boolean {
  return NODE_TYPE_SPECS[type].hasInputHandle;
}

/** Whether the run stops at the node until something happens: the user, an agent, the clock. */
export function nodeWaits(node: FlowNode): boolean {
  const { waits } = specOf(node);
  return typeof waits === 'boolean' ? waits : waits(node);
}
