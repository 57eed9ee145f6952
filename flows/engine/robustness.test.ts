import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import shopJson from '../examples/shop.flow.json';
import supportJson from '../examples/support.flow.json';
import { compileFlow } from '../compile';
import { validateFlowDocument } from '../load';
import type { CompiledFlow } from '../schema';
import { AttachmentType, type EngineEvent } from './events';
import { MAX_STEPS_PER_TURN } from './run';
import { newSession, Session } from './session';
import { step } from './step';

function compiled(json: unknown): CompiledFlow {
  const loaded = validateFlowDocument(json);
  if (!loaded.ok) throw new Error('example does not load');
  const result = compileFlow(loaded.document);
  if (!result.ok) throw new Error('example does not compile');
  return result.compiled;
}

/** Events a real or hostile user and host could produce, old payloads and garbage included. */
function events(flow: CompiledFlow): fc.Arbitrary<EngineEvent> {
  const ids = [...flow.steps.map((s) => s.id), 'gone'];
  const payload = fc.oneof(
    fc.constantFrom(...ids).map((n) => `TL1:menu:${n}`),
    fc
      .tuple(
        fc.constantFrom(...ids),
        fc.constantFrom('browse', 'order', 'menu', 'done', 'yes', 'x'),
      )
      .map(([n, r]) => `TL1:r:${n}:${r}`),
    fc
      .tuple(fc.constantFrom(...ids), fc.constantFrom('pick-runner', 'pick-city', 'x'))
      .map(([n, b]) => `TL1:b:${n}:${b}`),
    fc.constantFrom('TL1:get_started', 'TL1:s:n-size', 'garbage', ''),
  );
  return fc.oneof(
    fc
      .constantFrom('hi', 'menu', 'help', 'human', '42', '104233', 'Browse shoes', 'Returns', '')
      .map((text) => ({ type: 'text' as const, text })),
    fc.string().map((text) => ({ type: 'text' as const, text })),
    payload.map((p) => ({ type: 'postback' as const, payload: p })),
    payload.map((p) => ({ type: 'quick_reply' as const, payload: p, text: 'Main menu' })),
    fc.constant({ type: 'get_started' as const }),
    fc.constantFrom('promo', 'spring-guide').map((ref) => ({ type: 'referral' as const, ref })),
    fc.constant({
      type: 'attachment' as const,
      attachmentType: 'image' as const,
      url: 'https://x/y.png',
    }),
    fc
      .tuple(
        fc.constantFrom(...AttachmentType.options),
        fc.array(fc.constantFrom(...AttachmentType.options), { maxLength: 3 }),
      )
      .map(([first, rest]) => ({
        type: 'attachment' as const,
        attachmentType: first,
        url: `https://x/${first}`,
        ...(rest.length
          ? { more: rest.map((t, i) => ({ attachmentType: t, url: `https://x/${t}/${i}` })) }
          : {}),
      })),
    fc.constant({ type: 'other_message' as const, what: 'something' }),
    fc.constant({ type: 'handover_returned' as const }),
    fc.constant({ type: 'handover_taken' as const }),
    fc
      .tuple(fc.constantFrom(...ids), fc.integer())
      .map(([s, dueAt]) => ({ type: 'resume' as const, step: s, dueAt })),
    fc.tuple(fc.string(), fc.integer({ min: 100, max: 599 })).map(([requestId, status]) => ({
      type: 'http_result' as const,
      requestId,
      status,
      body: '{"status":"shipped"}',
    })),
  );
}

describe.each([
  ['shop', compiled(shopJson)],
  ['support', compiled(supportJson)],
])('the engine on the %s example', (_name, flow) => {
  it('never throws, never mutates its input, and always returns a valid session', () => {
    fc.assert(
      fc.property(
        fc.array(events(flow), { maxLength: 30 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        (sequence, gap) => {
          let session = newSession(flow.revision, { id: 'u' });
          let now = 1_700_000_000_000;
          for (const event of sequence) {
            now += gap;
            const before = JSON.stringify(session);
            // A resume for the delay the session really waits for, sometimes.
            const real =
              session.wait?.kind === 'delay' && event.type === 'resume'
                ? { ...event, step: session.wait.step, dueAt: session.wait.dueAt }
                : event;
            const result = step(flow, session, real, { now, random: () => 0.3 });
            expect(JSON.stringify(session)).toBe(before);
            expect(Session.safeParse(JSON.parse(JSON.stringify(result.session))).success).toBe(
              true,
            );
            expect(result.trace.filter((t) => t.type === 'enter').length).toBeLessThanOrEqual(
              MAX_STEPS_PER_TURN + 3,
            );
            session = result.session;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
