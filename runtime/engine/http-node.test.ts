// HTTP nodes run by the runtime with their timeout: a JSON answer fills variables and follows
// `ok`; a server slower than the node's timeout follows `error`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, httpFlow } from '../testing/flows';
import { startStack, type Stack } from '../testing/stack';

let api: Server;
let apiUrl: string;
beforeAll(async () => {
  api = createServer((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.end('{"status":"late"}'), 2000);
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

  it('follows error when the server is slower than the timeout', async () => {
    await stack.publish(compile(httpFlow(`${apiUrl}/slow`, 300)));
    const started = Date.now();
    await stack.sandbox.user('http-slow').sendText('where is my order?');
    const [reply] = await stack.sandbox.waitForMessages('http-slow', 1);
    expect(reply!.text).toBe('Lookup failed');
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
