// `threadline publish` against a real runtime over loopback HTTP.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exampleFlow } from '../../runtime/testing/flows';
import { SECRETS, startStack, type Stack } from '../../runtime/testing/stack';
import { run } from './publish';

let stack: Stack;
let out: string[];
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
afterEach(() => vi.restoreAllMocks());

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
