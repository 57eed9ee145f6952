// Entry points: every flow needs a way in, and each kind of entry must be unambiguous.
import { MESSENGER_LIMITS as L } from '../limits';
import type { NodeOfType } from '../schema';
import type { LintContext } from './context';
import { lintText, type LintText } from './text';

export function checkTriggers(ctx: LintContext): void {
  const triggers = ctx.doc.nodes.filter((n): n is NodeOfType<'trigger'> => n.type === 'trigger');
  if (triggers.length === 0) {
    ctx.report('no-entry', {}, 'default');
    return;
  }
  const firstOfKind = new Map<string, string>();
  const keywordOwner = new Map<string, string>();
  const commentTriggers: NodeOfType<'trigger'>[] = [];
  for (const trigger of triggers) {
    const { kind } = trigger.data;
    const place = { nodeId: trigger.id };
    if (!ctx.edgesFrom.get(trigger.id)?.length)
      ctx.report('trigger-unconnected', { ...place, handle: 'out' }, 'default');
    if (kind === 'get_started' || kind === 'default')
      checkUnique(
        ctx,
        firstOfKind,
        kind,
        trigger.id,
        lintText(kind === 'default' ? 'parts.defaultTrigger' : 'parts.getStartedTrigger'),
      );
    if (kind === 'ref') checkRef(ctx, trigger, firstOfKind);
    if (kind === 'keyword') checkKeywords(ctx, trigger, keywordOwner);
    if (kind === 'comment') checkComment(ctx, trigger, commentTriggers);
  }
  if (!firstOfKind.has('default')) ctx.report('no-default-trigger', {}, 'default');
}

function checkUnique(
  ctx: LintContext,
  seen: Map<string, string>,
  key: string,
  id: string,
  what: LintText,
): void {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, id);
  else ctx.report('duplicate-trigger', { nodeId: id }, 'default', { what, first });
}

function checkRef(
  ctx: LintContext,
  trigger: NodeOfType<'trigger'>,
  seen: Map<string, string>,
): void {
  const ref = trigger.data.ref ?? '';
  const place = { nodeId: trigger.id, field: 'data.ref' };
  if (ref === '') {
    ctx.report('ref-missing', place, 'default');
    return;
  }
  if (!L.refPattern.test(ref) || ref.length > L.refLength)
    ctx.report('ref-invalid', place, 'default', { ref, limit: L.refLength });
  checkUnique(ctx, seen, `ref:${ref}`, trigger.id, lintText('parts.refTrigger', { ref }));
}

function checkKeywords(
  ctx: LintContext,
  trigger: NodeOfType<'trigger'>,
  owners: Map<string, string>,
): void {
  const keywords = (trigger.data.keywords ?? []).map((k) => k.trim().toLowerCase()).filter(Boolean);
  if (keywords.length === 0) {
    ctx.report('keyword-missing', { nodeId: trigger.id, field: 'data.keywords' }, 'default');
    return;
  }
  const match = trigger.data.match ?? 'exact';
  for (const keyword of new Set(keywords)) {
    const key = `${match}:${keyword}`;
    const first = owners.get(key);
    if (first === undefined) owners.set(key, trigger.id);
    else
      ctx.report('keyword-duplicate', { nodeId: trigger.id, field: 'data.keywords' }, 'default', {
        keyword,
        first,
      });
  }
}

/**
 * Comment triggers are tried in document order (docs/events.md "Comments"): one that comes after
 * a catch-all for its post (or for every post) never starts. And a comment allows one private
 * reply, so the trigger's path should send one message and then wait for the user.
 */
function checkComment(
  ctx: LintContext,
  trigger: NodeOfType<'trigger'>,
  earlier: NodeOfType<'trigger'>[],
): void {
  const post = trigger.data.postId?.trim() || undefined;
  const catchAll = earlier.find((e) => {
    const words = (e.data.keywords ?? []).filter((k) => k.trim() !== '');
    const ePost = e.data.postId?.trim() || undefined;
    return words.length === 0 && (ePost === undefined || ePost === post);
  });
  earlier.push(trigger);
  if (catchAll)
    ctx.report('comment-trigger-shadowed', { nodeId: trigger.id }, post ? 'onPost' : 'anyPost', {
      first: catchAll.id,
      ...(post ? { post } : {}),
    });
  const sent = messagesBeforeWaiting(ctx, trigger.id);
  if (sent > 1)
    ctx.report('comment-reply-several-messages', { nodeId: trigger.id }, 'default', {
      count: sent,
    });
}

/** Messages sent from a trigger along message nodes until one waits for the user (or leaves). */
function messagesBeforeWaiting(ctx: LintContext, triggerId: string): number {
  let count = 0;
  let next = ctx.edgesFrom.get(triggerId)?.find((e) => e.sourceHandle === 'out')?.target;
  const seen = new Set<string>();
  while (next !== undefined && !seen.has(next)) {
    seen.add(next);
    const node = ctx.nodeById.get(next);
    if (node?.type === 'input') return count + 1;
    if (node?.type !== 'message') return count;
    count += node.data.blocks.filter((b) => b.type !== 'typing').length;
    if (node.data.quickReplies?.length) return count;
    next = ctx.edgesFrom.get(node.id)?.find((e) => e.sourceHandle === 'next')?.target;
  }
  return count;
}
