// HTTP nodes run by the runtime with their timeout: a JSON answer fills variables and follows
// `ok`; a server slower than the node's timeout follows `error`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, httpFlow } from '../testing/flows';
import { createLogger } from '../log';
import { startStack, type Stack } from '../testing/stack';

let api: Server;
let apiUrl: string;
beforeAll(async () => {
  api = createServer((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.end('{"status":"late"}'), 2000);
    if (req.url === '/deep')
      return void res.end(`{"status":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"shipped"}');
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(() => {
  api.closeAllConnections();
  api.close();
});

describe('HTTP nodes in the runtime', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('saves from the JSON answer and follows ok', async () => {
    await stack.publish(compile(httpFlow(`${apiUrl}/order`, 1000)));
    await stack.sandbox.user('http-ok').sendText('where is my order?');
    const [reply] = await stack.sandbox.waitForMessages('http-ok', 1);
    expect(reply!.text).toBe('Status: shipped');
  });

  it('follows error when the answer nests JSON deep enough to overflow the stack', async () => {
    await stack.publish(compile(httpFlow(`${apiUrl}/deep`, 1000)));
    await stack.sandbox.user('http-deep').sendText('where is my order?');
    const [reply] = await stack.sandbox.waitForMessages('http-deep', 1);
    expect(reply!.text).toBe('Lookup failed');
  });

  it('follows error when the server is slower than the timeout', async () => {
    await stack.publish(compile(httpFlow(`${apiUrl}/slow`, 300)));
    const started = Date.now();
    await stack.sandbox.user('http-slow').sendText('where is my order?');
    const [reply] = await stack.sandbox.waitForMessages('http-slow', 1);
    expect(reply!.text).toBe('Lookup failed');
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('secrets in HTTP nodes', () => {
  let stack: Stack;
  let secretApi: Server;
  let secretApiUrl: string;
  const seen: { url: string; authorization: string | undefined }[] = [];
  const lines: string[] = [];
  beforeAll(async () => {
    secretApi = createServer((req, res) => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"shipped"}');
    });
    await new Promise<void>((resolve) => secretApi.listen(0, '127.0.0.1', resolve));
    secretApiUrl = `http://127.0.0.1:${(secretApi.address() as AddressInfo).port}`;
    stack = await startStack({
      secrets: { ORDER_API_KEY: 'k&y 42' },
      overrides: { log: createLogger({ write: (line) => lines.push(line) }) },
    });
  });
  afterAll(async () => {
    await stack.stop();
    secretApi.closeAllConnections();
    secretApi.close();
  });

  const secretFlow = (header: string) => {
    const doc = httpFlow(`${secretApiUrl}/order?key={{secret.ORDER_API_KEY}}`, 1000);
    const call = doc.nodes.find((n) => n.id === 'call');
    if (call?.type === 'http') call.data.headers = { Authorization: header };
    return compile(doc);
  };

  it('fills in secrets from THREADLINE_SECRET_* at request time, never in the flow', async () => {
    const flow = secretFlow('Bearer {{secret.ORDER_API_KEY}}');
    expect(JSON.stringify(flow)).not.toContain('k&y 42');
    await stack.publish(flow);
    await stack.sandbox.user('secret-ok').sendText('where is my order?');
    const [reply] = await stack.sandbox.waitForMessages('secret-ok', 1);
    expect(reply!.text).toBe('Status: shipped');
    expect(seen.at(-1)).toEqual({ url: '/order?key=k%26y%2042', authorization: 'Bearer k&y 42' });
    expect(lines.join('\n')).not.toContain('k&y 42');
  });

  it('takes the error output and logs the name of a missing secret', async () => {
    const calls = seen.length;
    await stack.publish(secretFlow('Bearer {{secret.ORDER_TOKEN}}'));
    await stack.sandbox.user('secret-missing').sendText('where is my order?');
    const [reply] = await stack.sandbox.waitForMessages('secret-missing', 1);
    expect(reply!.text).toBe('Lookup failed');
    expect(seen).toHaveLength(calls);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        event: 'http.missing-secret',
        step: 'call',
        reason: expect.stringContaining('THREADLINE_SECRET_ORDER_TOKEN'),
      }),
    );
  });
});
