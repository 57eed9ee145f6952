// What each step type does when the flow reaches it. Returns the next step id, or undefined when
// the turn stops here (the step waits, ends, or its handle has no edge).
import { assertNever, type CompiledStep, type StepOfType } from '../schema';
import { pickBranch } from './conditions';
import { log, type Draft } from './draft';
import { inputQuickReplies, sendBlocks, sendMessage } from './outgoing';
import { follow } from './follow';
import { MESSENGER_LIMITS as L } from '../limits';
import { applyAction, render, renderRequestText, renderUrl } from './variables';

const DEFAULT_HTTP_TIMEOUT_MS = 5000;

export function executeStep(d: Draft, step: CompiledStep): string | undefined {
  switch (step.type) {
    case 'trigger':
      return follow(d, step, 'out');
    case 'message':
      sendBlocks(d, step);
      if (step.data.quickReplies?.length) {
        if (!step.data.blocks.some((b) => b.type !== 'typing'))
          log(
            d,
            'warning',
            'quick-replies-without-message',
            'quick replies need a message to go with',
            step.id,
            { key: 'quickRepliesWithoutMessage' },
          );
        d.session.wait = { kind: 'quick_replies', step: step.id };
        return undefined;
      }
      return follow(d, step, 'next');
    case 'input':
      sendPrompt(d, step, step.data.prompt);
      d.session.wait = { kind: 'input', step: step.id, retries: 0 };
      return undefined;
    case 'condition': {
      const branch = pickBranch(d, step.data.branches);
      return follow(d, step, branch ? `branch:${branch.id}` : 'else');
    }
    case 'action':
      for (const action of step.data.actions) applyAction(d, action, step.id);
      return follow(d, step, 'next');
    case 'http':
      return request(d, step);
    case 'delay':
      return delay(d, step);
    case 'split':
      return split(d, step);
    case 'goto':
      if (!d.index.steps.has(step.data.target)) {
        log(
          d,
          'error',
          'missing-target',
          `goto target "${step.data.target}" does not exist`,
          step.id,
          { key: 'missingTarget', params: { target: step.data.target } },
        );
        return undefined;
      }
      return step.data.target;
    case 'handover': {
      const note = step.data.note === undefined ? undefined : render(d, step.data.note);
      d.actions.push(
        note === undefined
          ? { type: 'handover', step: step.id }
          : { type: 'handover', step: step.id, note },
      );
      d.session.wait = { kind: 'handover', step: step.id, since: d.ctx.now };
      return undefined;
    }
    case 'end':
      d.session.wait = null;
      return undefined;
    default:
      return assertNever(step);
  }
}

export function sendPrompt(d: Draft, step: StepOfType<'input'>, template: string): void {
  const quickReplies = inputQuickReplies(d, step);
  sendMessage(d, {
    type: 'send_text',
    text: render(d, template, L.textLength),
    ...(quickReplies ? { quickReplies } : {}),
    step: step.id,
  });
}

function request(d: Draft, step: StepOfType<'http'>): string | undefined {
  // Calls to one's own backend may use http:// (the linter allows it too).
  const url = renderUrl(
    d,
    step.data.url,
    step.id,
    { en: 'The request address', key: 'requestUrl' },
    {
      httpsOnly: false,
      keepSecrets: true,
    },
  );
  if (url === undefined) return follow(d, step, 'error');
  const requestId = `${step.id}@${d.ctx.now}.${d.entered}`;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.data.headers ?? {}))
    headers[name] = renderRequestText(d, value);
  d.actions.push({
    type: 'http_request',
    step: step.id,
    requestId,
    method: step.data.method,
    url,
    headers,
    ...(step.data.body !== undefined ? { body: renderRequestText(d, step.data.body) } : {}),
    timeoutMs: step.data.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
  });
  d.session.wait = { kind: 'http', step: step.id, requestId };
  return undefined;
}

function delay(d: Draft, step: StepOfType<'delay'>): string | undefined {
  if (step.data.seconds <= 0) return follow(d, step, 'next');
  const dueAt = d.ctx.now + Math.round(step.data.seconds * 1000);
  d.actions.push({ type: 'schedule_resume', step: step.id, dueAt });
  d.session.wait = { kind: 'delay', step: step.id, dueAt };
  return undefined;
}

/** Picks a variant with probability weight / total; all-zero weights pick uniformly. */
function split(d: Draft, step: StepOfType<'split'>): string | undefined {
  const variants = step.data.variants;
  if (variants.length === 0) return undefined;
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  const r = d.ctx.random();
  let chosen = variants[Math.min(variants.length - 1, Math.floor(r * variants.length))]!;
  if (total > 0) {
    // Walk the cumulative weights; rounding can leave `point` past the end, so the last variant
    // with a weight is the fallback (never a zero-weight one).
    let point = r * total;
    chosen = [...variants].reverse().find((v) => v.weight > 0)!;
    for (const v of variants) {
      if (point < v.weight) {
        chosen = v;
        break;
      }
      point -= v.weight;
    }
  }
  return follow(d, step, `variant:${chosen.id}`);
}
