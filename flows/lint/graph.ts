// The shape of the graph: connections must join real handles, each output leads to one place,
// targets exist, and every node can be reached from some entry.
import { hasInputHandle } from '../nodeTypes';
import { outputHandles } from '../schema';
import { successors, type LintContext } from './context';

export function checkGraph(ctx: LintContext): void {
  checkEdges(ctx);
  checkTargets(ctx);
  checkReachable(ctx);
}

function checkEdges(ctx: LintContext): void {
  const handleCache = new Map<string, Set<string>>();
  const used = new Map<string, string>();
  for (const edge of ctx.doc.edges) {
    const source = ctx.nodeById.get(edge.source);
    const target = ctx.nodeById.get(edge.target);
    const place = { edgeId: edge.id, nodeId: source ? edge.source : undefined };
    if (!source) {
      ctx.report(
        'dangling-edge',
        { edgeId: edge.id },
        `The connection "${edge.id}" starts at "${edge.source}", which does not exist.`,
      );
      continue;
    }
    let handles = handleCache.get(source.id);
    if (!handles) handleCache.set(source.id, (handles = new Set(outputHandles(source))));
    if (!handles.has(edge.sourceHandle)) {
      ctx.report(
        'dangling-edge',
        { ...place, handle: edge.sourceHandle },
        `The connection "${edge.id}" leaves through "${edge.sourceHandle}", which this ${source.type} node does not have${handles.size ? ` (it has ${[...handles].join(', ')})` : ''}.`,
      );
      continue;
    }
    if (!target)
      ctx.report(
        'dangling-edge',
        place,
        `The connection "${edge.id}" leads to "${edge.target}", which does not exist.`,
      );
    else if (!hasInputHandle(target.type))
      ctx.report(
        'dangling-edge',
        place,
        `The connection "${edge.id}" leads into a ${target.type}, which cannot be entered.`,
      );
    const key = `${edge.source}\u0000${edge.sourceHandle}`;
    const first = used.get(key);
    if (first !== undefined)
      ctx.report(
        'handle-used-twice',
        { ...place, handle: edge.sourceHandle },
        `The output "${edge.sourceHandle}" already leads somewhere (connection "${first}"); one output can lead to one place only.`,
      );
    else used.set(key, edge.id);
  }
}

function checkTargets(ctx: LintContext): void {
  // A jump may land on any node that runs, triggers included (the run goes on through `out`);
  // notes are canvas comments and never run.
  const problem = (id: string): string | undefined => {
    if (id === '') return 'has no target';
    const node = ctx.nodeById.get(id);
    if (!node) return `points to "${id}", which does not exist`;
    if (node.type === 'note') return `points to the note "${id}", a canvas comment that never runs`;
    return undefined;
  };
  for (const node of ctx.doc.nodes) {
    const why = node.type === 'goto' ? problem(node.data.target) : undefined;
    if (why)
      ctx.report(
        'missing-target',
        { nodeId: node.id, field: 'data.target' },
        `This "go to" ${why}.`,
      );
  }
  ctx.doc.profile?.iceBreakers?.forEach((ice, i) => {
    const why = problem(ice.target);
    if (why)
      ctx.report(
        'missing-target',
        { field: `profile.iceBreakers[${i}].target` },
        `The ice breaker "${ice.question}" ${why}.`,
      );
  });
  ctx.doc.profile?.persistentMenu?.forEach((item, i) => {
    const why = 'target' in item ? problem(item.target) : undefined;
    if (why)
      ctx.report(
        'missing-target',
        { field: `profile.persistentMenu[${i}].target` },
        `The menu item "${item.title}" ${why}.`,
      );
  });
}

/** Where a run can begin: triggers, and the nodes that ice breakers and menu items open. */
export function entryNodeIds(ctx: LintContext): string[] {
  const ids = ctx.doc.nodes.filter((n) => n.type === 'trigger').map((n) => n.id);
  for (const ice of ctx.doc.profile?.iceBreakers ?? []) ids.push(ice.target);
  for (const item of ctx.doc.profile?.persistentMenu ?? [])
    if ('target' in item) ids.push(item.target);
  return ids;
}

function checkReachable(ctx: LintContext): void {
  const seen = new Set<string>();
  const stack = entryNodeIds(ctx).filter((id) => ctx.nodeById.has(id));
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = ctx.nodeById.get(id);
    if (node)
      for (const next of successors(ctx, node))
        if (!seen.has(next) && ctx.nodeById.has(next)) stack.push(next);
  }
  for (const node of ctx.doc.nodes) {
    // Nodes without an input (triggers, notes) cannot be reached: they are where runs begin.
    if (!hasInputHandle(node.type) || seen.has(node.id)) continue;
    ctx.report(
      'unreachable-node',
      { nodeId: node.id },
      'Nothing leads to this node: no trigger, menu item or "go to" reaches it.',
    );
  }
}
