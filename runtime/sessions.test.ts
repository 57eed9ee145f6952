// Stored sessions across format versions, against a real SQLite file: a session written in
// today's format is read back with its answers, and one the runtime cannot read is kept as it
// was stored (docs/runtime.md, "Stored sessions") while the user still gets an answer.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_VERSION } from '../flows/engine';
import type { FlowDocument } from '../flows/schema';
import { createLogger } from './log';
import { compile } from './testing/flows';
import { SECRETS, startStack, type Stack } from './testing/stack';
import { waitUntil } from './testing/wait';

const at = { x: 0, y: 0 };
/** "who" answers with the stored `name`; any other text asks for it. */
const nameFlow: FlowDocument = {
  format: 'threadline.flow',
  version: 1,
  id: 'names',
  name: 'Names',
  variables: [{ name: 'name', type: 'text' }],
  disclosure: 'This is an automated assistant.',
  nodes: [
    {
      id: 'who',
      type: 'trigger',
      position: at,
      data: { kind: 'keyword', keywords: ['who'], match: 'exact' },
    },
    { id: 'any', type: 'trigger', position: at, data: { kind: 'default' } },
    {
      id: 'tell',
      type: 'message',
      position: at,
      data: { blocks: [{ type: 'text', text: 'You are {{name|nobody}}' }] },
    },
    {
      id: 'ask',
      type: 'input',
      position: at,
      data: { prompt: 'Your name?', kind: 'text', variable: 'name' },
    },
    {
      id: 'thanks',
      type: 'message',
      position: at,
      data: { blocks: [{ type: 'text', text: 'Thanks {{name}}' }] },
    },
  ],
  edges: [
    { id: 'e1', source: 'who', sourceHandle: 'out', target: 'tell' },
    { id: 'e2', source: 'any', sourceHandle: 'out', target: 'ask' },
    { id: 'e3', source: 'ask', sourceHandle: 'ok', target: 'thanks' },
  ],
};

let stack: Stack;
let lines: string[];
let revision: string;
beforeEach(async () => {
  lines = [];
  stack = await startStack({
    overrides: { log: createLogger({ write: (line) => lines.push(line) }) },
  });
  const compiled = compile(nameFlow);
  revision = compiled.revision;
  expect((await stack.publish(compiled)).status).toBe(200);
});
afterEach(() => stack.stop());

/** Writes a session row as an older (or broken) runtime would have left it. */
function storeSession(psid: string, state: unknown): void {
  storeSessionText(psid, JSON.stringify(state));
}

function storeSessionText(psid: string, text: string): void {
  const db = new Database(join(stack.dir, 'runtime.db'));
  try {
    db.prepare(
      `INSERT INTO sessions (page_id, psid, state, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (page_id, psid) DO UPDATE SET state = excluded.state`,
    ).run(SECRETS.pageId, psid, text, Date.now());
  } finally {
    db.close();
  }
}

function storedText(psid: string): string | undefined {
  const db = new Database(join(stack.dir, 'runtime.db'), { readonly: true });
  try {
    const row = db
      .prepare('SELECT state FROM sessions WHERE page_id = ? AND psid = ?')
      .get(SECRETS.pageId, psid) as { state: string } | undefined;
    return row?.state;
  } finally {
    db.close();
  }
}

function storedState(psid: string): unknown {
  const db = new Database(join(stack.dir, 'runtime.db'), { readonly: true });
  try {
    const row = db
      .prepare('SELECT state FROM sessions WHERE page_id = ? AND psid = ?')
      .get(SECRETS.pageId, psid) as { state: string } | undefined;
    return row ? JSON.parse(row.state) : undefined;
  } finally {
    db.close();
  }
}

const session = (psid: string, variables: Record<string, string>) => ({
  version: SESSION_VERSION,
  flowRevision: revision,
  user: { id: psid },
  wait: null,
  variables,
  tags: ['vip'],
  lastInput: 'Anna',
  lastUserAt: Date.now() - 60_000,
  lastBotAt: Date.now() - 60_000,
  disclosureDue: false,
});

describe('stored sessions', () => {
  it('reads a session stored in the current format with its variables intact', async () => {
    storeSession('psid-v1', session('psid-v1', { name: 'Anna' }));
    await stack.sandbox.user('psid-v1').sendText('who');
    const [reply] = await stack.sandbox.waitForMessages('psid-v1', 1);
    expect(reply!.text).toBe('You are Anna');
    await waitUntil(() => (storedState('psid-v1') as { lastInput?: string }).lastInput === 'who');
    expect(storedState('psid-v1')).toMatchObject({
      version: SESSION_VERSION,
      variables: { name: 'Anna' },
      tags: ['vip'],
    });
    expect(lines.join('\n')).not.toContain('session.unreadable');
  });

  it('keeps a session it cannot read, answers on a fresh one, and logs that once', async () => {
    const broken = { ...session('psid-broken', { name: 'Ben' }), wait: { kind: 'teleport' } };
    storeSession('psid-broken', broken);
    const user = stack.sandbox.user('psid-broken');
    await user.sendText('who');
    // A fresh session for the turn: the disclosure is due again, and no name is known.
    const first = await stack.sandbox.waitForMessages('psid-broken', 2);
    expect(first[0]!.text).toBe('This is an automated assistant.');
    expect(first.at(-1)!.text).toBe('You are nobody');
    await user.sendText('who');
    await stack.sandbox.waitForMessages('psid-broken', 4);

    expect(storedState('psid-broken')).toEqual(broken);
    const reported = lines.filter((l) => l.includes('"session.unreadable"'));
    expect(reported).toHaveLength(1);
    expect(JSON.parse(reported[0]!)).toMatchObject({ psid: 'psid-broken', level: 'error' });
    expect(JSON.parse(reported[0]!).reason).toContain('wait');
  });

  it('keeps a session written by a newer runtime for when that runtime is back', async () => {
    const newer = { ...session('psid-newer', { name: 'Cleo' }), version: SESSION_VERSION + 1 };
    storeSession('psid-newer', newer);
    await stack.sandbox.user('psid-newer').sendText('who');
    const replies = await stack.sandbox.waitForMessages('psid-newer', 2);
    expect(replies.at(-1)!.text).toBe('You are nobody');
    expect(storedState('psid-newer')).toEqual(newer);
    const reported = lines.find((l) => l.includes('"session.unreadable"'));
    expect(JSON.parse(reported!).reason).toContain('newer runtime');
  });

  it('keeps a session row that is not even JSON, and still answers the user', async () => {
    const damaged = '{"version":1,"flowRevision":"r","variables":{"name":"Dan"';
    storeSessionText('psid-damaged', damaged);
    const user = stack.sandbox.user('psid-damaged');
    await user.sendText('who');
    expect((await stack.sandbox.waitForMessages('psid-damaged', 2)).at(-1)!.text).toBe(
      'You are nobody',
    );
    await user.sendText('who');
    await stack.sandbox.waitForMessages('psid-damaged', 4);
    expect(storedText('psid-damaged')).toBe(damaged);
    const reported = lines.filter((l) => l.includes('"session.unreadable"'));
    expect(reported.map((l) => JSON.parse(l).reason)).toEqual([
      'the stored session is not valid JSON',
    ]);
  });
});
