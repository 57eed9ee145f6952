// The built-in user_* variables filled from the User Profile API (docs/messenger.md §7): stored,
// refreshed after a week, never holding a turn past the wait, fallbacks and one log line on an
// error. First the profile service against a real store and a scripted Graph, then the runtime
// and the sandbox end to end over HTTP with real signatures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatSimulator } from '../flows/engine';
import { createLogger } from './log';
import type { GraphClient, GraphResult } from './send/graph';
import { openSqliteStore } from './store/sqlite';
import type { Store } from './store/types';
import { compile, exampleFlow } from './testing/flows';
import { startStack, type Stack } from './testing/stack';
import { pause, waitUntil } from './testing/wait';
import { createUserProfiles, PROFILE_REFRESH_MS, PROFILE_RETRY_MS } from './user-profiles';

const DAY = 24 * 60 * 60 * 1000;
const lane = (psid: string) => ({ pageId: 'page', psid });
const ok = (body: Record<string, unknown>): GraphResult => ({
  ok: true,
  status: 200,
  body,
  usage: { percent: 0, regainMs: 0 },
});
const refused = (code: number, subcode?: number): GraphResult => ({
  ok: false,
  status: 400,
  error: { code, message: 'refused', ...(subcode ? { error_subcode: subcode } : {}) },
  usage: { percent: 0, regainMs: 0 },
});

describe('the profile service', () => {
  let store: Store;
  let clock: number;
  let answers: ((path: string) => GraphResult | Promise<GraphResult>)[];
  let asked: { path: string; params: Record<string, string> | undefined }[];
  let lines: Record<string, unknown>[];
  const graph: GraphClient = {
    post: () => Promise.reject(new Error('not used')),
    delete: () => Promise.reject(new Error('not used')),
    async get(path, params) {
      asked.push({ path, params });
      const answer = answers.shift();
      if (!answer) throw new Error(`no answer scripted for ${path}`);
      return answer(path);
    },
    close: () => undefined,
  };
  const service = (waitMs = 1500) =>
    createUserProfiles({
      store,
      graph,
      now: () => clock,
      waitMs,
      log: createLogger({
        write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
      }),
    });

  beforeEach(() => {
    store = openSqliteStore(':memory:');
    clock = 1_800_000_000_000;
    answers = [];
    asked = [];
    lines = [];
  });
  afterEach(() => store.close());

  it('asks Graph once with the documented fields, then serves the stored profile for a week', async () => {
    const profiles = service();
    answers.push(() => ok({ id: 'anna', first_name: 'Anna', last_name: 'Ek', locale: 'sv_SE' }));
    expect(await profiles.forTurn(lane('anna'))).toEqual({
      first_name: 'Anna',
      last_name: 'Ek',
      locale: 'sv_SE',
    });
    expect(asked).toEqual([
      { path: '/anna', params: { fields: 'first_name,last_name,locale,profile_pic' } },
    ]);
    clock += PROFILE_REFRESH_MS - 1;
    expect((await profiles.forTurn(lane('anna'))).first_name).toBe('Anna');
    expect(asked).toHaveLength(1);
    // Stored, not just cached: a new process (a restart) does not ask again either.
    expect((await service().forTurn(lane('anna'))).first_name).toBe('Anna');
    expect(asked).toHaveLength(1);
  });

  it('refreshes a profile older than a week', async () => {
    const profiles = service();
    answers.push(() => ok({ first_name: 'Anna' }));
    await profiles.forTurn(lane('anna'));
    clock += 7 * DAY;
    answers.push(() => ok({ first_name: 'Annika', locale: 'de_DE' }));
    expect(await profiles.forTurn(lane('anna'))).toEqual({ first_name: 'Annika', locale: 'de_DE' });
    expect(asked).toHaveLength(2);
    expect(await store.userProfile(lane('anna'))).toMatchObject({
      firstName: 'Annika',
      fetchedAt: clock,
      error: null,
    });
  });

  it('goes on without a profile on an error, logs each reason once, and retries after an hour', async () => {
    const profiles = service();
    answers.push(() => refused(100, 2018247));
    answers.push(() => refused(100, 2018247));
    answers.push(() => refused(100, 2018218));
    expect(await profiles.forTurn(lane('a'))).toEqual({});
    expect(await profiles.forTurn(lane('b'))).toEqual({});
    expect(await profiles.forTurn(lane('c'))).toEqual({});
    const logged = lines.filter((l) => l.event === 'profile.unavailable');
    expect(logged.map((l) => l.reason)).toEqual(['graph-100/2018247', 'graph-100/2018218']);
    // Not asked again on every turn...
    clock += PROFILE_RETRY_MS - 1;
    expect(await profiles.forTurn(lane('a'))).toEqual({});
    expect(asked).toHaveLength(3);
    // ...but after an hour, in case the permission was granted meanwhile.
    clock += 1;
    answers.push(() => ok({ first_name: 'Alma' }));
    expect(await profiles.forTurn(lane('a'))).toEqual({ first_name: 'Alma' });
  });

  it('keeps the names it had when a refresh fails', async () => {
    const profiles = service();
    answers.push(() => ok({ first_name: 'Anna', last_name: 'Ek' }));
    await profiles.forTurn(lane('anna'));
    clock += 8 * DAY;
    answers.push(() => refused(2));
    expect(await profiles.forTurn(lane('anna'))).toEqual({ first_name: 'Anna', last_name: 'Ek' });
    expect(await store.userProfile(lane('anna'))).toMatchObject({ error: 'graph-2' });
  });

  it('does not hold a turn for a slow answer, and keeps the answer for the next turn', async () => {
    const profiles = service(100);
    answers.push(async () => {
      await pause(600);
      return ok({ first_name: 'Slow' });
    });
    const started = Date.now();
    expect(await profiles.forTurn(lane('slow'))).toEqual({});
    expect(Date.now() - started).toBeLessThan(400);
    expect(lines.filter((l) => l.reason === 'slow')).toHaveLength(1);
    // A second turn meanwhile joins the same request instead of asking again.
    expect(await profiles.forTurn(lane('slow'))).toEqual({});
    expect(asked).toHaveLength(1);
    await waitUntil(async () => (await store.userProfile(lane('slow'))) !== undefined);
    expect(await profiles.forTurn(lane('slow'))).toEqual({ first_name: 'Slow' });
    expect(asked).toHaveLength(1);
  });
});

describe('user profiles end to end', () => {
  let stack: Stack;
  let lines: Record<string, unknown>[];
  beforeEach(async () => {
    lines = [];
    stack = await startStack({
      overrides: {
        log: createLogger({
          write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
        }),
      },
    });
    expect((await stack.publish(compile(exampleFlow('shop')))).status).toBe(200);
  });
  afterEach(() => stack.stop());

  /** What the designer's simulator sends for Get Started to a user with this first name. */
  async function simulated(firstName?: string): Promise<string[]> {
    const sim = new ChatSimulator(compile(exampleFlow('shop')), {
      ...(firstName ? { user: { first_name: firstName } } : {}),
    });
    const turns = await sim.send({ type: 'get_started' });
    return turns.flatMap((t) => t.actions).flatMap((a) => (a.type === 'send_text' ? [a.text] : []));
  }

  it('greets Anna by name in the shop example, exactly as the simulator does', async () => {
    const put = await fetch(`${stack.sandbox.url}/_sandbox/users/psid-anna/profile`, {
      method: 'PUT',
      body: JSON.stringify({ first_name: 'Anna', last_name: 'Tester', locale: 'en_US' }),
    });
    expect(put.status).toBe(200);
    const played = await fetch(`${stack.sandbox.url}/_sandbox/users/psid-anna`, {
      method: 'POST',
      body: JSON.stringify({ action: 'get-started' }),
    });
    expect(((await played.json()) as { webhookStatus: number }).webhookStatus).toBe(200);

    const expected = await simulated('Anna');
    expect(expected.some((t) => t.startsWith('Hi Anna!'))).toBe(true);
    const messages = await stack.sandbox.waitForMessages('psid-anna', expected.length);
    expect(messages.map((m) => m.text)).toEqual(expected);
    expect(
      await stack.runtime.store.userProfile({ pageId: stack.config.pageId, psid: 'psid-anna' }),
    ).toMatchObject({ firstName: 'Anna', lastName: 'Tester', locale: 'en_US', error: null });
  });

  it('uses the fallbacks when Graph refuses the profile, and logs the reason once', async () => {
    stack.sandbox.fail('profile-no-permission', 2);
    await stack.sandbox.user('psid-a').getStarted();
    await stack.sandbox.user('psid-b').getStarted();
    const expected = await simulated();
    expect(expected.some((t) => t.startsWith('Hi there!'))).toBe(true);
    for (const psid of ['psid-a', 'psid-b']) {
      const messages = await stack.sandbox.waitForMessages(psid, expected.length);
      expect(messages.map((m) => m.text)).toEqual(expected);
    }
    const logged = lines.filter((l) => l.event === 'profile.unavailable');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'warn', reason: 'graph-100/2018247' });
    expect(await stack.runtime.metrics.render()).toMatch(
      /threadline_user_profile_fetches_total\{outcome="refused"\} 2/,
    );
  });

  it('does not hold the turn for a slow profile endpoint beyond the wait', async () => {
    stack.sandbox.delayUserProfiles(4000);
    const started = Date.now();
    await stack.sandbox.user('psid-slow').getStarted();
    const expected = await simulated();
    const messages = await stack.sandbox.waitForMessages('psid-slow', expected.length, 3500);
    // The wait is 1.5 s; the replies come well before the profile's 4 s.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(messages.map((m) => m.text)).toEqual(expected);
  });
});
