// `threadline revisions` and `threadline rollback` against a real runtime over loopback HTTP.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompiledFlow } from '../../flows/schema';
import { compile, exampleFlow } from '../../runtime/testing/flows';
import { SECRETS, startStack, type Stack } from '../../runtime/testing/stack';
import { run as revisions } from './revisions';
import { run as rollback } from './rollback';

let stack: Stack;
let out: string[];
let err: string[];
const flows: CompiledFlow[] = [];
beforeAll(async () => {
  stack = await startStack();
  for (const name of ['Welcome', 'Welcome 2', 'Welcome 3']) {
    const flow = compile({ ...exampleFlow('welcome'), name });
    expect((await stack.publish(flow)).status).toBe(200);
    flows.push(flow);
  }
});
afterAll(() => stack.stop());
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...parts) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts) => void err.push(parts.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const admin = () => ['--to', stack.runtime.url, '--token', SECRETS.adminToken];
const active = async () =>
  ((await (await stack.admin('/api/flows/welcome')).json()) as { revision: string }).revision;

describe('threadline revisions', () => {
  it('prints a table of revisions, newest first, with node counts and the active one', async () => {
    vi.stubEnv('LANG', 'en_US.UTF-8');
    expect(await revisions(['welcome', ...admin()])).toBe(0);
    expect(out[0]).toMatch(/^revision\s+published\s+nodes\s+active$/);
    const rows = out.slice(1);
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(
      [...flows].reverse().map((f) => f.revision.slice(0, 12)),
    );
    const steps = String(flows[0]!.steps.length);
    for (const row of rows) expect(row).toMatch(new RegExp(`\\s${steps}(\\s|$)`));
    expect(rows[0]).toMatch(/\syes$/);
    expect(rows.slice(1).every((r) => !r.endsWith('yes'))).toBe(true);
  });

  it('speaks German under a German locale', async () => {
    vi.stubEnv('LANG', 'de_DE.UTF-8');
    expect(await revisions(['welcome', ...admin()])).toBe(0);
    expect(out[0]).toMatch(/^Revision\s+veröffentlicht\s+Knoten\s+aktiv$/);
    expect(out[1]).toMatch(/\sja$/);
  });

  it('fails with 1 for a flow the runtime does not have, or a wrong token', async () => {
    vi.stubEnv('LANG', 'en_US.UTF-8');
    expect(await revisions(['nope', ...admin()])).toBe(1);
    expect(err.join('\n')).toContain(`no flow "nope" on ${stack.runtime.url}`);
    expect(await revisions(['welcome', '--to', stack.runtime.url, '--token', 'wrong'])).toBe(1);
    expect(err.join('\n')).toContain('refused the admin token (401)');
    expect(await revisions(['welcome', '--to', 'ftp://x', '--token', 'x'])).toBe(2);
  });
});

describe('threadline rollback', () => {
  it('rolls back to the previous revision, then to one named by the start of its hash', async () => {
    vi.stubEnv('LANG', 'en_US.UTF-8');
    const [first, second, third] = flows;
    expect(await active()).toBe(third!.revision);
    expect(await rollback(['welcome', ...admin()])).toBe(0);
    expect(out.join('\n')).toContain(
      `rolled welcome back to revision ${second!.revision.slice(0, 12)}`,
    );
    expect(await active()).toBe(second!.revision);

    expect(await rollback(['welcome', '--revision', third!.revision.slice(0, 8), ...admin()])).toBe(
      0,
    );
    expect(await active()).toBe(third!.revision);
    expect(await rollback(['welcome', '--revision', first!.revision, ...admin()])).toBe(0);
    expect(await active()).toBe(first!.revision);
  });

  it('fails with 1 naming the revision that does not exist, or when nothing is earlier', async () => {
    vi.stubEnv('LANG', 'en_US.UTF-8');
    expect(await rollback(['welcome', '--revision', 'ffff0000', ...admin()])).toBe(1);
    expect(err.join('\n')).toContain('flow "welcome" has no revision starting with "ffff0000"');
    await rollback(['welcome', '--revision', flows[0]!.revision, ...admin()]);
    expect(await rollback(['welcome', ...admin()])).toBe(1);
    expect(err.join('\n')).toContain('flow "welcome" has no earlier revision (404)');
    expect(await active()).toBe(flows[0]!.revision);
  });
});
