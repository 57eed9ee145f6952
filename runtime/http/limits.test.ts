// Hostile input over real HTTP gets a 4xx, never a 500 or a server that keeps reading: deeply
// nested JSON, malformed %-escapes, oversized and slow uploads, slow headers.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, exampleFlow } from '../testing/flows';
import { SECRETS, startStack, type Stack } from '../testing/stack';
import { pause } from '../testing/wait';
import { MAX_JSON_DEPTH } from './body';
import { signBody } from './signature';
import { WEBHOOK_BODY_LIMIT } from './webhook';

const HEADERS_MS = 400;
const REQUEST_MS = 800;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    overrides: { httpTimeouts: { headersMs: HEADERS_MS, requestMs: REQUEST_MS } },
  });
  await stack.publish(compile(exampleFlow('welcome')));
});
afterAll(() => stack.stop());

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

function eventWith(psid: string, mid: string, extra: string): string {
  stack.sandbox.userWrote(psid);
  return JSON.stringify({
    object: 'page',
    entry: [
      {
        id: SECRETS.pageId,
        time: Date.now(),
        messaging: [
          {
            sender: { id: psid },
            recipient: { id: SECRETS.pageId },
            timestamp: Date.now(),
            message: { mid, text: 'menu', nested: 'NESTED' },
          },
        ],
      },
    ],
  }).replace('"NESTED"', extra);
}

const postSigned = (body: string) =>
  fetch(`${stack.runtime.url}/webhook`, {
    method: 'POST',
    body,
    headers: { 'x-hub-signature-256': signBody(body, SECRETS.appSecret) },
  });

/** A raw connection: what it received, and when the server closed it. */
interface Raw {
  socket: Socket;
  received: () => string;
  closed: Promise<number>;
}

async function rawConnection(): Promise<Raw> {
  const socket = connect(stack.runtime.port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const started = performance.now();
  const closed = new Promise<number>((resolve) =>
    socket.once('close', () => resolve(performance.now() - started)),
  );
  return { socket, received: () => text, closed };
}

const webhookHead = (extra: string) =>
  `POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${extra}\r\n`;

describe('deeply nested JSON', () => {
  it('in a signed webhook event is refused with 400, stored nowhere, and the runtime answers on', async () => {
    const res = await postSigned(eventWith('psid-deep', 'm-deep', deep(5000)));
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('json-too-deep');
    await pause(200);
    expect(stack.sandbox.messages('psid-deep')).toHaveLength(0);

    const ok = await postSigned(eventWith('psid-deep', 'm-shallow', deep(MAX_JSON_DEPTH - 10)));
    expect(ok.status).toBe(200);
  });

  it('in an admin publish is refused with 400 naming the problem', async () => {
    const res = await stack.admin('/api/flows/welcome', {
      method: 'PUT',
      body: `{"format": ${deep(5000)}}`,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid-flow',
      problems: [{ code: 'too-deep', place: '$' }],
    });
    const rollback = await stack.admin('/api/flows/welcome/rollback', {
      method: 'POST',
      body: `{"revision": ${deep(5000)}}`,
    });
    expect(rollback.status).toBe(400);
  });

  it('counts brackets inside strings as text', async () => {
    const res = await postSigned(eventWith('psid-text', 'm-text', JSON.stringify(deep(5000))));
    expect(res.status).toBe(200);
  });
});

describe('malformed paths', () => {
  it('answers 400 to a malformed %-escape in an admin path', async () => {
    const res = await stack.admin('/api/flows/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'bad-flow-id' });
  });

  it('answers 400 to a request target that is no URL path', async () => {
    const raw = await rawConnection();
    raw.socket.write('GET //host:port/x HTTP/1.1\r\nHost: x\r\n\r\n');
    await pause(300);
    expect(raw.received()).toMatch(/^HTTP\/1\.1 400/);
    raw.socket.destroy();
  });
});

describe('oversized uploads', () => {
  it('answers 413 at once to a declared size over the limit and closes without reading on', async () => {
    const raw = await rawConnection();
    raw.socket.write(webhookHead(`Content-Length: ${WEBHOOK_BODY_LIMIT * 2}\r\n`));
    raw.socket.write('{"object":"page"');
    const closedAfter = await raw.closed;
    expect(raw.received()).toMatch(/^HTTP\/1\.1 413/);
    expect(closedAfter).toBeLessThan(REQUEST_MS);
  });

  it('stops reading a chunked upload as soon as it passes the limit', async () => {
    const raw = await rawConnection();
    raw.socket.write(webhookHead('Transfer-Encoding: chunked\r\n'));
    const chunk = 'x'.repeat(64 * 1024);
    let sent = 0;
    let closed = false;
    void raw.closed.then(() => (closed = true));
    while (!closed && sent < WEBHOOK_BODY_LIMIT * 4) {
      raw.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      sent += chunk.length;
      await pause(5);
    }
    expect(raw.received()).toMatch(/^HTTP\/1\.1 413/);
    expect(sent).toBeLessThan(WEBHOOK_BODY_LIMIT * 2);
  });

  it('answers 413 to an admin publish over its limit', async () => {
    const raw = await rawConnection();
    raw.socket.write(
      `PUT /api/flows/welcome HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${SECRETS.adminToken}\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n{`,
    );
    await raw.closed;
    expect(raw.received()).toMatch(/^HTTP\/1\.1 413/);
  });
});

describe('slow clients', () => {
  it('gives up on a body that trickles in past the request timeout', async () => {
    const raw = await rawConnection();
    raw.socket.write(webhookHead('Content-Length: 1000\r\n'));
    const trickle = setInterval(() => raw.socket.write('x'), 50);
    const closedAfter = await raw.closed;
    clearInterval(trickle);
    expect(raw.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfter).toBeLessThan(REQUEST_MS + 2000);
  });

  it('gives up on headers that never end', async () => {
    const raw = await rawConnection();
    raw.socket.write('POST /webhook HTTP/1.1\r\nHost: x\r\n');
    const closedAfter = await raw.closed;
    expect(raw.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfter).toBeLessThan(HEADERS_MS + 2000);
  });

  it('keeps an idle keep-alive connection open past the header timeout', async () => {
    const raw = await rawConnection();
    const get = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n';
    raw.socket.write(get);
    await pause(HEADERS_MS * 3);
    raw.socket.write(get);
    await pause(200);
    expect(raw.received().match(/HTTP\/1\.1 200/g)).toHaveLength(2);
    raw.socket.destroy();
  });
});
