import { describe, expect, it } from 'vitest';
import shopJson from '../examples/shop.flow.json';
import { compileFlow } from '../compile';
import { validateFlowDocument } from '../load';
import { EngineAction } from './actions';
import { EngineEvent } from './events';
import { Session } from './session';
import { ChatSimulator } from './simulator';

describe('engine schemas', () => {
  it('describe every session, event and action a real conversation produces, as plain JSON', async () => {
    const loaded = validateFlowDocument(shopJson);
    if (!loaded.ok) throw new Error('shop does not load');
    const compiled = compileFlow(loaded.document);
    if (!compiled.ok) throw new Error('shop does not compile');
    const sim = new ChatSimulator(compiled.compiled, {
      user: { first_name: 'Anna', locale: 'de_DE' },
      http: async () => ({ status: 200, body: '{"status":"shipped","trackingUrl":"https://t/1"}' }),
    });
    await sim.send({ type: 'get_started' });
    await sim.send({
      type: 'quick_reply',
      payload: 'TL1:r:n-welcome:browse',
      text: 'Browse shoes',
    });
    await sim.send({
      type: 'postback',
      payload: 'TL1:b:n-catalog:pick-city',
      title: 'Choose this one',
    });
    await sim.send({ type: 'text', text: '44' });
    await sim.send({ type: 'postback', payload: 'TL1:menu:n-order-ask', title: 'Track my order' });
    await sim.send({ type: 'text', text: '104233' });
    await sim.send({ type: 'quick_reply', payload: 'TL1:r:n-more:done', text: "That's all" });
    await sim.send({ type: 'text', text: 'human' });
    await sim.send({ type: 'handover_returned' });
    expect(sim.turns).toHaveLength(10);
    for (const turn of sim.turns) {
      expect(EngineEvent.parse(turn.event)).toEqual(turn.event);
      for (const action of turn.actions) expect(EngineAction.parse(action)).toEqual(action);
      const stored = JSON.parse(JSON.stringify(turn.session));
      expect(Session.parse(stored)).toEqual(turn.session);
    }
    expect(sim.turns.flatMap((t) => t.actions.map((a) => a.type))).toEqual(
      expect.arrayContaining(['send_text', 'send_cards', 'http_request', 'handover']),
    );
    expect(sim.session.variables).toMatchObject({
      product: 'City Walker',
      size: 44,
      order_status: 'shipped',
    });
  });

  it('rejects a stored session that lost its shape', () => {
    expect(Session.safeParse({ version: 1, flowRevision: 'x' }).success).toBe(false);
  });
});
