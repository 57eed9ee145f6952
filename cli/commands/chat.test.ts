import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import leadJson from '../../flows/examples/lead-capture.flow.json';
import shopJson from '../../flows/examples/shop.flow.json';
import { compileFlow, validateFlowDocument, type CompiledFlow } from '../../flows';
import { chat, fetchAnswer } from './chat';

function compiled(json: unknown): CompiledFlow {
  const loaded = validateFlowDocument(json);
  if (!loaded.ok) throw new Error('example does not load');
  const result = compileFlow(loaded.document);
  if (!result.ok) throw new Error('example does not compile');
  return result.compiled;
}

async function talk(flow: CompiledFlow, lines: string[], options: Parameters<typeof chat>[3] = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk) => (text += chunk));
  input.end(lines.map((l) => `${l}\n`).join(''));
  const turns = await chat(flow, input, output, options);
  return { text, turns };
}

beforeEach(() => {
  vi.stubEnv('LC_ALL', '');
  vi.stubEnv('LC_MESSAGES', '');
  vi.stubEnv('LANG', 'C.UTF-8');
});
afterEach(() => vi.unstubAllEnvs());

describe('threadline chat', () => {
  it('speaks German under LANG=de_DE.UTF-8: prompts, /help, waits and cards', async () => {
    vi.stubEnv('LANG', 'de_DE.UTF-8');
    const { text } = await talk(compiled(shopJson), ['/help', '1']);
    expect(text).toContain('Chat mit „');
    expect(text).toContain('/restart                 neu beginnen');
    expect(text).toContain('bot: [Karten]');
    expect(text).not.toMatch(/Chatting with|\[cards\]|\[image |press Enter/);
  });

  it('lists its commands on /help', async () => {
    const { text } = await talk(compiled(leadJson), ['/help']);
    expect(text).toContain('/comment [post:ID] TEXT  comment on a post of the Page');
    expect(text).toContain('/quit                    leave');
  });

  it('reads answers in the --locale the user has, like the simulator and the runtime', async () => {
    const lines = ['1', 'jonas@example.de', '1', '0151 1234567'];
    const german = await talk(compiled(leadJson), lines, { locale: 'de_DE' });
    expect(german.text).toContain('A coach will call you at +491511234567');
    const unknown = await talk(compiled(leadJson), lines);
    expect(unknown.text).not.toContain('A coach will call you');
  });

  it('comments on a post with /comment', async () => {
    const flow = compiled(leadJson);
    flow.steps.push({
      id: 'c',
      type: 'trigger',
      data: { kind: 'comment', keywords: ['guide'] },
      outputs: { out: 'n-intro' },
    } as (typeof flow.steps)[number]);
    flow.entries.comments = [{ keywords: ['guide'], match: 'contains', target: 'c' }];
    const { turns } = await talk(flow, ['/comment post:77 the guide please']);
    const last = turns.at(-1)!;
    expect(last.event).toMatchObject({ type: 'comment', postId: '77', text: 'the guide please' });
    expect(last.actions.find((a) => a.type !== 'dropped' && 'commentId' in a)).toBeDefined();
  });

  it('starts with get started and picks numbered quick replies and card buttons', async () => {
    const { text } = await talk(compiled(shopJson), ['1', '2', '41'], { firstName: 'Anna' });
    expect(text).toContain(
      "bot: Hi Anna! Welcome to Stride Shoes 👟 What can I do for you?\n     1) Browse shoes  2) Where's my order?  3) Size guide\n",
    );
    expect(text).toContain(
      '     - Court Classic: €89 · White leather, all-day comfort [image https://example.com/img/court-classic.jpg]\n         2) Choose this one\n',
    );
    expect(text).toContain('bot: Great choice: the Court Classic!');
    expect(text).toMatch(/Size 41 is in stock/);
  });

  it('shows images, announces delays and hand-overs, and skips or hands back on Enter', async () => {
    const { text } = await talk(compiled(leadJson), [
      '2',
      '',
      'I have a question',
      'guide',
      '1',
      'a@b.co',
      '2',
      '',
      '2',
      '',
    ]);
    expect(text).toContain('bot: [image https://example.com/img/running-guide-2026.jpg]');
    expect(text).toContain('(waits 23h, press Enter to skip)');
    expect(text).toContain('did you get a chance to look at the guide?');
    expect(text).toContain('(handed over to a human; press Enter to hand back)');
    expect(text).toMatch(/Thanks for chatting with our coaches!/);
  });

  it('answers http steps through the injected resolver', async () => {
    const requests: string[] = [];
    const { text } = await talk(compiled(shopJson), ['2', '104233'], {
      http: async (r) => {
        requests.push(`${r.method} ${r.url}`);
        return { status: 200, body: '{"status":"delivered"}' };
      },
    });
    expect(requests).toEqual(['GET https://api.example.com/orders/104233']);
    expect(text).toContain('bot: Order 104233 was delivered. Enjoy your new shoes!');
  });

  it('runs as a command with piped stdin and records a scenario that replays', async () => {
    const dir = (await import('node:fs')).mkdtempSync(
      `${(await import('node:os')).tmpdir()}/chat-`,
    );
    const record = `${dir}/welcome.recorded.scenario.json`;
    const flow = `${process.cwd()}/flows/examples/welcome.flow.json`;
    const result = spawnSync(
      'node',
      ['bin/threadline.mjs', 'chat', flow, '--name', 'Eve', '--record', record],
      {
        input: '1\nmenu\n3\nhello?\n\n/quit\n',
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('bot: Hi Eve! What can we do for you today?');
    expect(result.stdout).toContain('(handed over to a human; press Enter to hand back)');
    expect(result.stdout).toContain('bot: Thanks for chatting with our team!');
    const replay = spawnSync('node', ['bin/threadline.mjs', 'test', record], { encoding: 'utf8' });
    expect(replay.stdout.trim().split('\n').at(-1)).toBe('1 passed, 0 failed');
    expect(replay.status).toBe(0);
  });
});

describe('renderActions', () => {
  it('shows a reply the runtime would drop as not delivered, without its choices', async () => {
    const { renderActions } = await import('./chat-render');
    const rendered = renderActions([
      {
        type: 'dropped',
        reason: 'outside-window',
        message: {
          type: 'send_text',
          text: 'Still there?',
          quickReplies: [{ type: 'text', title: 'Yes', payload: 'TL1:r:n:yes' }],
        },
      },
    ]);
    expect(rendered).toEqual({
      lines: ['(not delivered, outside the 24-hour window: Still there?)'],
      choices: [],
      fromBot: false,
    });
    vi.stubEnv('LANG', 'de_DE.UTF-8');
    expect(
      renderActions([{ type: 'send_media', mediaType: 'image', url: 'https://x/y.png' }]).lines,
    ).toEqual(['bot: [Bild https://x/y.png]']);
    expect(
      renderActions([
        {
          type: 'dropped',
          reason: 'outside-window',
          message: { type: 'send_text', text: 'Hallo?' },
        },
      ]).lines,
    ).toEqual(['(nicht zugestellt, außerhalb des 24-Stunden-Fensters: Hallo?)']);
  });
});

describe('threadline chat HTTP calls', () => {
  const action = {
    type: 'http_request' as const,
    step: 'call',
    requestId: 'call@1.1',
    method: 'GET' as const,
    url: 'http://127.0.0.1:1/orders?key={{secret.ORDER_API_KEY}}',
    headers: {},
    timeoutMs: 500,
  };

  it('names a secret that THREADLINE_SECRET_* does not set, without calling out', async () => {
    expect(await fetchAnswer(action, {})).toEqual({
      error: expect.stringContaining('THREADLINE_SECRET_ORDER_API_KEY'),
    });
  });

  it('fills in a secret from THREADLINE_SECRET_* before calling out', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const answer = await fetchAnswer(
        { ...action, url: `${url}/orders?key={{secret.ORDER_API_KEY}}` },
        { THREADLINE_SECRET_ORDER_API_KEY: 'k 1' },
      );
      expect(answer).toEqual({ status: 200, body: '{}' });
      expect(seen).toEqual(['/orders?key=k%201']);
    } finally {
      server.close();
    }
  });
});
