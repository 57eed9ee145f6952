import { describe, expect, it } from 'vitest';
import { runScenario } from '../scenario/runner';
import { scenarioFromTurns } from '../scenario/record';
import { ChatSimulator, SIMULATION_START } from './simulator';
import { Player, testFlow } from './testFlow';

const flow = testFlow(
  [
    { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'ask' } },
    {
      id: 'ask',
      type: 'message',
      data: {
        blocks: [
          {
            type: 'text',
            text: 'Order?',
            buttons: [{ id: 'track', type: 'postback', title: 'Track' }],
          },
        ],
        quickReplies: [{ id: 'later', title: 'Later' }],
      },
      outputs: { 'reply:later': 'wait', 'button:track': 'call' },
    },
    { id: 'wait', type: 'delay', data: { seconds: 3600 }, outputs: { next: 'ping' } },
    {
      id: 'ping',
      type: 'message',
      data: { blocks: [{ type: 'text', text: 'Still there?' }] },
      outputs: { next: 'ab' },
    },
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
    {
      id: 'call',
      type: 'http',
      data: {
        method: 'GET',
        url: 'https://api/{{user_id}}',
        save: [{ variable: 's', path: '$.s' }],
      },
      outputs: { ok: 'done', error: 'oops' },
    },
    { id: 'done', type: 'message', data: { blocks: [{ type: 'text', text: 'Status {{s}}' }] } },
    { id: 'oops', type: 'message', data: { blocks: [{ type: 'text', text: 'Oops' }] } },
  ],
  { entries: { getStarted: 'start' } },
);

describe('ChatSimulator', () => {
  it('runs a pending delay on demand and moves the virtual clock to its due time', async () => {
    const sim = new ChatSimulator(flow, { seed: 3 });
    await sim.send({ type: 'get_started' });
    await sim.send({ type: 'quick_reply', payload: 'TL1:r:ask:later', text: 'Later' });
    expect(sim.pendingDelay()).toEqual({ step: 'wait', dueAt: SIMULATION_START + 2000 + 3600_000 });
    const turns = await sim.skipDelay();
    expect(Player.texts(turns.flatMap((t) => t.actions))[0]).toBe('Still there?');
    expect(sim.now).toBe(SIMULATION_START + 2000 + 3600_000);
    expect(sim.pendingDelay()).toBeNull();
  });

  it('resolves http steps with the injected async function', async () => {
    const seen: string[] = [];
    const sim = new ChatSimulator(flow, {
      user: { id: 'u7' },
      http: async (r) => {
        seen.push(r.url);
        return { status: 200, body: { s: 'shipped' } };
      },
    });
    await sim.send({ type: 'get_started' });
    const turns = await sim.send({ type: 'postback', payload: 'TL1:b:ask:track', title: 'Track' });
    expect(seen).toEqual(['https://api/u7']);
    expect(turns.map((t) => t.event.type)).toEqual(['postback', 'http_result']);
    expect(Player.texts(turns.flatMap((t) => t.actions))).toEqual(['Status shipped']);
  });

  it('travels back in time and replays the same split picks', async () => {
    const sim = new ChatSimulator(flow, { seed: 11 });
    await sim.send({ type: 'get_started' });
    await sim.send({ type: 'quick_reply', payload: 'TL1:r:ask:later', text: 'Later' });
    const first = Player.texts((await sim.skipDelay()).flatMap((t) => t.actions));
    sim.rewind(2);
    expect(sim.turns).toHaveLength(2);
    expect(sim.pendingDelay()).not.toBeNull();
    const again = Player.texts((await sim.skipDelay()).flatMap((t) => t.actions));
    expect(again).toEqual(first);
    sim.rewind(0);
    expect(sim.turns).toEqual([]);
    expect(sim.session.wait).toBeNull();
  });

  it('records a chat as a scenario that replays and passes', async () => {
    const sim = new ChatSimulator(flow, { seed: 5, user: { first_name: 'Rita' } });
    await sim.send({ type: 'get_started' });
    await sim.send({ type: 'text', text: 'hmm' });
    await sim.send({ type: 'quick_reply', payload: 'TL1:r:ask:later', text: 'Later' });
    await sim.skipDelay();
    const scenario = scenarioFromTurns(sim.turns, {
      flow: 'x.flow.json',
      name: 'recorded',
      seed: 5,
      user: { first_name: 'Rita' },
    });
    expect(scenario.steps.slice(0, 5)).toEqual([
      { send: { getStarted: true } },
      { expect: [{ text: 'Order?', buttons: ['Track'], quickReplies: ['Later'] }] },
      { send: { text: 'hmm' } },
      { expect: [] },
      { send: { quickReply: 'Later' } },
    ]);
    expect(scenario.steps[6]).toEqual({ wait: 3600 });
    expect(runScenario(flow, scenario)).toMatchObject({ passed: true, failures: [] });
  });

  it('records the http answers a chat got, so the replay takes the same path', async () => {
    const sim = new ChatSimulator(flow, {
      http: async () => ({ status: 200, body: { s: 'late' } }),
    });
    await sim.send({ type: 'get_started' });
    await sim.send({ type: 'postback', payload: 'TL1:b:ask:track', title: 'Track' });
    const scenario = scenarioFromTurns(sim.turns, { flow: 'x.flow.json', name: 'http' });
    expect(scenario.http).toEqual({ call: [{ status: 200, body: { s: 'late' } }] });
    expect(scenario.steps.at(-1)).toEqual({ expect: [{ text: 'Status late' }] });
    expect(runScenario(flow, scenario).failures).toEqual([]);
  });
});
