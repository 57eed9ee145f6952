// Events from the host rather than the user: the thread handed back, a delay falling due, an
// HTTP answer. Each applies only to what the session still waits for; anything older is ignored.
import type { CompiledStep } from '../schema';
import type { Draft } from './draft';
import type { EventOfType } from './events';
import { readJsonPath } from './jsonPath';
import { leave } from './run';
import { saveVariable } from './variables';

export function onReturned(d: Draft): void {
  d.session.disclosureDue = true;
  const wait = d.session.wait;
  if (wait?.kind === 'handover' && wait.step === undefined) {
    // A person took the thread on their own: there is no `returned` handle to follow, so the
    // session idles and the user's next message is handled as usual.
    d.session.wait = null;
    return void d.trace.push({
      type: 'ignored',
      reason: 'the thread came back from the Page Inbox; nothing waited for it',
    });
  }
  const at =
    wait?.kind === 'handover' && wait.step !== undefined ? d.index.steps.get(wait.step) : undefined;
  if (at) leave(d, at, 'returned');
  else
    d.trace.push({
      type: 'ignored',
      reason: 'the thread came back, but the session did not wait for it',
    });
}

/**
 * Another app (in practice the Page Inbox: a person) took the thread. The session waits as it does
 * after a handover step, so the bot stays silent while the person talks; a handover already
 * under way keeps its step and its start.
 */
export function onTaken(d: Draft): void {
  if (d.session.wait?.kind === 'handover')
    return void d.trace.push({
      type: 'ignored',
      reason: 'the thread is already with the Page Inbox',
    });
  d.session.wait = { kind: 'handover', since: d.ctx.now };
}

export function onResume(d: Draft, event: EventOfType<'resume'>): void {
  const wait = d.session.wait;
  const at = d.index.steps.get(event.step);
  if (wait?.kind !== 'delay' || wait.step !== event.step || wait.dueAt !== event.dueAt || !at)
    return void d.trace.push({
      type: 'ignored',
      reason: 'a delay that no longer applies fell due',
    });
  leave(d, at, 'next');
}

export function onHttpResult(d: Draft, event: EventOfType<'http_result'>): void {
  const wait = d.session.wait;
  const at =
    wait?.kind === 'http' && wait.requestId === event.requestId
      ? d.index.steps.get(wait.step)
      : undefined;
  if (at?.type !== 'http')
    return void d.trace.push({
      type: 'ignored',
      reason: 'an HTTP answer nothing waits for any more',
    });
  const ok =
    event.error === undefined &&
    event.status !== undefined &&
    event.status >= 200 &&
    event.status < 300;
  if (ok) saveFromBody(d, at, event.body);
  leave(d, at, ok ? 'ok' : 'error');
}

function saveFromBody(
  d: Draft,
  step: Extract<CompiledStep, { type: 'http' }>,
  body: unknown,
): void {
  const save = step.data.save;
  if (!save?.length) return;
  let json = body;
  if (typeof body === 'string') {
    try {
      json = JSON.parse(body);
    } catch {
      json = body;
    }
  }
  for (const { variable, path } of save) {
    const value = readJsonPath(json, path);
    if (value === undefined || value === null) continue;
    const saved =
      typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
    saveVariable(d, variable, saved, step.id);
  }
}
