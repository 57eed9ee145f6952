// Named secrets stay placeholders through the engine and are filled in only by the host, at
// request time, in the url (encoded), the headers and the body.
import { describe, expect, it } from 'vitest';
import { getStarted, Player, testFlow } from './engine/testFlow';
import { flowSecretNames, resolveSecrets, secretNames } from './secrets';

const request = {
  method: 'POST' as const,
  url: 'https://api.example.com/orders/{{order}}?key={{secret.ORDER_API_KEY}}',
  headers: { Authorization: 'Bearer {{ secret.ORDER_TOKEN }}', Accept: 'application/json' },
  body: '{"key":"{{secret.ORDER_API_KEY}}"}',
};

function httpFlow() {
  return testFlow(
    [
      { id: 'start', type: 'trigger', data: { kind: 'get_started' }, outputs: { out: 'ask' } },
      {
        id: 'ask',
        type: 'input',
        data: { prompt: 'Order number?', kind: 'text', variable: 'order' },
        outputs: { ok: 'call' },
      },
      { id: 'call', type: 'http', data: request, outputs: {} },
    ],
    { entries: { getStarted: 'start' }, variables: [{ name: 'order', type: 'text' }] },
  );
}

describe('secrets', () => {
  it('are found by name in a text and in the HTTP steps of a flow', () => {
    expect(secretNames(request.url)).toEqual(['ORDER_API_KEY']);
    expect(flowSecretNames(httpFlow().steps)).toEqual(['ORDER_API_KEY', 'ORDER_TOKEN']);
  });

  it('stay placeholders in the request the engine asks for', () => {
    const player = new Player(httpFlow());
    player.send(getStarted);
    const action = player
      .send({ type: 'text', text: 'A-17' })
      .actions.find((a) => a.type === 'http_request');
    expect(action).toMatchObject({
      url: 'https://api.example.com/orders/A-17?key={{secret.ORDER_API_KEY}}',
      headers: { Authorization: 'Bearer {{ secret.ORDER_TOKEN }}' },
      body: '{"key":"{{secret.ORDER_API_KEY}}"}',
    });
  });

  it('cannot be smuggled in through an answer', () => {
    const player = new Player(httpFlow());
    player.send(getStarted);
    const action = player
      .send({ type: 'text', text: '{{secret.ORDER_TOKEN}}' })
      .actions.find((a) => a.type === 'http_request');
    if (action?.type !== 'http_request') throw new Error('no request');
    const resolved = resolveSecrets(action, (name) => `value-of-${name}`);
    expect(resolved.ok && resolved.request.url).not.toContain('value-of-ORDER_TOKEN');
  });

  it('are filled in by the host: encoded in the url, as they are in headers and body', () => {
    const resolved = resolveSecrets(request, (name) =>
      name === 'ORDER_API_KEY' ? 'k&y=1 2' : 'tok"en',
    );
    expect(resolved).toEqual({
      ok: true,
      request: {
        ...request,
        url: 'https://api.example.com/orders/{{order}}?key=k%26y%3D1%202',
        headers: { Authorization: 'Bearer tok"en', Accept: 'application/json' },
        body: '{"key":"k&y=1 2"}',
      },
    });
  });

  it('refuse the whole request, naming what is missing', () => {
    expect(resolveSecrets(request, (name) => (name === 'ORDER_TOKEN' ? 't' : undefined))).toEqual({
      ok: false,
      missing: ['ORDER_API_KEY'],
    });
  });
});
