// What an incoming event does, in docs/format.md §2's order of precedence (rules 1 to 6).
import { MESSENGER_LIMITS as L } from '../limits';
import { decodePayload, type Payload } from '../messenger/payload';
import { writeVariable, type Draft } from './draft';
import type { EngineEvent, EventOfType } from './events';
import { matchComment, matchKeyword, normalise } from './flowIndex';
import { answerInput } from './input';
import { follow } from './follow';
import { leave, runFrom } from './run';
import { CONVERSATION_GAP_MS } from './session';
import { onHttpResult, onResume, onReturned, onTaken } from './hostEvents';
import { render } from './variables';

export function dispatch(d: Draft, event: EngineEvent): void {
  switch (event.type) {
    case 'get_started':
      return startGetStarted(d, event.ref);
    case 'referral':
      return startRef(d, event.ref);
    case 'comment':
      return onComment(d, event);
    case 'postback':
      return onPayload(d, decodePayload(event.payload), event.title);
    case 'quick_reply':
      return onQuickReply(d, event);
    case 'text':
      d.session.lastInput = event.text;
      if (handedOver(d)) return;
      return onText(d, event.text);
    case 'attachment':
      if (handedOver(d)) return;
      return onAttachment(d, event);
    case 'other_message':
      // Rule 6: nothing an input or a keyword could take.
      if (handedOver(d)) return;
      return startDefault(d);
    case 'handover_returned':
      return onReturned(d);
    case 'handover_taken':
      return onTaken(d);
    case 'resume':
      return onResume(d, event);
    case 'http_result':
      return onHttpResult(d, event);
    case 'start':
      return onStart(d, event);
  }
}

/**
 * The host starts the flow at a step (a broadcast or the start-flow API). Whatever the session
 * waited for is cancelled, except a person answering in the Page Inbox: the bot stays out.
 */
function onStart(d: Draft, event: EventOfType<'start'>): void {
  if (handedOver(d)) return;
  if (!d.index.steps.has(event.step)) {
    d.trace.push({ type: 'ignored', reason: `step "${event.step}" is not in this revision` });
    return;
  }
  for (const [name, value] of Object.entries(event.variables ?? {})) writeVariable(d, name, value);
  runFrom(d, event.step);
}

// Rule 1: these start their target whatever the session waits for.
function startGetStarted(d: Draft, ref: string | undefined): void {
  const byRef = ref === undefined ? undefined : d.index.refs.get(ref);
  startRule1(d, byRef ?? d.flow.entries.getStarted);
}

function startRef(d: Draft, ref: string): void {
  startRule1(d, d.index.refs.get(ref));
}

/**
 * Runs a rule-1 target, else the default trigger. While a person has the thread (a handover
 * wait, however old), the bot first takes it back: Messenger refuses sends from an app that does
 * not own the thread. With nothing to run, the thread stays with the person.
 */
function startRule1(d: Draft, target: string | undefined): void {
  const start = target ?? d.flow.entries.default;
  if (start === undefined) return startDefault(d);
  if (d.session.wait?.kind === 'handover') {
    d.actions.push({ type: 'take_thread_control' });
    d.session.wait = null;
  }
  runFrom(d, start);
}

/** Messenger takes a private reply within 7 days of the comment (docs/messenger.md §8a). */
export const PRIVATE_REPLY_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A comment starts the first comment trigger that fits it, whatever the session waits for, like
 * a rule-1 event; nothing else answers a comment (no default trigger: most comments ask nothing).
 * While a person has the thread, or once the 7 days are over, it starts nothing.
 */
function onComment(d: Draft, event: EventOfType<'comment'>): void {
  if (event.createdAt !== undefined && d.ctx.now - event.createdAt > PRIVATE_REPLY_MS) {
    d.trace.push({ type: 'ignored', reason: 'the comment is older than 7 days: no private reply' });
    return;
  }
  const target = matchComment(d.index, event.postId, event.text);
  if (target === undefined) {
    d.trace.push({ type: 'ignored', reason: 'no comment trigger fits the comment' });
    return;
  }
  if (handedOver(d)) return;
  runFrom(d, target);
}

function onPayload(d: Draft, payload: Payload | null, title: string | undefined): void {
  if (payload?.kind === 'get_started') return startGetStarted(d, undefined);
  if (payload?.kind === 'menu' || payload?.kind === 'ice')
    return startRule1(d, d.index.steps.has(payload.target) ? payload.target : undefined);
  if (handedOver(d)) return;
  // Rule 2: a button or reply of a node that still exists, however old the message.
  if (payload?.kind === 'button') return onHandle(d, payload.node, `button:${payload.button}`);
  if (payload?.kind === 'reply') return onHandle(d, payload.node, `reply:${payload.reply}`);
  if (payload?.kind === 'suggestion' && title !== undefined) return onText(d, title);
  startDefault(d);
}

function onQuickReply(d: Draft, event: EventOfType<'quick_reply'>): void {
  if (event.text !== undefined) d.session.lastInput = event.text;
  const payload = decodePayload(event.payload);
  // user_email / user_phone_number replies carry the address itself: the user "typed" it.
  if (payload === null || payload.kind === 'suggestion') {
    if (handedOver(d)) return;
    return onText(d, payload === null ? event.payload : (event.text ?? ''));
  }
  onPayload(d, payload, event.text);
}

function onHandle(d: Draft, node: string, handle: string): void {
  const step = d.index.steps.get(node);
  if (step) leave(d, step, handle);
  else startDefault(d);
}

/** The step the session waits at, if any. */
function waitingAt(d: Draft) {
  const step = d.session.wait?.step;
  return step === undefined ? undefined : d.index.steps.get(step);
}

function onText(d: Draft, text: string): void {
  const wait = d.session.wait;
  const at = waitingAt(d);
  // Rule 3.
  if (wait?.kind === 'input' && at?.type === 'input')
    return answerInput(d, at, wait.retries, { type: 'text', text });
  // Rule 4.
  if (wait?.kind === 'quick_replies' && at?.type === 'message') {
    const said = normalise(text);
    const reply = at.data.quickReplies?.find(
      (r) => normalise(render(d, r.title, L.quickReplyTitleLength)) === said,
    );
    if (reply) return leave(d, at, `reply:${reply.id}`);
    if (at.outputs.other !== undefined) return leave(d, at, 'other');
    // An unconnected `other` hands the text on to rules 5 and 6, but the answer still left
    // through `other`: the trace says so, for coverage and the canvas.
    follow(d, at, 'other');
  }
  // Rule 5, then 6.
  const keyword = matchKeyword(d.index, text);
  if (keyword !== undefined) return runFrom(d, keyword);
  startDefault(d);
}

function onAttachment(d: Draft, event: EventOfType<'attachment'>): void {
  const wait = d.session.wait;
  const at = waitingAt(d);
  if (wait?.kind === 'input' && at?.type === 'input')
    return answerInput(d, at, wait.retries, { type: 'attachment', event });
  startDefault(d);
}

// Rule 6: the default trigger, else nothing happens and the session keeps waiting.
function startDefault(d: Draft): void {
  const target = d.flow.entries.default;
  if (target !== undefined) runFrom(d, target);
  else
    d.trace.push({
      type: 'ignored',
      reason: 'nothing matched and the flow has no default trigger',
    });
}

/**
 * While a human has the thread, the user talks to them, not to the bot. Control that was never
 * handed back lapses after 24 h (Messenger's thread ownership expiry): then the bot answers again.
 */
function handedOver(d: Draft): boolean {
  const wait = d.session.wait;
  if (wait?.kind !== 'handover') return false;
  if (d.ctx.now - wait.since < CONVERSATION_GAP_MS) {
    d.trace.push({ type: 'ignored', reason: 'the thread is with a human in the Page Inbox' });
    return true;
  }
  d.session.wait = null;
  d.session.disclosureDue = true;
  return false;
}
