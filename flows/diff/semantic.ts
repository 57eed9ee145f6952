// diffFlows: the semantic diff of two compiled flows (schema.ts says what it holds). Each step is
// turned into a "view" of named facets (texts, items by id, settings by path, connections by
// handle) and the views are compared facet by facet. The views encode everything in a step, so a
// step differs exactly when some facet does; key order never counts.
import type { Block, Button, CompiledFlow, CompiledStep } from '../schema';
import type {
  ConnectionChange,
  FlowDiff,
  ItemChange,
  ItemKind,
  NodeChange,
  SettingChange,
  TextChange,
  VariableChange,
} from './schema';

interface Item {
  kind: ItemKind;
  id: string;
  title: string;
  /** Its other properties, each as stable JSON. */
  fields: Map<string, string>;
}

interface StepView {
  /** key → label and text; keys are internal, labels are what the diff reports. */
  texts: Map<string, { path: string; text: string }>;
  items: Map<string, Item>;
  /** `owner`: the item (key) the setting belongs to; not reported when the item comes or goes. */
  settings: Map<string, { path: string; value: unknown; owner?: string }>;
}

/** What changed from `before` to `after`. diffFlows(a, a) is empty (isEmptyDiff). */
export function diffFlows(before: CompiledFlow, after: CompiledFlow): FlowDiff {
  const old = new Map(before.steps.map((s) => [s.id, s]));
  const now = new Set(after.steps.map((s) => s.id));
  const added: string[] = [];
  const changed: string[] = [];
  const addedNodes: NodeChange[] = [];
  const changedNodes: NodeChange[] = [];
  for (const step of after.steps) {
    const prev = old.get(step.id);
    const change = diffStep(prev, step);
    if (!prev) {
      added.push(step.id);
      addedNodes.push(change);
    } else if (!isEmptyNodeChange(change)) {
      changed.push(step.id);
      changedNodes.push(change);
    }
  }
  const removedSteps = before.steps.filter((s) => !now.has(s.id));
  const flow = diffFlowFields(before, after);
  const variables = diffVariables(before, after);
  const settings = [...new Set(flow.map((c) => c.path.split('.')[0] ?? c.path))];
  if (variables.length > 0) settings.push('variables');
  return {
    added,
    removed: removedSteps.map((s) => s.id),
    changed,
    settings,
    nodes: [...addedNodes, ...removedSteps.map((s) => diffStep(s, undefined)), ...changedNodes],
    flow,
    variables,
  };
}

/** Whether nothing changed. */
export function isEmptyDiff(diff: FlowDiff): boolean {
  return (
    diff.added.length +
      diff.removed.length +
      diff.changed.length +
      diff.settings.length +
      diff.flow.length +
      diff.variables.length ===
    0
  );
}

/**
 * The designer's "changes since the published revision": `prev` null (nothing published yet)
 * lists every node as added and no flow-level change.
 */
export function diffCompiledFlows(prev: CompiledFlow | null, next: CompiledFlow): FlowDiff {
  return diffFlows(prev ?? { ...next, steps: [] }, next);
}

function isEmptyNodeChange(c: NodeChange): boolean {
  return (
    c.typeBefore === undefined &&
    c.texts.length + c.items.length + c.connections.length + c.settings.length === 0
  );
}

/** One node's change; a missing side is an added or removed node, compared with nothing. */
function diffStep(before: CompiledStep | undefined, after: CompiledStep | undefined): NodeChange {
  const step = (after ?? before) as CompiledStep;
  const [a, b] = viewsOf(before, after);
  const change: NodeChange = {
    nodeId: step.id,
    type: step.type,
    change: !before ? 'added' : !after ? 'removed' : 'changed',
    texts: diffTexts(a, b),
    items: diffItems(a, b),
    connections: diffConnections(before?.outputs ?? {}, after?.outputs ?? {}),
    settings: diffSettings(a, b),
  };
  if (before && after && before.type !== after.type) change.typeBefore = before.type;
  return change;
}

function emptyView(): StepView {
  return { texts: new Map(), items: new Map(), settings: new Map() };
}

/** The views of both sides; message blocks are aligned first so that their keys correspond. */
function viewsOf(
  before: CompiledStep | undefined,
  after: CompiledStep | undefined,
): [StepView, StepView] {
  const blocksA = before?.type === 'message' ? before.data.blocks : [];
  const blocksB = after?.type === 'message' ? after.data.blocks : [];
  const [slotsA, slotsB] = alignBlocks(blocksA, blocksB);
  return [viewOf(before, slotsA), viewOf(after, slotsB)];
}

function viewOf(step: CompiledStep | undefined, slots: string[]): StepView {
  const view = emptyView();
  if (!step) return view;
  const setting = (path: string, value: unknown, key = path, owner?: string) => {
    if (value !== undefined) view.settings.set(key, { path, value, ...(owner ? { owner } : {}) });
  };
  const item = (kind: ItemKind, id: string, title: string, fields: Record<string, unknown>) => {
    let key = `${kind}:${id}`;
    // Ids are unique within a node in a linted flow; a duplicate still gets a key of its own.
    for (let n = 2; view.items.has(key); n++) key = `${kind}:${id}#${n}`;
    const stable = new Map<string, string>();
    for (const [name, value] of Object.entries(fields))
      if (value !== undefined) stable.set(name, stableJson(value));
    view.items.set(key, { kind, id, title, fields: stable });
  };
  const buttons = (list: Button[] | undefined, where: string, key: string, owner?: string) => {
    if (list === undefined) return;
    setting(
      `${where}.buttons`,
      list.map((b) => b.id),
      `${key}.buttons`,
      owner,
    );
    for (const { id, title, ...rest } of list) item('button', id, title, rest);
  };
  switch (step.type) {
    case 'message': {
      step.data.blocks.forEach((block, i) => {
        const key = slots[i] ?? `slot:${i}`;
        const where = `blocks[${i}]`;
        setting(`${where}.type`, block.type, `${key}.type`);
        switch (block.type) {
          case 'text':
            view.texts.set(`${key}.text`, { path: `${where}.text`, text: block.text });
            buttons(block.buttons, where, key);
            break;
          case 'cards':
            setting(
              `${where}.cards`,
              block.cards.map((c) => c.id),
              `${key}.cards`,
            );
            for (const { id, title, buttons: list, ...rest } of block.cards) {
              item('card', id, title, rest);
              buttons(list, `${where}.cards.${id}`, `${key}.cards.${id}`, `card:${id}`);
            }
            break;
          case 'typing':
            setting(`${where}.seconds`, block.seconds, `${key}.seconds`);
            break;
          default:
            setting(`${where}.url`, block.url, `${key}.url`);
        }
      });
      const replies = step.data.quickReplies;
      if (replies !== undefined) {
        setting(
          'quickReplies',
          replies.map((r) => r.id),
        );
        for (const { id, title, ...rest } of replies) item('quickReply', id, title, rest);
      }
      break;
    }
    case 'input': {
      const { prompt, retryPrompt, ...rest } = step.data;
      view.texts.set('prompt', { path: 'prompt', text: prompt });
      if (retryPrompt !== undefined)
        view.texts.set('retryPrompt', { path: 'retryPrompt', text: retryPrompt });
      flatten(rest, '', setting);
      break;
    }
    case 'condition':
      setting(
        'branches',
        step.data.branches.map((b) => b.id),
      );
      for (const { id, ...rest } of step.data.branches) item('branch', id, id, rest);
      break;
    case 'split':
      setting(
        'variants',
        step.data.variants.map((v) => v.id),
      );
      for (const { id, ...rest } of step.data.variants) item('variant', id, id, rest);
      break;
    default:
      flatten(step.data, '', setting);
  }
  return view;
}

/** Objects by key down to leaves; arrays and primitives are leaves. */
function flatten(value: unknown, path: string, out: (path: string, value: unknown) => void): void {
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
    for (const [key, inner] of Object.entries(value))
      flatten(inner, path ? `${path}.${key}` : key, out);
  } else if (path) out(path, value);
}

/**
 * Pairs the blocks of two messages: equal blocks in a longest common subsequence, then the
 * remaining blocks between two such anchors in order, when they are of the same type. Returns a
 * key per block on each side; paired blocks share a key, so an inserted block does not make every
 * later one look changed.
 */
function alignBlocks(a: readonly Block[], b: readonly Block[]): [string[], string[]] {
  const ja = a.map(stableJson);
  const jb = b.map(stableJson);
  // LCS table from the end.
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] =
        ja[i] === jb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const keysA = a.map((_, i) => `removed:${i}`);
  const keysB = b.map((_, j) => `added:${j}`);
  let pair = 0;
  let gapA: number[] = [];
  let gapB: number[] = [];
  const closeGap = () => {
    const pending = [...gapB];
    for (const i of gapA) {
      const k = pending.findIndex((j) => a[i]!.type === b[j]!.type);
      if (k < 0) continue;
      const [j] = pending.splice(0, k + 1).slice(-1);
      keysA[i] = keysB[j!] = `pair:${pair++}`;
    }
    gapA = [];
    gapB = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && ja[i] === jb[j]) {
      closeGap();
      keysA[i] = keysB[j] = `pair:${pair++}`;
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!))
      gapA.push(i++);
    else gapB.push(j++);
  }
  closeGap();
  return [keysA, keysB];
}

function diffTexts(a: StepView, b: StepView): TextChange[] {
  const out: TextChange[] = [];
  for (const key of unionKeys(a.texts, b.texts)) {
    const before = a.texts.get(key);
    const after = b.texts.get(key);
    if (before?.text === after?.text) continue;
    out.push({
      path: (after ?? before)!.path,
      ...(before ? { before: before.text } : {}),
      ...(after ? { after: after.text } : {}),
    });
  }
  return out;
}

function diffItems(a: StepView, b: StepView): ItemChange[] {
  const out: ItemChange[] = [];
  for (const key of unionKeys(a.items, b.items)) {
    const before = a.items.get(key);
    const after = b.items.get(key);
    const item = (after ?? before)!;
    const fields = [...unionKeys(before?.fields ?? new Map(), after?.fields ?? new Map())].filter(
      (f) => before?.fields.get(f) !== after?.fields.get(f),
    );
    let change: ItemChange['change'];
    if (!before) change = 'added';
    else if (!after) change = 'removed';
    else if (before.title !== after.title) change = 'renamed';
    else if (fields.length > 0) change = 'changed';
    else continue;
    out.push({
      kind: item.kind,
      id: item.id,
      change,
      ...(before ? { before: before.title } : {}),
      ...(after ? { after: after.title } : {}),
      fields: before && after ? fields : [],
    });
  }
  return out;
}

function diffSettings(a: StepView, b: StepView): SettingChange[] {
  const out: SettingChange[] = [];
  for (const key of unionKeys(a.settings, b.settings)) {
    const before = a.settings.get(key);
    const after = b.settings.get(key);
    if (stableJson(before?.value) === stableJson(after?.value)) continue;
    const owner = (before ?? after)!.owner;
    if (owner !== undefined && (!a.items.has(owner) || !b.items.has(owner))) continue;
    out.push({
      path: (after ?? before)!.path,
      ...(before ? { before: before.value } : {}),
      ...(after ? { after: after.value } : {}),
    });
  }
  return out;
}

function diffConnections(a: Record<string, string>, b: Record<string, string>): ConnectionChange[] {
  const out: ConnectionChange[] = [];
  for (const handle of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const before = Object.hasOwn(a, handle) ? a[handle]! : null;
    const after = Object.hasOwn(b, handle) ? b[handle]! : null;
    if (before !== after) out.push({ handle, before, after });
  }
  return out;
}

const PROFILE_FIELDS = ['greeting', 'iceBreakers', 'persistentMenu'] as const;
const ENTRY_FIELDS = ['getStarted', 'keywords', 'refs', 'default'] as const;

function diffFlowFields(before: CompiledFlow, after: CompiledFlow): SettingChange[] {
  const fields: [string, unknown, unknown][] = [
    ['flowId', before.flowId, after.flowId],
    ['name', before.name, after.name],
    ['disclosure', before.disclosure, after.disclosure],
    ['defaultLocale', before.defaultLocale, after.defaultLocale],
    ...ENTRY_FIELDS.map((f): [string, unknown, unknown] => [
      `entries.${f}`,
      before.entries[f],
      after.entries[f],
    ]),
    ...PROFILE_FIELDS.map((f): [string, unknown, unknown] => [
      `profile.${f}`,
      before.profile?.[f],
      after.profile?.[f],
    ]),
  ];
  const out: SettingChange[] = [];
  for (const [path, a, b] of fields)
    if (stableJson(a) !== stableJson(b))
      out.push({
        path,
        ...(a !== undefined ? { before: a } : {}),
        ...(b !== undefined ? { after: b } : {}),
      });
  // `profile: {}` and no profile say the same; but say so if only that differs.
  if (out.every((c) => !c.path.startsWith('profile.')) && !before.profile !== !after.profile)
    out.push({
      path: 'profile',
      ...(before.profile ? { before: before.profile } : {}),
      ...(after.profile ? { after: after.profile } : {}),
    });
  return out;
}

function diffVariables(before: CompiledFlow, after: CompiledFlow): VariableChange[] {
  const strip = ({ type, default: d }: CompiledFlow['variables'][number]) =>
    d === undefined ? { type } : { type, default: d };
  const a = new Map(before.variables.map((v) => [v.name, strip(v)]));
  const b = new Map(after.variables.map((v) => [v.name, strip(v)]));
  const out: VariableChange[] = [];
  for (const name of unionKeys(a, b)) {
    const x = a.get(name);
    const y = b.get(name);
    if (stableJson(x) === stableJson(y)) continue;
    out.push({
      name,
      change: !x ? 'added' : !y ? 'removed' : 'changed',
      ...(x ? { before: x } : {}),
      ...(y ? { after: y } : {}),
    });
  }
  return out;
}

/** Keys of `b` in its order, then those only in `a`. */
function unionKeys<K>(a: Map<K, unknown>, b: Map<K, unknown>): K[] {
  return [...new Set([...b.keys(), ...a.keys()])];
}

/** JSON with object keys sorted, so that two equal values give the same text. */
export function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
        : v,
    ) ?? 'undefined'
  );
}
