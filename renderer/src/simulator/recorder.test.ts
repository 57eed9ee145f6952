import { describe, expect, it } from 'vitest';
import { compileFlow, FlowDocument } from '../../../flows';
import { runScenario } from '../../../flows/scenario';
import leadJson from '../../../flows/examples/lead-capture.flow.json';
import shopJson from '../../../flows/examples/shop.flow.json';
import { conversationItems, openQuickReplies } from './conversation';
import { createSimulatorStore, type SimulatorStore } from './createSimulatorStore';
import { recordScenario } from './recorder';
import { defaultSettings } from './settings';
import { userEvents } from './userEvents';

const offline = () => Promise.reject(new Error('offline'));

function storeFor(json: unknown): SimulatorStore {
  const store = createSimulatorStore({ callHost: offline, settings: { ...defaultSettings } });
  store.getState().loadDraft(FlowDocument.parse(json));
  return store;
}

function tapReply(store: SimulatorStore, title: string) {
  const open = openQuickReplies(conversationItems(store.getState().turns));
  const reply = open?.item.message.quickReplies?.find(
    (q) => q.type === 'text' && q.title === title,
  );
  if (!reply || reply.type !== 'text') throw new Error(`no quick reply ${title}`);
  return store.getState().send(userEvents.quickReply(reply));
}

function record(store: SimulatorStore, name: string) {
  const { turns, settings, runSeed, edited } = store.getState();
  return recordScenario(turns, {
    name,
    flowFile: 'flow.flow.json',
    user: settings.user,
    seed: runSeed,
    edited,
  });
}

describe('recording a simulated chat', () => {
  it('keeps the HTTP answer the tester typed in, so the scenario replays offline and passes', async () => {
    const store = storeFor(shopJson);
    await store.getState().send(userEvents.text('order'));
    const sending = store.getState().send(userEvents.text('104233'));
    await expect.poll(() => store.getState().httpPrompt).not.toBeNull();
    store.getState().answerHttp({
      status: 200,
      body: '{"status":"shipped","trackingUrl":"https://t.example/1"}',
    });
    await sending;

    const scenario = record(store, 'order shipped');
    expect(scenario.http).toEqual({
      'n-order-lookup': [
        { status: 200, body: '{"status":"shipped","trackingUrl":"https://t.example/1"}' },
      ],
    });
    expect(scenario.steps).toContainEqual({
      expectVars: expect.objectContaining({ order_status: 'shipped', order_number: '104233' }),
    });
    const compiled = compileFlow(FlowDocument.parse(shopJson));
    if (!compiled.ok) throw new Error('shop does not compile');
    expect(runScenario(compiled.compiled, scenario).failures).toEqual([]);
  });

  it('turns a skipped delay into a wait, and the follow-up it sent into the next expect', async () => {
    const store = storeFor(leadJson);
    await store.getState().send(userEvents.getStarted());
    await tapReply(store, 'Yes please!');
    await store.getState().send(userEvents.text('anna@example.com'));
    await tapReply(store, 'Yes, call me');
    await store.getState().send(userEvents.text('+49 151 23456789'));
    expect(store.getState().session?.wait).toMatchObject({ kind: 'delay', step: 'n-wait' });

    await store.getState().skipDelay();
    const scenario = record(store, 'follow-up');
    const wait = scenario.steps.findIndex((s) => 'wait' in s);
    expect(scenario.steps[wait]).toEqual({ wait: 82800 });
    expect(scenario.steps[wait + 1]).toEqual({
      expect: [
        {
          text: 'Hi Anna, did you get a chance to look at the guide? Chapter 3 has a 4-week plan for beginners.',
          quickReplies: ['Loved it!', 'I have a question'],
        },
      ],
    });
    const compiled = compileFlow(FlowDocument.parse(leadJson));
    if (!compiled.ok) throw new Error('lead capture does not compile');
    expect(runScenario(compiled.compiled, scenario).failures).toEqual([]);
  });

  it('leaves out the state checks when the tester edited variables by hand', async () => {
    const store = storeFor(leadJson);
    await store.getState().send(userEvents.getStarted());
    store.getState().setVariable('phone', '+49 151 23456789');
    const scenario = record(store, 'edited');
    expect(scenario.steps.some((s) => 'expectVars' in s || 'expectTags' in s)).toBe(false);
  });
});
