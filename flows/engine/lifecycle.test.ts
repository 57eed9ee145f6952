import { describe, expect, it } from 'vitest';
import { shopLike } from './fixture';
import { CONVERSATION_GAP_MS } from './session';
import type { EngineEvent } from './events';
import { step } from './step';
import { getStarted, Player, T0, testFlow, text } from './testFlow';
import { MAX_STEPS_PER_TURN } from './run';

const texts = Player.texts;
const HOUR = 3600_000;

describe('disclosure', () => {
  it('goes before the first reply of a first contact, once', () => {
    const p = new Player(shopLike({ disclosure: 'I am a bot, {{user_first_name}}.' }));
    expect(texts(p.send(getStarted).actions)).toEqual(['I am a bot, Anna.', 'Hi Anna!']);
    expect(texts(p.send(text('help')).actions)).toEqual(['Help text']);
  });

  it('goes again after 24 hours in which neither side wrote', () => {
    const p = new Player(shopLike({ disclosure: 'Bot.' }));
    p.send(getStarted);
    expect(texts(p.send(text('help'), 23 * HOUR).actions)).toEqual(['Help text']);
    expect(texts(p.send(text('help'), CONVERSATION_GAP_MS).actions)).toEqual(['Bot.', 'Help text']);
  });

  it('waits for an actual reply: silence does not use it up', () => {
    const p = new Player(shopLike({ disclosure: 'Bot.', withDefault: false }));
    p.send(text('blah'));
    expect(p.session.disclosureDue).toBe(true);
    expect(texts(p.send(getStarted).actions)).toEqual(['Bot.', 'Hi Anna!']);
  });

  it('goes before the first message after a human handed the thread back', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'human' } },
        {
          id: 'human',
          type: 'handover',
          data: { note: 'VIP {{user_first_name}}' },
          outputs: { returned: 'back' },
        },
        { id: 'back', type: 'message', data: { blocks: [{ type: 'text', text: 'Welcome back' }] } },
      ],
      { entries: { getStarted: 'start' }, disclosure: 'Bot.' },
    );
    const p = new Player(flow);
    const first = p.send(getStarted);
    expect(first.actions).toEqual([{ type: 'handover', step: 'human', note: 'VIP Anna' }]);
    expect(p.session.wait).toMatchObject({ kind: 'handover', step: 'human' });
    expect(p.send(text('hello human')).actions).toEqual([]);
    expect(texts(p.send({ type: 'handover_returned' }).actions)).toEqual(['Bot.', 'Welcome back']);
  });
});

describe('rule 1 during a handover', () => {
  const flow = testFlow(
    [
      { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'hi' } },
      { id: 'hi', type: 'message', data: { blocks: [{ type: 'text', text: 'Hi' }] } },
      {
        id: 'kw',
        type: 'trigger',
        data: { kind: 'keyword', keywords: ['human'], match: 'exact' },
        outputs: { out: 'human' },
      },
      { id: 'human', type: 'handover', data: {}, outputs: { returned: 'hi' } },
      { id: 'help', type: 'message', data: { blocks: [{ type: 'text', text: 'Help' }] } },
    ],
    {
      entries: {
        getStarted: 'start',
        keywords: [{ keywords: ['human'], match: 'exact', target: 'kw' }],
        refs: [{ ref: 'promo', target: 'help' }],
      },
    },
  );
  const handedOver = () => {
    const p = new Player(flow);
    p.send(text('human'));
    expect(p.session.wait).toMatchObject({ kind: 'handover', step: 'human' });
    return p;
  };

  it('takes the thread back before it answers Get Started, a menu item or a ref', () => {
    const events: EngineEvent[] = [
      getStarted,
      { type: 'postback', payload: 'TL1:menu:help' },
      { type: 'postback', payload: 'TL1:ice:help' },
      { type: 'referral', ref: 'promo' },
    ];
    for (const event of events) {
      const p = handedOver();
      const { actions } = p.send(event);
      expect(actions[0], JSON.stringify(event)).toEqual({ type: 'take_thread_control' });
      expect(texts(actions)).toHaveLength(1);
      expect(p.session.wait).toBeNull();
      // Taken once: the next rule-1 event finds the thread already ours.
      expect(p.send(event).actions.map((a) => a.type)).not.toContain('take_thread_control');
    }
  });

  it('leaves the thread with the person for anything else, and with nothing to run', () => {
    const p = handedOver();
    expect(p.send(text('hello?')).actions).toEqual([]);
    expect(p.send({ type: 'postback', payload: 'TL1:b:hi:x' }).actions).toEqual([]);
    // An unknown ref in a flow without a default trigger: nothing answers, nothing is taken.
    expect(p.send({ type: 'referral', ref: 'nope' }).actions).toEqual([]);
    expect(p.session.wait).toMatchObject({ kind: 'handover' });
  });
});

describe('delays', () => {
  const flow = testFlow(
    [
      { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'wait' } },
      { id: 'wait', type: 'delay', data: { seconds: 3600 }, outputs: { next: 'later' } },
      { id: 'later', type: 'message', data: { blocks: [{ type: 'text', text: 'An hour later' }] } },
      { id: 'any', type: 'trigger', data: { kind: 'default' }, outputs: { out: 'hm' } },
      { id: 'hm', type: 'message', data: { blocks: [{ type: 'text', text: 'Hm?' }] } },
    ],
    { entries: { getStarted: 'start', default: 'any' } },
  );

  it('schedules a resume and continues when it falls due', () => {
    const p = new Player(flow);
    const r = p.send(getStarted);
    const dueAt = T0 + 1000 + HOUR;
    expect(r.actions).toEqual([{ type: 'schedule_resume', step: 'wait', dueAt }]);
    expect(p.session.wait).toEqual({ kind: 'delay', step: 'wait', dueAt });
    expect(texts(p.send({ type: 'resume', step: 'wait', dueAt }, HOUR).actions)).toEqual([
      'An hour later',
    ]);
  });

  it('cancels the pending delay when an event moves the session elsewhere', () => {
    const p = new Player(flow);
    p.send(getStarted);
    const dueAt = T0 + 1000 + HOUR;
    expect(texts(p.send(text('what?')).actions)).toEqual(['Hm?']);
    const late = p.send({ type: 'resume', step: 'wait', dueAt }, HOUR);
    expect(late.actions).toEqual([]);
    expect(late.trace).toEqual([
      { type: 'ignored', reason: 'a delay that no longer applies fell due' },
    ]);
  });
});

describe('the 24-hour window', () => {
  const DAY = 24 * HOUR;
  const flow = testFlow(
    [
      { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'wait' } },
      { id: 'wait', type: 'delay', data: { seconds: DAY / 1000 }, outputs: { next: 'later' } },
      {
        id: 'later',
        type: 'message',
        data: {
          blocks: [
            { type: 'typing', seconds: 1 },
            { type: 'text', text: 'A day later' },
          ],
        },
      },
    ],
    { entries: { getStarted: 'start' }, disclosure: 'Bot.' },
  );

  it('sends a reply exactly 24 hours after the user wrote', () => {
    const p = new Player(flow);
    p.send(getStarted);
    const dueAt = T0 + 1000 + DAY;
    const r = p.send({ type: 'resume', step: 'wait', dueAt }, DAY);
    expect(texts(r.actions)).toEqual(['Bot.', 'A day later']);
  });

  it('drops a reply past 24 hours: no typing, no disclosure, and the bot did not write', () => {
    const p = new Player(flow);
    p.send(getStarted);
    const before = p.session;
    const dueAt = T0 + 1000 + DAY;
    const r = p.send({ type: 'resume', step: 'wait', dueAt }, DAY + 1);
    expect(r.actions).toEqual([
      {
        type: 'dropped',
        reason: 'outside-window',
        message: { type: 'send_text', text: 'A day later', step: 'later' },
      },
    ]);
    expect(p.session.lastBotAt).toBe(before.lastBotAt);
    expect(p.session.disclosureDue).toBe(true);
  });
});

describe('split, goto, end and the turn guard', () => {
  const splitFlow = testFlow(
    [
      { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'ab' } },
      {
        id: 'ab',
        type: 'split',
        data: {
          variants: [
            { id: 'a', weight: 1 },
            { id: 'b', weight: 3 },
          ],
        },
        outputs: { 'variant:a': 'ma', 'variant:b': 'mb' },
      },
      { id: 'ma', type: 'message', data: { blocks: [{ type: 'text', text: 'A' }] } },
      { id: 'mb', type: 'message', data: { blocks: [{ type: 'text', text: 'B' }] } },
    ],
    { entries: { getStarted: 'start' } },
  );

  it('picks split variants by weight with the injected random source', () => {
    const pick = (r: number) =>
      texts(new Player(splitFlow, undefined, () => r).send(getStarted).actions);
    expect(pick(0)).toEqual(['A']);
    expect(pick(0.249)).toEqual(['A']);
    expect(pick(0.25)).toEqual(['B']);
    expect(pick(0.999)).toEqual(['B']);
  });

  it('jumps with goto and stops at end with nothing waiting', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'jump' } },
        { id: 'jump', type: 'goto', data: { target: 'bye' } },
        {
          id: 'bye',
          type: 'message',
          data: { blocks: [{ type: 'text', text: 'Bye' }] },
          outputs: { next: 'stop' },
        },
        { id: 'stop', type: 'end', data: {} },
      ],
      { entries: { getStarted: 'start' } },
    );
    const r = new Player(flow).send(getStarted);
    expect(texts(r.actions)).toEqual(['Bye']);
    expect(
      r.trace.filter((t) => t.type === 'enter').map((t) => (t.type === 'enter' ? t.step : '')),
    ).toEqual(['start', 'jump', 'bye', 'stop']);
    expect(r.session.wait).toBeNull();
  });

  it('stops a turn after 100 steps with a logged error', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'count' } },
        {
          id: 'count',
          type: 'action',
          data: { actions: [{ type: 'increment', variable: 'n', by: 1 }] },
          outputs: { next: 'again' },
        },
        { id: 'again', type: 'goto', data: { target: 'count' } },
      ],
      { entries: { getStarted: 'start' } },
    );
    const r = new Player(flow).send(getStarted);
    expect(r.trace.filter((t) => t.type === 'enter')).toHaveLength(MAX_STEPS_PER_TURN);
    expect(r.actions).toEqual([
      expect.objectContaining({ type: 'log', level: 'error', code: 'turn-limit' }),
    ]);
    expect(r.session.variables['n']).toBe(50);
  });
});

describe('republishing', () => {
  it('restarts cleanly when the step the session waited at is gone', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    p.send({ type: 'quick_reply', payload: 'TL1:r:menu:ask' });
    const next = shopLike();
    next.revision = 'b'.repeat(64);
    next.steps = next.steps.filter((s) => s.id !== 'ask-email');
    const r = step(next, p.session, text('anna@example.com'), {
      now: T0 + 10_000,
      random: () => 0,
    });
    expect(texts(r.actions)).toEqual(['Sorry']);
    expect(r.session.flowRevision).toBe('b'.repeat(64));
    expect(r.session.variables).toEqual({});
  });

  it('stops waiting at a message whose quick replies were removed', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    const next = shopLike();
    next.revision = 'd'.repeat(64);
    const menu = next.steps.find((s) => s.id === 'menu');
    if (menu?.type === 'message') delete menu.data.quickReplies;
    const r = step(next, p.session, text('Shop'), { now: T0 + 10_000, random: () => 0 });
    expect(texts(r.actions)).toEqual(['Sorry']);
  });

  it('keeps waiting at a step that still exists in the new revision', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    p.send({ type: 'quick_reply', payload: 'TL1:r:menu:ask' });
    const next = { ...shopLike(), revision: 'c'.repeat(64) };
    const r = step(next, p.session, text('anna@example.com'), {
      now: T0 + 10_000,
      random: () => 0,
    });
    expect(texts(r.actions)).toEqual(['Thanks anna@example.com']);
  });
});

describe('http steps', () => {
  const flow = testFlow(
    [
      { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'call' } },
      {
        id: 'call',
        type: 'http',
        data: {
          method: 'POST',
          url: 'https://api.example.com/u/{{user_id}}',
          headers: { 'X-Name': '{{user_first_name}}' },
          body: '{"n":1}',
          save: [
            { variable: 'status', path: '$.order.status' },
            { variable: 'count', path: '$.items[1]' },
          ],
        },
        outputs: { ok: 'ok', error: 'err' },
      },
      {
        id: 'ok',
        type: 'message',
        data: { blocks: [{ type: 'text', text: 'Status {{status}}, {{count}}' }] },
      },
      { id: 'err', type: 'message', data: { blocks: [{ type: 'text', text: 'Failed' }] } },
    ],
    { entries: { getStarted: 'start' }, variables: [{ name: 'count', type: 'number' }] },
  );

  it('asks the host for the request and follows ok with saved values on a 2xx answer', () => {
    const p = new Player(flow);
    const [request] = p.send(getStarted).actions;
    expect(request).toEqual({
      type: 'http_request',
      step: 'call',
      requestId: expect.any(String),
      method: 'POST',
      url: 'https://api.example.com/u/psid-1',
      headers: { 'X-Name': 'Anna' },
      body: '{"n":1}',
      timeoutMs: 5000,
    });
    const requestId = request?.type === 'http_request' ? request.requestId : '';
    const r = p.send({
      type: 'http_result',
      requestId,
      status: 200,
      body: '{"order":{"status":"shipped"},"items":[1,"7"]}',
    });
    expect(texts(r.actions)).toEqual(['Status shipped, 7']);
    expect(p.session.variables).toEqual({ status: 'shipped', count: 7 });
  });

  it('follows error on a non-2xx status or a transport error, and ignores stale answers', () => {
    for (const result of [{ status: 500 }, { error: 'timeout' }]) {
      const p = new Player(flow);
      const [request] = p.send(getStarted).actions;
      const requestId = request?.type === 'http_request' ? request.requestId : '';
      expect(p.send({ type: 'http_result', requestId: 'old', status: 200 }).actions).toEqual([]);
      expect(texts(p.send({ type: 'http_result', requestId, ...result }).actions)).toEqual([
        'Failed',
      ]);
    }
  });
});

describe('purity', () => {
  it('never mutates the session it was given and replays identically', () => {
    const p = new Player(shopLike());
    p.send(getStarted);
    const before = p.session;
    const frozen = structuredClone(before);
    deepFreeze(before);
    const ctx = { now: T0 + 5000, random: () => 0.5 };
    const a = step(p.flow, before, { type: 'quick_reply', payload: 'TL1:r:menu:ask' }, ctx);
    const b = step(p.flow, before, { type: 'quick_reply', payload: 'TL1:r:menu:ask' }, ctx);
    expect(before).toEqual(frozen);
    expect(a).toEqual(b);
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe('subscriber state and hand-overs', () => {
  const flow = testFlow(
    [
      { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'count' } },
      {
        id: 'count',
        type: 'action',
        data: {
          actions: [
            { type: 'increment', variable: 'visits', by: 1 },
            { type: 'add_tag', tag: 'seen' },
          ],
        },
        outputs: { next: 'stop' },
      },
      { id: 'stop', type: 'end', data: {} },
      {
        id: 'kw',
        type: 'trigger',
        data: { kind: 'keyword', keywords: ['human'], match: 'exact' },
        outputs: { out: 'human' },
      },
      { id: 'human', type: 'handover', data: {}, outputs: { returned: 'back' } },
      {
        id: 'back',
        type: 'message',
        data: { blocks: [{ type: 'text', text: 'Back: {{visits}} visits' }] },
      },
      { id: 'any', type: 'trigger', data: { kind: 'default' }, outputs: { out: 'echo' } },
      {
        id: 'echo',
        type: 'message',
        data: { blocks: [{ type: 'text', text: 'You said {{last_input}}' }] },
      },
    ],
    {
      entries: {
        getStarted: 'start',
        keywords: [{ keywords: ['human'], match: 'exact', target: 'kw' }],
        default: 'any',
      },
    },
  );

  it('keeps variables and tags across runs and triggers; end only stops the run', () => {
    const p = new Player(flow);
    p.send(getStarted);
    expect(p.session.wait).toBeNull();
    p.send(getStarted);
    p.send(text('hi'));
    expect(p.session.variables).toEqual({ visits: 2 });
    expect(p.session.tags).toEqual(['seen']);
    expect(texts(p.send({ type: 'handover_returned' }).actions)).toEqual([]);
  });

  it('ignores the user while a human has the thread, and answers again once ownership lapsed after 24 h', () => {
    const p = new Player(flow);
    p.send(text('human'));
    const ignored = p.send(text('hello'), 23 * HOUR);
    expect(ignored.actions).toEqual([]);
    expect(ignored.trace).toEqual([
      { type: 'ignored', reason: 'the thread is with a human in the Page Inbox' },
    ]);
    expect(texts(p.send(text('anyone?'), 2 * HOUR).actions)).toEqual(['You said anyone?']);
    expect(p.session.wait).toBeNull();
  });

  it('still starts get started while handed over (rule 1)', () => {
    const p = new Player(flow);
    p.send(text('human'));
    p.send(getStarted);
    expect(p.session.wait).toBeNull();
    expect(p.session.variables).toEqual({ visits: 1 });
  });

  it('uses the weights it has: a zero-weight variant is never picked', () => {
    const zero = testFlow(
      [
        { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'ab' } },
        {
          id: 'ab',
          type: 'split',
          data: {
            variants: [
              { id: 'a', weight: 1 },
              { id: 'b', weight: 0 },
            ],
          },
        },
      ],
      { entries: { getStarted: 'start' } },
    );
    for (const r of [0, 0.5, 0.9999999999]) {
      const trace = new Player(zero, undefined, () => r).send(getStarted).trace;
      expect(trace).toContainEqual({ type: 'take', step: 'ab', handle: 'variant:a' });
    }
  });
});
