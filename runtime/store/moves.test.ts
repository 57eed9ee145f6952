// relocate and moveProblems (moves.ts) without a store: what a publish does to each kind of wait.
import { describe, expect, it } from 'vitest';
import { compile, exampleFlow } from '../testing/flows';
import { countWaiting, moveProblems, relocate } from './moves';
import { UnparsedState } from './rows';

const old = compile(exampleFlow('lead-capture'));
const doc = exampleFlow('lead-capture');
doc.name = 'Next';
const next = compile(doc);
const revisions = new Set([old.revision, next.revision]);
const row = (wait: unknown, revision = old.revision, wakeAt: number | null = null) => ({
  pageId: 'p',
  psid: 'anna',
  state: { version: 1, flowRevision: revision, wait, variables: { a: 1 } },
  wakeAt,
});

describe('relocate', () => {
  it('moves an input wait to quick replies, a delay (starting now) or an input (first try)', () => {
    const input = { kind: 'input', step: 'n-phone', retries: 2 };
    expect(relocate(row(input), next, revisions, { 'n-phone': 'n-call-ask' }, 1000)).toMatchObject({
      state: { flowRevision: next.revision, wait: { kind: 'quick_replies', step: 'n-call-ask' } },
      wakeAt: null,
      move: { from: 'n-phone', to: 'n-call-ask', wait: 'input', chosen: true },
    });
    expect(relocate(row(input), next, revisions, { 'n-phone': 'n-wait' }, 1000)).toMatchObject({
      state: { wait: { kind: 'delay', step: 'n-wait', dueAt: 1000 + 82800 * 1000 } },
      wakeAt: 1000 + 82800 * 1000,
    });
    const moved = relocate(row(input), next, revisions, { 'n-phone': 'n-email' }, 1000)!;
    expect(moved.state).toEqual({
      version: 1,
      flowRevision: next.revision,
      wait: { kind: 'input', step: 'n-email', retries: 0 },
      variables: { a: 1 },
    });
  });

  it('keeps a handover with the Page Inbox, without a step, whatever the move', () => {
    const handover = { kind: 'handover', step: 'n-handover', since: 5 };
    expect(relocate(row(handover), next, revisions, { 'n-handover': 'n-email' }, 9)).toMatchObject({
      state: { wait: { kind: 'handover', since: 5 } },
      move: { to: null, chosen: true },
    });
  });

  it('leaves alone waits that still hold, other flows, the new revision and unreadable states', () => {
    const input = { kind: 'input', step: 'n-email', retries: 0 };
    expect(relocate(row(input), next, revisions, {}, 1)).toBeUndefined();
    expect(relocate(row(input, 'other-flow'), next, revisions, { 'n-email': null }, 1)).toBe(
      undefined,
    );
    expect(relocate(row(input, next.revision), next, revisions, { 'n-email': null }, 1)).toBe(
      undefined,
    );
    expect(relocate(row(null), next, revisions, {}, 1)).toBeUndefined();
    const unreadable = { ...row(input), state: new UnparsedState('{oops') };
    expect(relocate(unreadable, next, revisions, { 'n-email': null }, 1)).toBeUndefined();
  });

  it('ends, unasked, a wait the new revision no longer takes', () => {
    const replies = { kind: 'quick_replies', step: 'n-gone' };
    expect(relocate(row(replies, old.revision, 7), next, revisions, {}, 1)).toMatchObject({
      state: { wait: null },
      wakeAt: null,
      move: { from: 'n-gone', to: null, wait: 'quick_replies', chosen: false },
    });
  });
});

describe('moveProblems and countWaiting', () => {
  it('names unknown targets and targets where nobody waits', () => {
    expect(moveProblems(next, { a: null, b: 'n-email', c: 'nope', d: 'n-handover' })).toEqual([
      { place: '$.moves.c', message: expect.stringContaining('"nope", which is not a node') },
      {
        place: '$.moves.d',
        message: expect.stringContaining('a handover node where nobody waits'),
      },
    ]);
  });

  it('counts waits per node among the flow revisions only', () => {
    const rows = [
      row({ kind: 'input', step: 'n-email', retries: 0 }),
      row({ kind: 'delay', step: 'n-wait', dueAt: 1 }, next.revision),
      row({ kind: 'input', step: 'n-email', retries: 1 }, 'other'),
      row({ kind: 'handover', since: 1 }),
      row(null),
    ];
    expect(countWaiting(rows, revisions)).toEqual({ 'n-email': 1, 'n-wait': 1 });
  });
});
