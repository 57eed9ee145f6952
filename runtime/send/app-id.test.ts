// Learning the app id at start-up: the Graph API's answer, else THREADLINE_APP_ID, logged once.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { learnAppId } from './app-id';

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

async function graph(status: number, body: string): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v25.0`, seen };
}

function logs() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ write: (line) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

describe('learnAppId', () => {
  it('asks GET /app with the Page token and takes its id', async () => {
    const { url, seen } = await graph(200, JSON.stringify({ id: 1234567890, name: 'Shop bot' }));
    const { log, lines } = logs();
    const id = await learnAppId({ graphUrl: url, pageToken: 'tok&en', fallback: undefined, log });
    expect(id).toBe('1234567890');
    expect(seen).toEqual(['/v25.0/app?access_token=tok%26en']);
    expect(lines).toEqual([]);
  });

  it('prefers the Graph API over a THREADLINE_APP_ID naming another app, and says so', async () => {
    const { url } = await graph(200, JSON.stringify({ id: '42' }));
    const { log, lines } = logs();
    expect(await learnAppId({ graphUrl: url, pageToken: 't', fallback: '41', log })).toBe('42');
    expect(lines.map((l) => l.event)).toEqual(['runtime.app-id-differs']);
  });

  it('falls back to THREADLINE_APP_ID when the Graph API refuses, logging once', async () => {
    const { url } = await graph(400, JSON.stringify({ error: { code: 190, message: 'bad' } }));
    const { log, lines } = logs();
    expect(await learnAppId({ graphUrl: url, pageToken: 't', fallback: '41', log })).toBe('41');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      event: 'runtime.app-id-unknown',
      problem: 'HTTP 400',
      using: 'THREADLINE_APP_ID',
    });
  });

  it('gives no id when nothing answers and nothing is configured', async () => {
    const { log, lines } = logs();
    const id = await learnAppId({
      graphUrl: 'http://127.0.0.1:1',
      pageToken: 't',
      fallback: undefined,
      log,
    });
    expect(id).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain('access_token');
  });
});
