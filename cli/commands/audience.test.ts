// `threadline subscribers` and `threadline broadcast` against a real runtime and the sandbox.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { compile } from '../../runtime/testing/flows';
import { marketingFlow } from '../../runtime/testing/marketing';
import { SECRETS, startStack, type Stack } from '../../runtime/testing/stack';
import { run as broadcast } from './broadcast';
import { run as subscribers } from './subscribers';

let stack: Stack;
let out: string[];
beforeAll(async () => {
  stack = await startStack();
  expect((await stack.publish(compile(marketingFlow()))).status).toBe(200);
  stack.sandbox.setUserProfile('anna', { first_name: 'Anna', last_name: 'Ek', locale: 'sv_SE' });
  await stack.sandbox.user('anna').getStarted();
  await stack.sandbox.user('ben').getStarted('vip');
  await stack.sandbox.waitForMessages('anna', 1);
  await stack.sandbox.waitForMessages('ben', 1);
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

const english = () => {
  vi.stubEnv('LC_ALL', '');
  vi.stubEnv('LC_MESSAGES', '');
  vi.stubEnv('LANG', 'en_US.UTF-8');
};

describe('threadline subscribers', () => {
  it('lists the audience, filtered, with the count', async () => {
    english();
    const target = ['--to', stack.runtime.url, '--token', SECRETS.adminToken];
    capture();
    expect(await subscribers(target)).toBe(0);
    expect(out[0]).toMatch(/^anna\tAnna Ek\twindow open until 20\d\d-.*\tnew\t-$/);
    expect(out[1]).toMatch(/^ben\tSam Sandbox\twindow open until .*\tvip\tref:vip$/);
    expect(out.at(-1)).toBe('2 subscribers');
    capture();
    expect(await subscribers([...target, '--var', 'size=42'])).toBe(0);
    expect(out).toHaveLength(2);
    expect(out.at(-1)).toBe('1 subscriber');
    capture();
    expect(await subscribers([...target, '--window', 'soon'])).toBe(2);
    capture();
    expect(await subscribers(['--to', stack.runtime.url, '--token', 'wrong'])).toBe(1);
    expect(out.join('\n')).toContain('refused the admin token (401)');
  });

  it('speaks German under a German locale', async () => {
    vi.stubEnv('LC_ALL', 'de_DE.UTF-8');
    capture();
    expect(
      await subscribers(['--to', stack.runtime.url, '--token', SECRETS.adminToken, '--tag', 'vip']),
    ).toBe(0);
    expect(out[0]).toContain('Fenster offen bis');
    expect(out.at(-1)).toBe('1 Abonnent');
  });
});

describe('threadline broadcast', () => {
  const target = () => ['--to', stack.runtime.url, '--token', SECRETS.adminToken];

  it('says how many a dry run would reach, then sends and follows the progress', async () => {
    english();
    capture();
    expect(await broadcast(['marketing', ...target(), '--node', 'promo', '--dry-run'])).toBe(0);
    expect(out).toEqual(['Segment: 2 subscribers, 2 reachable now (window open)']);
    capture();
    expect(
      await broadcast(['marketing', ...target(), '--node', 'promo', '--tag', 'vip', '--watch']),
    ).toBe(0);
    expect(out[0]).toBe('Segment: 1 subscribers, 1 reachable now (window open)');
    expect(out[1]).toMatch(/^Broadcast [0-9a-f]+ scheduled for /);
    expect(out.at(-1)).toBe('done: 1 sent, 0 skipped, 0 failed, 0 still to go');
    expect(stack.sandbox.messages('ben').map((m) => m.text)).toEqual(['Hello', 'Sale! Code NONE']);
    expect(stack.sandbox.messages('anna').map((m) => m.text)).toEqual(['Hello']);
  });

  it('fails with 1 and the reason when the runtime refuses', async () => {
    english();
    capture();
    expect(await broadcast(['marketing', ...target(), '--node', 'nope'])).toBe(1);
    expect(out.join('\n')).toMatch(/flow "marketing" .* has no node "nope" \(400\)/);
    capture();
    expect(await broadcast(['marketing', ...target(), '--rate', '0'])).toBe(2);
  });
});
