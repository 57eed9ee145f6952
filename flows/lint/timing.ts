// Time in the graph: loops that never wait run until the engine's 100-step guard stops them, and
// delays that add up past Messenger's 24-hour window cannot deliver what follows.
import { MESSENGER_LIMITS as L } from '../limits';
import type { FlowNode } from '../schema';
import { successors, waits, waitsForUser, type LintContext } from './context';

export function checkTiming(ctx: LintContext): void {
  checkLoops(ctx);
  checkDelays(ctx);
}

/** Strongly connected components (Tarjan, iterative so that 2,000-node chains cannot overflow the stack), in reverse topological order. */
export function components(
  ids: readonly string[],
  next: (id: string) => readonly string[],
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; children: readonly string[]; i: number }[] = [];
    const enter = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, children: next(id), i: 0 });
    };
    enter(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.children.length) {
        const child = frame.children[frame.i++]!;
        if (!index.has(child)) enter(child);
        else if (onStack.has(child))
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let id: string;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          component.push(id);
        } while (id !== frame.id);
        result.push(component);
      }
    }
  }
  return result;
}

/** Remembers each node's successors: Tarjan and the checks after it ask for them repeatedly. */
function memo(next: (id: string) => string[]): (id: string) => string[] {
  const cache = new Map<string, string[]>();
  return (id) => {
    let found = cache.get(id);
    if (!found) cache.set(id, (found = next(id)));
    return found;
  };
}

function checkLoops(ctx: LintContext): void {
  // Only nodes that go straight on can form a busy loop; a waiting node breaks every cycle.
  const busy = (id: string) => {
    const node = ctx.nodeById.get(id);
    return node !== undefined && !waits(node) && node.type !== 'note';
  };
  const ids = ctx.doc.nodes.filter((n) => busy(n.id)).map((n) => n.id);
  const next = memo((id: string) => successors(ctx, ctx.nodeById.get(id)!).filter(busy));
  const order = new Map(ctx.doc.nodes.map((n, i) => [n.id, i] as const));
  for (const component of components(ids, next)) {
    const selfLoop = component.length === 1 && next(component[0]!).includes(component[0]!);
    if (component.length < 2 && !selfLoop) continue;
    const sorted = [...component].sort((a, b) => order.get(a)! - order.get(b)!);
    ctx.report('loop-without-wait', { nodeId: sorted[0] }, 'default', { nodes: sorted.join(', ') });
  }
}

/**
 * The longest time, in seconds, from the user's last message to the end of each delay. Runs
 * over the graph without the nodes that wait for the user (they restart the clock); a cycle
 * that contains a delay can add up without end.
 */
function checkDelays(ctx: LintContext): void {
  const clocked = (id: string) => {
    const node = ctx.nodeById.get(id);
    return node !== undefined && node.type !== 'note';
  };
  const seconds = (node: FlowNode) => (node.type === 'delay' ? node.data.seconds : 0);
  const ids = ctx.doc.nodes.filter((n) => n.type !== 'note').map((n) => n.id);
  // Edges out of a node that waits for the user start a fresh window, so they are left out.
  const next = memo((id: string) => {
    const node = ctx.nodeById.get(id)!;
    return waitsForUser(node) ? [] : successors(ctx, node).filter(clocked);
  });
  const comps = components(ids, next);
  const compOf = new Map<string, number>();
  comps.forEach((c, i) => c.forEach((id) => compOf.set(id, i)));
  // Time on arrival at each component, in topological order (reverse of Tarjan's output).
  const arrival = new Array<number>(comps.length).fill(0);
  for (let i = comps.length - 1; i >= 0; i--) {
    const comp = comps[i]!;
    const cyclic = comp.length > 1 || next(comp[0]!).includes(comp[0]!);
    const inside = comp.reduce((sum, id) => sum + seconds(ctx.nodeById.get(id)!), 0);
    const leave = cyclic && inside > 0 ? Infinity : arrival[i]! + inside;
    for (const id of comp) {
      const node = ctx.nodeById.get(id)!;
      if (node.type === 'delay' && node.data.seconds > 0) {
        const end = cyclic && inside > 0 ? Infinity : arrival[i]! + node.data.seconds;
        if (end > L.messagingWindowSeconds)
          ctx.report(
            'delay-past-24h',
            { nodeId: id, field: 'data.seconds' },
            end === Infinity ? 'loop' : 'hours',
            end === Infinity ? {} : { hours: Math.round((end / 3600) * 10) / 10 },
          );
      }
      for (const target of next(id)) {
        const j = compOf.get(target)!;
        if (j !== i) arrival[j] = Math.max(arrival[j]!, leave);
      }
    }
  }
}
