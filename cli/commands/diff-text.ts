// The semantic diff (flows/diff) and the stranded waits as `threadline publish` prints them.
import type { FlowDiff, NodeChange, StrandedWait } from '../../flows/diff';
import { cliMessages } from '../i18n';

const SHOWN_TEXT = 40;

/** Node id to display name (docs/format.md §1), from the flow document being published. */
export type NodeNames = ReadonlyMap<string, string>;

/** A node as a line names it: its id, with its display name when that says more. */
function known(id: string, names: NodeNames): string {
  const name = names.get(id);
  return name && name !== id ? `${id} ${JSON.stringify(name)}` : id;
}

/** A value on one line, cut to a readable length. */
function shown(value: unknown): string {
  if (value === undefined || value === null) return cliMessages().text('none');
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > SHOWN_TEXT ? `${text.slice(0, SHOWN_TEXT - 1)}…` : text;
}

/** What changed in one node, as comma-separated phrases. */
function nodeWhat(node: NodeChange, names: NodeNames): string {
  const say = cliMessages().text;
  const parts: string[] = [];
  if (node.typeBefore !== undefined)
    parts.push(say('typeChanged', { type: node.type, before: node.typeBefore }));
  for (const t of node.texts)
    parts.push(
      say('textChanged', { path: t.path, before: shown(t.before), after: shown(t.after) }),
    );
  for (const item of node.items) {
    const kind = say(`kind_${item.kind}`);
    const title = JSON.stringify(item.after ?? item.before ?? item.id);
    if (item.change === 'added') parts.push(say('itemAdded', { kind, title }));
    else if (item.change === 'removed') parts.push(say('itemRemoved', { kind, title }));
    else if (item.change === 'renamed')
      parts.push(
        say('itemRenamed', {
          kind,
          before: JSON.stringify(item.before),
          after: JSON.stringify(item.after),
        }),
      );
    else parts.push(say('itemChanged', { kind, title, fields: item.fields.join(', ') }));
  }
  for (const c of node.connections)
    parts.push(
      say('rewired', {
        handle: c.handle,
        before: c.before ? known(c.before, names) : say('none'),
        after: c.after ? known(c.after, names) : say('none'),
      }),
    );
  for (const s of node.settings)
    parts.push(
      say('settingChanged', { path: s.path, before: shown(s.before), after: shown(s.after) }),
    );
  return parts.join('; ');
}

/** One line per added, removed or changed node, then the flow's own settings and variables. */
export function diffLines(diff: FlowDiff, names: NodeNames = new Map()): string[] {
  const say = cliMessages().text;
  const lines: string[] = [];
  for (const node of diff.nodes) {
    const base = { node: known(node.nodeId, names), type: node.type };
    if (node.change === 'added') lines.push(say('nodeAdded', base));
    else if (node.change === 'removed') lines.push(say('nodeRemoved', base));
    else lines.push(say('nodeChanged', { ...base, what: nodeWhat(node, names) }));
  }
  for (const f of diff.flow) lines.push(say('flowChanged', { path: f.path }));
  for (const v of diff.variables)
    lines.push(say('variableChange', { name: v.name, change: say(`change_${v.change}`) }));
  if (lines.length === 0) lines.push(say('noNodeChanged'));
  return lines;
}

/** One line per stranded wait that has users, with what happens to them. */
export function strandedLines(
  stranded: StrandedWait[],
  waiting: Record<string, number>,
  moves: Record<string, string | null>,
  names: NodeNames = new Map(),
): string[] {
  const { text: say, count } = cliMessages();
  const lines: string[] = [];
  for (const s of stranded) {
    const users = waiting[s.nodeId] ?? 0;
    if (users === 0) continue;
    const reason =
      s.reason === 'replies-removed'
        ? say('reason_replies-removed', { replies: (s.replies ?? []).join(', ') })
        : say(`reason_${s.reason}`);
    const choice = Object.hasOwn(moves, s.nodeId)
      ? moves[s.nodeId] === null
        ? say('movesEnd')
        : say('movesTo', { target: known(moves[s.nodeId]!, names) })
      : s.reason === 'removed' || s.reason === 'type-changed' || s.reason === 'no-longer-waits'
        ? say('noChoice', { node: s.nodeId })
        : say('keepsWaiting');
    lines.push(
      `${say('strandedLine', { node: known(s.nodeId, names), type: s.type, reason, waiting: count('users', users) })}: ${choice}`,
    );
  }
  return lines;
}
