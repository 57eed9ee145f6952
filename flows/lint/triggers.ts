// Entry points: every flow needs a way in, and each kind of entry must be unambiguous.
import { MESSENGER_LIMITS as L } from '../limits';
import type { NodeOfType } from '../schema';
import type { LintContext } from './context';

export function checkTriggers(ctx: LintContext): void {
  const triggers = ctx.doc.nodes.filter((n): n is NodeOfType<'trigger'> => n.type === 'trigger');
  if (triggers.length === 0) {
    ctx.report(
      'no-entry',
      {},
      'The flow has no trigger, so nothing can start it. Add a Get Started, keyword or default trigger.',
    );
    return;
  }
  const firstOfKind = new Map<string, string>();
  const keywordOwner = new Map<string, string>();
  for (const trigger of triggers) {
    const { kind } = trigger.data;
    const place = { nodeId: trigger.id };
    if (!ctx.edgesFrom.get(trigger.id)?.length)
      ctx.report(
        'trigger-unconnected',
        { ...place, handle: 'out' },
        'This trigger is not connected to anything, so the user would get no answer.',
      );
    if (kind === 'get_started' || kind === 'default')
      checkUnique(
        ctx,
        firstOfKind,
        kind,
        trigger.id,
        kind === 'default' ? 'default trigger' : 'Get Started trigger',
      );
    if (kind === 'ref') checkRef(ctx, trigger, firstOfKind);
    if (kind === 'keyword') checkKeywords(ctx, trigger, keywordOwner);
  }
  if (!firstOfKind.has('default'))
    ctx.report(
      'no-default-trigger',
      {},
      'There is no default trigger: messages the flow does not understand get no answer, but Messenger expects bots to answer every message within 30 seconds.',
    );
}

function checkUnique(
  ctx: LintContext,
  seen: Map<string, string>,
  key: string,
  id: string,
  what: string,
): void {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, id);
  else
    ctx.report(
      'duplicate-trigger',
      { nodeId: id },
      `There is already a ${what} ("${first}"); only one can start.`,
    );
}

function checkRef(
  ctx: LintContext,
  trigger: NodeOfType<'trigger'>,
  seen: Map<string, string>,
): void {
  const ref = trigger.data.ref ?? '';
  const place = { nodeId: trigger.id, field: 'data.ref' };
  if (ref === '') {
    ctx.report(
      'ref-missing',
      place,
      'This link trigger has no ref: set the ref of the m.me link that starts it.',
    );
    return;
  }
  if (!L.refPattern.test(ref) || ref.length > L.refLength)
    ctx.report(
      'ref-invalid',
      place,
      `The ref "${ref}" may only use letters, digits, "_", "-" and "=" (at most ${L.refLength} characters).`,
    );
  checkUnique(ctx, seen, `ref:${ref}`, trigger.id, `trigger for the ref "${ref}"`);
}

function checkKeywords(
  ctx: LintContext,
  trigger: NodeOfType<'trigger'>,
  owners: Map<string, string>,
): void {
  const keywords = (trigger.data.keywords ?? []).map((k) => k.trim().toLowerCase()).filter(Boolean);
  if (keywords.length === 0) {
    ctx.report(
      'keyword-missing',
      { nodeId: trigger.id, field: 'data.keywords' },
      'This keyword trigger has no keywords.',
    );
    return;
  }
  const match = trigger.data.match ?? 'exact';
  for (const keyword of new Set(keywords)) {
    const key = `${match}:${keyword}`;
    const first = owners.get(key);
    if (first === undefined) owners.set(key, trigger.id);
    else
      ctx.report(
        'keyword-duplicate',
        { nodeId: trigger.id, field: 'data.keywords' },
        `The keyword "${keyword}" is also used by "${first}", which comes first and always wins.`,
      );
  }
}
