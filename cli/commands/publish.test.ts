// `threadline publish` against a real runtime over loopback HTTP.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exampleFlow } from '../../runtime/testing/flows';
import { SECRETS, startStack, type Stack } from '../../runtime/testing/stack';
import { waitUntil } from '../../runtime/testing/wait';
import type { FlowDocument } from '../../flows/schema';
import { parseMoves, run } from './publish';

let stack: Stack;
let out: string[];
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function capture() {
  out = [];
  const push = (...parts: unknown[]) => void out.push(parts.join(' '));
  vi.spyOn(console, 'log').mockImplementation(push);
  vi.spyOn(console, 'error').mockImplementation(push);
}

function writeFlow(name: string, doc: unknown): string {
  const file = join(stack.dir, name);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

describe('threadline publish', () => {
  it('lints, compiles, publishes and prints the new revision', async () => {
    const file = writeFlow('welcome.flow.json', exampleFlow('welcome'));
    capture();
    expect(await run([file, '--to', stack.runtime.url, '--token', SECRETS.adminToken])).toBe(0);
    const active = (await (await stack.admin('/api/flows/welcome')).json()) as { revision: string };
    expect(out.join('\n')).toContain(`revision ${active.revision}`);
    expect(out.join('\n')).toContain('Messenger profile applied');
  });

  it('fails with 1 and publishes nothing when the flow has lint errors', async () => {
    const doc = exampleFlow('welcome');
    const broken = {
      ...doc,
      id: 'broken',
      edges: [
        ...doc.edges,
        { id: 'bad', source: 'n-start', sourceHandle: 'out', target: 'nowhere' },
      ],
    };
    const file = writeFlow('broken.flow.json', broken);
    capture();
    expect(await run([file, '--to', stack.runtime.url, '--token', SECRETS.adminToken])).toBe(1);
    expect(out.join('\n')).toMatch(/error/);
    expect((await stack.admin('/api/flows/broken')).status).toBe(404);
  });

  it('fails with 1 on a wrong token and says so', async () => {
    const file = writeFlow('welcome2.flow.json', exampleFlow('welcome'));
    capture();
    expect(await run([file, '--to', stack.runtime.url, '--token', 'wrong'])).toBe(1);
    expect(out.join('\n')).toContain('refused the admin token');
  });

  it('fails with 1 when the runtime cannot be reached', async () => {
    const file = writeFlow('welcome3.flow.json', exampleFlow('welcome'));
    capture();
    expect(await run([file, '--to', 'http://127.0.0.1:9', '--token', 'x'])).toBe(1);
    expect(out.join('\n')).toContain('cannot reach');
  });
});

/** The lead flow with its email question replaced by "n-email-2". */
function newEmailQuestion(): FlowDocument {
  const doc = exampleFlow('lead-capture');
  for (const n of doc.nodes)
    if (n.id === 'n-email') {
      n.id = 'n-email-2';
      n.name = 'Ask the email';
    }
  for (const e of doc.edges) {
    if (e.source === 'n-email') e.source = 'n-email-2';
    if (e.target === 'n-email') e.target = 'n-email-2';
  }
  return doc;
}

describe('threadline publish against an active revision', () => {
  const admin = () => ['--to', stack.runtime.url, '--token', SECRETS.adminToken];

  async function userAtEmail(psid: string) {
    const user = stack.sandbox.user(psid);
    await user.getStarted();
    await stack.sandbox.waitForMessages(psid, 3);
    await user.tapQuickReply('Yes please!');
    await waitUntil(async () => {
      const res = await stack.admin('/api/flows/lead-capture/waiting');
      const body = (await res.json()) as { nodes: Record<string, number> };
      return (body.nodes['n-email'] ?? 0) >= 1;
    });
  }

  it('prints the semantic diff and the users stranded, and moves them as told', async () => {
    vi.stubEnv('LANG', 'en_US.UTF-8');
    const first = writeFlow('lead.flow.json', exampleFlow('lead-capture'));
    capture();
    expect(await run([first, ...admin()])).toBe(0);
    expect(out.join('\n')).toMatch(/first publish of lead-capture: \d+ nodes/);
    await userAtEmail('cli-anna');

    const next = writeFlow('lead2.flow.json', newEmailQuestion());
    capture();
    expect(await run([next, ...admin(), '--move', 'n-email=nowhere'])).toBe(1);
    const refused = out.join('\n');
    expect(refused).toContain('n-email (input, removed): 1 user waiting: move to nowhere');
    expect(refused).toContain('$.moves.n-email: move-target:');

    capture();
    expect(await run([next, ...admin(), '--move', 'n-email=n-email-2'])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('changes against the active revision');
    // Nodes are named from the document published; the active revision's own are ids only.
    expect(text).toContain('+ n-email-2 "Ask the email" (input) added');
    expect(text).toContain('- n-email (input) removed');
    expect(text).toMatch(
      /~ n-intro "[^"]+" \(message\): reply:yes n-email → n-email-2 "Ask the email"/,
    );
    expect(text).toContain(
      'n-email (input, removed): 1 user waiting: move to n-email-2 "Ask the email"',
    );
    expect(text).toContain('sessions: 1 moved, 0 stopped waiting');
    const waiting = await (await stack.admin('/api/flows/lead-capture/waiting')).json();
    expect(waiting).toMatchObject({ nodes: { 'n-email-2': 1 } });
  });

  it('says, in German too, that a wait ends when no move is chosen', async () => {
    vi.stubEnv('LANG', 'de_DE.UTF-8');
    const base = exampleFlow('lead-capture');
    const first = writeFlow('lead3.flow.json', base);
    capture();
    expect(await run([first, ...admin()])).toBe(0);
    await userAtEmail('cli-ben');
    capture();
    expect(await run([writeFlow('lead4.flow.json', newEmailQuestion()), ...admin()])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Änderungen gegenüber der aktiven Revision');
    expect(text).toContain(
      'n-email (input, entfernt): 1 Nutzer wartet: ihr Warten endet (wählen mit --move n-email=NEU oder --move n-email=end)',
    );
    expect(text).toContain('Sitzungen: 0 verschoben, 1 warten nicht mehr');
  });

  it('refuses a malformed --move with exit 2', async () => {
    const file = writeFlow('lead5.flow.json', exampleFlow('lead-capture'));
    capture();
    expect(await run([file, ...admin(), '--move', 'n-email'])).toBe(2);
    expect(out.join('\n')).toContain('--move needs OLD=NEW or OLD=end, got "n-email"');
  });
});

describe('parseMoves', () => {
  it('reads OLD=NEW and OLD=end, the last one for a node winning', () => {
    expect(parseMoves(['a=b', 'c=end', 'a=d'])).toEqual({
      ok: true,
      moves: { a: 'd', c: null },
    });
    expect(parseMoves(['a=b=c'])).toEqual({ ok: false, value: 'a=b=c' });
    expect(parseMoves(['=b'])).toEqual({ ok: false, value: '=b' });
  });
});
