// The shape of the graph: connections must join real handles, each output leads to one place,
// targets exist, and every node can be reached from some entry.
import { hasInputHandle } from '../nodeTypes';
import { outputHandles } from '../schema';
import { successors, type LintContext } from './context';
import { lintText } from './text';

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
      ctx.report('dangling-edge', { edgeId: edge.id }, 'noSource', {
        edge: edge.id,
        source: edge.source,
      });
      continue;
    }
    let handles = handleCache.get(source.id);
    if (!handles) handleCache.set(source.id, (handles = new Set(outputHandles(source))));
    if (!handles.has(edge.sourceHandle)) {
      ctx.report(
        'dangling-edge',
        { ...place, handle: edge.sourceHandle },
        handles.size ? 'noHandleHas' : 'noHandle',
        {
          edge: edge.id,
          handle: edge.sourceHandle,
          type: source.type,
          handles: [...handles].join(', '),
        },
      );
      continue;
    }
    if (!target)
      ctx.report('dangling-edge', place, 'noTarget', { edge: edge.id, target: edge.target });
    else if (!hasInputHandle(target.type))
      ctx.report('dangling-edge', place, 'noInput', { edge: edge.id, type: target.type });
    const key = `${edge.source}\u0000${edge.sourceHandle}`;
    const first = used.get(key);
    if (first !== undefined)
      ctx.report('handle-used-twice', { ...place, handle: edge.sourceHandle }, 'default', {
        handle: edge.sourceHandle,
        first,
      });
    else used.set(key, edge.id);
  }
}

function checkTargets(ctx: LintContext): void {
  // A jump may land on any node that runs, triggers included (the run goes on through `out`);
  // notes are canvas comments and never run.
  const problem = (id: string): 'none' | 'missing' | 'note' | undefined => {
    if (id === '') return 'none';
    const node = ctx.nodeById.get(id);
    if (!node) return 'missing';
    if (node.type === 'note') return 'note';
    return undefined;
  };
  for (const node of ctx.doc.nodes) {
    const why = node.type === 'goto' ? problem(node.data.target) : undefined;
    if (why)
      ctx.report('missing-target', { nodeId: node.id, field: 'data.target' }, why, {
        subject: lintText('parts.thisGoto'),
        target: node.type === 'goto' ? node.data.target : '',
      });
  }
  ctx.doc.profile?.iceBreakers?.forEach((ice, i) => {
    const why = problem(ice.target);
    if (why)
      ctx.report('missing-target', { field: `profile.iceBreakers[${i}].target` }, why, {
        subject: lintText('parts.iceBreaker', { question: ice.question }),
        target: ice.target,
      });
  });
  ctx.doc.profile?.persistentMenu?.forEach((item, i) => {
    const why = 'target' in item ? problem(item.target) : undefined;
    if (why)
      ctx.report('missing-target', { field: `profile.persistentMenu[${i}].target` }, why, {
        subject: lintText('parts.menuItem', { title: item.title }),
        target: 'target' in item ? item.target : '',
      });
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
    ctx.report('unreachable-node', { nodeId: node.id }, 'default');
  }
}
