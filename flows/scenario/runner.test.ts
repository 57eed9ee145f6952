import { describe, expect, it } from 'vitest';
import welcomeJson from '../examples/welcome.flow.json';
import { compileFlow } from '../compile';
import { validateFlowDocument } from '../load';
import { testFlow } from '../engine/testFlow';
import type { CompiledFlow } from '../schema';
import { runScenario } from './runner';
import { Scenario, type ScenarioStep } from './schema';

function welcome(): CompiledFlow {
  const loaded = validateFlowDocument(welcomeJson);
  if (!loaded.ok) throw new Error('welcome does not load');
  const compiled = compileFlow(loaded.document);
  if (!compiled.ok) throw new Error('welcome does not compile');
  return compiled.compiled;
}

const scenario = (steps: ScenarioStep[], extra: Partial<Scenario> = {}): Scenario => ({
  format: 'threadline.scenario',
  version: 1,
  flow: 'x.flow.json',
  name: 'test',
  steps,
  ...extra,
});

const DISCLOSURE = { textContains: 'automated assistant' };

describe('runScenario', () => {
  it('passes when expect lists exactly the messages sent, in order', () => {
    const result = runScenario(
      welcome(),
      scenario([
        { send: { getStarted: true } },
        {
          expect: [
            DISCLOSURE,
            { quickReplies: ['Opening hours', 'Browse the shop', 'Talk to a person'] },
          ],
        },
      ]),
    );
    expect(result).toMatchObject({ passed: true, failures: [] });
    expect(result.trace).toContainEqual({
      type: 'take',
      step: 'n-start',
      handle: 'out',
      to: 'n-menu',
    });
  });

  it('fails when a message is missing, extra, or different', () => {
    const flow = welcome();
    const tooFew = runScenario(
      flow,
      scenario([{ send: { getStarted: true } }, { expect: [DISCLOSURE] }]),
    );
    expect(tooFew.failures).toEqual([
      {
        stepIndex: 1,
        expected: [DISCLOSURE],
        actual: [
          expect.objectContaining({ text: expect.any(String) }),
          expect.objectContaining({ quickReplies: expect.any(Array) }),
        ],
        message: 'message 2 was not expected (1 expected, 2 sent)',
        text: { key: 'messageNotExpected', params: { index: 2, expected: 1, sent: 2 } },
      },
    ]);
    const tooMany = runScenario(
      flow,
      scenario([{ send: { getStarted: true } }, { expect: [DISCLOSURE, {}, {}] }]),
    );
    expect(tooMany.failures[0]?.message).toBe(
      'message 3 was expected but not sent (3 expected, 2 sent)',
    );
    const wrong = runScenario(
      flow,
      scenario([
        { send: { getStarted: true } },
        { expect: [DISCLOSURE, { quickReplies: ['Opening hours'] }] },
      ]),
    );
    expect(wrong.failures[0]?.message).toBe(
      'message 2: quickReplies were ["Opening hours","Browse the shop","Talk to a person"], expected ["Opening hours"]',
    );
  });

  it('expects silence with an empty list and only checks messages since the last send', () => {
    const steps: ScenarioStep[] = [
      { send: { getStarted: true } },
      { send: { quickReply: 'Talk to a person' } },
      { expect: [{ handover: true }] },
      { send: { text: 'anyone?' } },
      { expect: [] },
    ];
    expect(runScenario(welcome(), scenario(steps)).failures).toEqual([]);
  });

  it('stops at a send that cannot be made and says why', () => {
    const result = runScenario(
      welcome(),
      scenario([{ send: { getStarted: true } }, { send: { quickReply: 'Nope' } }, { expect: [] }]),
    );
    expect(result.failures).toEqual([
      {
        stepIndex: 1,
        expected: { quickReply: 'Nope' },
        actual: null,
        message:
          'no quick reply titled "Nope" (offered: ["Opening hours","Browse the shop","Talk to a person"])',
        text: expect.objectContaining({ key: 'noQuickReply' }),
      },
    ]);
  });

  it('checks variables and tags', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'set' } },
        {
          id: 'set',
          type: 'action',
          data: {
            actions: [
              { type: 'set', variable: 'a', value: '1' },
              { type: 'add_tag', tag: 'x' },
              { type: 'add_tag', tag: 'y' },
            ],
          },
        },
      ],
      {
        entries: { getStarted: 'start' },
        variables: [
          { name: 'a', type: 'number' },
          { name: 'b', type: 'text', default: 'dflt' },
        ],
      },
    );
    const ok = runScenario(
      flow,
      scenario([
        { send: { getStarted: true } },
        { expectVars: { a: 1, b: 'dflt', c: null } },
        { expectTags: ['y', 'x'] },
      ]),
    );
    expect(ok.failures).toEqual([]);
    const bad = runScenario(
      flow,
      scenario([{ send: { getStarted: true } }, { expectVars: { a: '1' } }, { expectTags: ['x'] }]),
    );
    expect(bad.failures.map((f) => [f.stepIndex, f.message])).toEqual([
      [1, 'variables differ: a is 1, expected "1"'],
      [2, 'tags were ["x","y"]'],
    ]);
  });

  it('runs delays that fall due while waiting, and answers http steps from the scenario', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'later' } },
        { id: 'later', type: 'delay', data: { seconds: 60 }, outputs: { next: 'call' } },
        {
          id: 'call',
          type: 'http',
          data: { method: 'GET', url: 'https://api/x', save: [{ variable: 'v', path: '$.v' }] },
          outputs: { ok: 'ok', error: 'err' },
        },
        { id: 'ok', type: 'message', data: { blocks: [{ type: 'text', text: 'got {{v}}' }] } },
        { id: 'err', type: 'message', data: { blocks: [{ type: 'text', text: 'failed' }] } },
      ],
      { entries: { getStarted: 'start' } },
    );
    const steps: ScenarioStep[] = [
      { send: { getStarted: true } },
      { wait: 59 },
      { expect: [] },
      { wait: 1 },
      { expect: [{ text: 'got 7' }] },
    ];
    expect(
      runScenario(
        flow,
        scenario(steps, { http: { 'GET https://api/x': { status: 200, body: { v: 7 } } } }),
      ).failures,
    ).toEqual([]);
    const unanswered = runScenario(
      flow,
      scenario([{ send: { getStarted: true } }, { wait: 60 }, { expect: [{ text: 'failed' }] }]),
    );
    expect(unanswered.failures).toEqual([]);
  });

  it('leaves out of expect a reply the runtime would drop outside the 24-hour window', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'hi' } },
        {
          id: 'hi',
          type: 'message',
          data: { blocks: [{ type: 'text', text: 'Hi' }] },
          outputs: { next: 'wait' },
        },
        { id: 'wait', type: 'delay', data: { seconds: 25 * 3600 }, outputs: { next: 'late' } },
        {
          id: 'late',
          type: 'message',
          data: {
            blocks: [{ type: 'text', text: 'Still there?' }],
            quickReplies: [{ id: 'yes', title: 'Yes' }],
          },
        },
        { id: 'any', type: 'trigger', data: { kind: 'default' }, outputs: { out: 'again' } },
        {
          id: 'again',
          type: 'message',
          data: { blocks: [{ type: 'text', text: 'Welcome back' }] },
        },
      ],
      { entries: { getStarted: 'start', default: 'any' }, disclosure: 'I am a bot.' },
    );
    const steps: ScenarioStep[] = [
      { send: { getStarted: true } },
      { expect: [{ text: 'I am a bot.' }, { text: 'Hi' }] },
      { wait: 25 * 3600 },
      { expect: [] },
    ];
    expect(runScenario(flow, scenario(steps)).failures).toEqual([]);
    const expectingIt = runScenario(
      flow,
      scenario([...steps.slice(0, 3), { expect: [{ text: 'Still there?' }] }]),
    );
    expect(expectingIt.failures).toHaveLength(1);
    expect(expectingIt.failures[0]).toMatchObject({ stepIndex: 3, actual: [] });
    // The dropped message's quick replies never reached the user.
    const tapping = runScenario(flow, scenario([...steps, { send: { quickReply: 'Yes' } }]));
    expect(tapping.failures[0]?.message).toContain('no quick reply titled "Yes"');
    // The bot did not write for 24 hours, so the next reply starts with the disclosure again.
    expect(
      runScenario(
        flow,
        scenario([
          ...steps,
          { send: { text: 'hello?' } },
          { expect: [{ text: 'I am a bot.' }, { text: 'Welcome back' }] },
        ]),
      ).failures,
    ).toEqual([]);
  });

  it('still sends a delayed reply that falls within 24 hours', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'wait' } },
        { id: 'wait', type: 'delay', data: { seconds: 24 * 3600 - 2 }, outputs: { next: 'late' } },
        { id: 'late', type: 'message', data: { blocks: [{ type: 'text', text: 'Still there?' }] } },
      ],
      { entries: { getStarted: 'start' } },
    );
    const steps: ScenarioStep[] = [
      { send: { getStarted: true } },
      { wait: 24 * 3600 },
      { expect: [{ text: 'Still there?' }] },
    ];
    expect(runScenario(flow, scenario(steps)).failures).toEqual([]);
  });

  it('replays split picks exactly for the same seed', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'ab' } },
        {
          id: 'ab',
          type: 'split',
          data: {
            variants: [
              { id: 'a', weight: 1 },
              { id: 'b', weight: 1 },
            ],
          },
          outputs: { 'variant:a': 'ma', 'variant:b': 'mb' },
        },
        { id: 'ma', type: 'message', data: { blocks: [{ type: 'text', text: 'A' }] } },
        { id: 'mb', type: 'message', data: { blocks: [{ type: 'text', text: 'B' }] } },
      ],
      { entries: { getStarted: 'start' } },
    );
    const picks = (seed: number) =>
      Array.from({ length: 8 }, () => 0).map((_, i) => {
        const r = runScenario(
          flow,
          scenario(
            Array.from({ length: i + 1 }, () => ({ send: { getStarted: true } })),
            { seed },
          ),
        );
        return r.trace
          .filter((t) => t.type === 'take' && t.step === 'ab')
          .map((t) => (t.type === 'take' ? t.handle : ''))
          .at(-1);
      });
    expect(picks(7)).toEqual(picks(7));
    expect(new Set(picks(7)).size).toBe(2);
  });

  it('reports an engine error such as the turn limit as a failure', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'loop' } },
        { id: 'loop', type: 'goto', data: { target: 'start' } },
      ],
      { entries: { getStarted: 'start' } },
    );
    const result = runScenario(flow, scenario([{ send: { getStarted: true } }]));
    expect(result.failures[0]?.message).toMatch(/^engine error at .*: turn-limit/);
  });
});

describe('attachments in scenarios', () => {
  const photoFlow = () =>
    testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'ask' } },
        {
          id: 'ask',
          type: 'input',
          data: { prompt: 'Photo?', kind: 'image', variable: 'photo', retryPrompt: 'A photo!' },
          outputs: { ok: 'thanks' },
        },
        { id: 'thanks', type: 'message', data: { blocks: [{ type: 'text', text: 'Thanks' }] } },
      ],
      { entries: { getStarted: 'start' } },
    );

  it('replays a sticker, a location and several photos as the engine reads them', () => {
    const result = runScenario(
      photoFlow(),
      scenario([
        { send: { getStarted: true } },
        { expect: [{ text: 'Photo?' }] },
        {
          send: {
            attachment: { type: 'location', url: 'https://www.openstreetmap.org/?mlat=1&mlon=2' },
          },
        },
        { expect: [{ text: 'A photo!' }] },
        {
          send: {
            attachment: {
              type: 'file',
              url: 'https://x/a.pdf',
              more: [
                { type: 'sticker', url: 'https://x/s.png' },
                { type: 'image', url: 'https://x/p.jpg' },
              ],
            },
          },
        },
        { expect: [{ text: 'Thanks' }] },
        { expectVars: { photo: 'https://x/s.png' } },
      ]),
    );
    expect(result.failures).toEqual([]);
  });
});

describe('Scenario schema', () => {
  it('accepts the docs/format.md §4 example and rejects unknown step kinds', () => {
    const example = {
      format: 'threadline.scenario',
      version: 1,
      flow: 'shoe-shop.flow.json',
      name: 'asks for the size and confirms',
      user: { first_name: 'Anna' },
      seed: 1,
      steps: [
        { send: { getStarted: true } },
        {
          expect: [
            { text: 'Hi Anna! What can I do for you?', quickReplies: ['Find shoes', 'My order'] },
          ],
        },
        { send: { quickReply: 'Find shoes' } },
        { expect: [{ textContains: 'size' }] },
        { send: { text: 'forty' } },
        { expectVars: { size: 42 } },
        { wait: 3600 },
        { send: { attachment: { type: 'image', url: 'https://x' } } },
        { send: { menu: 'Start over' } },
        { send: { button: 'More' } },
        { send: { ref: 'promo' } },
        { expectTags: [] },
      ],
    };
    expect(Scenario.safeParse(example).success).toBe(true);
    expect(Scenario.safeParse({ ...example, steps: [{ sleep: 1 }] }).success).toBe(false);
  });
});

describe('comments in scenarios', () => {
  const flow = () =>
    testFlow(
      [
        {
          id: 'c',
          type: 'trigger',
          data: { kind: 'comment', postId: 'p9', keywords: ['price'] },
          outputs: { out: 'ask' },
        },
        {
          id: 'ask',
          type: 'message',
          data: {
            blocks: [{ type: 'text', text: 'It is 20 €. Order?' }],
            quickReplies: [{ id: 'y', title: 'Yes' }],
          },
          outputs: { 'reply:y': 'done' },
        },
        { id: 'done', type: 'message', data: { blocks: [{ type: 'text', text: 'Ordered' }] } },
      ],
      {
        entries: {
          comments: [{ postId: 'p9', keywords: ['price'], match: 'contains', target: 'c' }],
        },
      },
    );

  it('plays a comment on a post, answered privately, then the chat goes on', () => {
    const result = runScenario(
      flow(),
      scenario([
        { send: { comment: 'What is the price?', postId: 'p9' } },
        { expect: [{ text: 'It is 20 €. Order?', quickReplies: ['Yes'] }] },
        { send: { quickReply: 'Yes' } },
        { expect: [{ text: 'Ordered' }] },
      ]),
    );
    expect(result.failures).toEqual([]);
  });

  it('answers nothing to a comment on another post (the default post is post-1)', () => {
    const result = runScenario(
      flow(),
      scenario([{ send: { comment: 'What is the price?' } }, { expect: [] }]),
    );
    expect(result.failures).toEqual([]);
  });

  it('reads {"send": {"comment": ...}} from a scenario file', () => {
    expect(Scenario.safeParse(scenario([{ send: { comment: 'hi' } }])).success).toBe(true);
    expect(Scenario.safeParse(scenario([{ send: { comment: '' } }])).success).toBe(false);
  });
});
