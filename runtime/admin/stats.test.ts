// The stats route over real HTTP (docs/format.md §6): counts summed over the daily buckets, for all time
// and every revision by default, or for a UTC date range and one revision; bad query values
// answer 400 naming the parameter.
import { afterEach, describe, expect, it } from 'vitest';
import { compile, exampleFlow } from '../testing/flows';
import { startStack, type Stack } from '../testing/stack';

const DAY = 24 * 60 * 60 * 1000;
let stack: Stack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('stats route', () => {
  it('answers totals, a date range and one revision, and says what it applied', async () => {
    // The runtime's clock at noon UTC of the day asked for, so no turn falls on a day boundary.
    const todayNoon = Math.floor(Date.now() / DAY) * DAY + DAY / 2;
    let offset = todayNoon - DAY - Date.now();
    stack = await startStack({ overrides: { now: () => Date.now() + offset } });
    const { sandbox } = stack;
    const first = compile(exampleFlow('welcome'));
    expect((await stack.publish(first)).status).toBe(200);
    // Yesterday, the first revision: the menu is entered and sent.
    await sandbox.user('anna').getStarted();
    await sandbox.waitForMessages('anna', 2);
    // Today, still the first revision: a tap on a quick reply enters the hours step.
    offset = todayNoon - Date.now();
    await sandbox.user('anna').tapQuickReply('Opening hours');
    await sandbox.waitForMessages('anna', 3);
    // Today, a second revision: the menu again.
    const second = compile({ ...exampleFlow('welcome'), name: 'Welcome, edited' });
    expect(second.revision).not.toBe(first.revision);
    expect((await stack.publish(second)).status).toBe(200);
    await sandbox.user('ben').getStarted();
    await sandbox.waitForMessages('ben', 2);

    const today = isoDay(todayNoon);
    const yesterday = isoDay(todayNoon - DAY);
    const stats = async (query: string) => {
      const res = await stack!.admin(`/api/flows/welcome/stats${query}`);
      expect(res.status).toBe(200);
      return res.json();
    };
    const menu = (entered: number, sent: number, clicked: Record<string, number>) => {
      const left = Object.values(clicked).reduce((a, b) => a + b, 0);
      return { entered, sent, dropped: 0, clicked, left, dropOff: entered - left };
    };

    const all = await stats('');
    expect(all).toMatchObject({ flowId: 'welcome', from: null, to: null, revision: null });
    expect(all.nodes['n-start']).toMatchObject({ entered: 2 });
    expect(all.nodes['n-menu']).toEqual(menu(2, 2, { 'reply:hours': 1 }));
    expect(all.nodes['n-hours']).toMatchObject({ entered: 1, sent: 1 });

    const before = await stats(`?from=${yesterday}&to=${yesterday}`);
    expect(before).toMatchObject({ from: yesterday, to: yesterday, revision: null });
    expect(before.nodes['n-start']).toMatchObject({ entered: 1 });
    expect(before.nodes['n-menu']).toEqual(menu(1, 1, {}));
    expect(before.nodes['n-hours']).toBeUndefined();

    const sinceToday = await stats(`?from=${today}`);
    expect(sinceToday).toMatchObject({ from: today, to: null });
    expect(sinceToday.nodes['n-menu']).toEqual(menu(1, 1, { 'reply:hours': 1 }));
    expect(sinceToday.nodes['n-hours']).toMatchObject({ entered: 1 });

    const firstOnly = await stats(`?revision=${first.revision}`);
    expect(firstOnly.revision).toBe(first.revision);
    expect(firstOnly.nodes['n-start']).toMatchObject({ entered: 1 });
    expect(firstOnly.nodes['n-menu']).toEqual(menu(1, 1, { 'reply:hours': 1 }));
    expect(firstOnly.nodes['n-hours']).toMatchObject({ entered: 1 });

    const secondToday = await stats(`?from=${today}&to=${today}&revision=${second.revision}`);
    expect(secondToday.nodes['n-start']).toMatchObject({ entered: 1 });
    expect(secondToday.nodes['n-menu']).toEqual(menu(1, 1, {}));
    expect(secondToday.nodes['n-hours']).toBeUndefined();

    expect((await stats(`?to=${isoDay(todayNoon - 2 * DAY)}`)).nodes).toEqual({});
  });

  it("says per node how many left it, the drop-off, and each split variant's share", async () => {
    stack = await startStack();
    const { sandbox } = stack;
    expect((await stack.publish(compile(exampleFlow('shop')))).status).toBe(200);
    for (const psid of ['anna', 'ben', 'carl']) {
      const user = sandbox.user(psid);
      await user.getStarted();
      await sandbox.waitForMessages(psid, 2);
      await user.tapQuickReply('Browse shoes');
      await sandbox.waitForMessages(psid, 4);
      await user.tapButton('Choose this one', 'Trail Runner 2');
      await sandbox.waitForMessages(psid, 5);
      // Carl never answers the size question.
      if (psid !== 'carl') {
        await user.sendText('42');
        await sandbox.waitForMessages(psid, 6);
      }
    }
    const res = await stack.admin('/api/flows/shop/stats');
    const { nodes } = (await res.json()) as { nodes: Record<string, Record<string, unknown>> };
    expect(nodes['n-size']).toMatchObject({ entered: 3, left: 2, dropOff: 1 });
    const variants = nodes['n-offer-split']!.variants as Record<
      string,
      { picked: number; share: number }
    >;
    const picks = Object.values(variants);
    expect(picks.reduce((sum, v) => sum + v.picked, 0)).toBe(2);
    expect(picks.reduce((sum, v) => sum + v.share, 0)).toBeCloseTo(1);
    for (const v of picks) expect(v.share).toBeCloseTo(v.picked / 2);
    expect(nodes['n-offer-split']).toMatchObject({ entered: 2, left: 2, dropOff: 0 });
  });

  it('answers 400 naming the parameter for a bad date, range, revision or parameter', async () => {
    stack = await startStack();
    const problems = async (query: string) => {
      const res = await stack!.admin(`/api/flows/welcome/stats${query}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        error: string;
        problems: { place: string; message: string }[];
      };
      expect(body.error).toBe('invalid-query');
      return body.problems.map((p) => `${p.place}: ${p.message}`);
    };
    expect(await problems('?from=2026-13-01')).toEqual([
      '?from: from must be a date as YYYY-MM-DD (UTC), got "2026-13-01"',
    ]);
    expect(await problems('?to=2026-02-30')).toEqual([
      '?to: to must be a date as YYYY-MM-DD (UTC), got "2026-02-30"',
    ]);
    expect(await problems('?from=yesterday')).toEqual([
      '?from: from must be a date as YYYY-MM-DD (UTC), got "yesterday"',
    ]);
    expect(await problems('?from=2026-11-30&to=2026-11-29')).toEqual([
      '?from: from (2026-11-30) is after to (2026-11-29)',
    ]);
    expect(await problems('?revision=abc')).toEqual([
      '?revision: revision must be a 64-digit hex hash, got "abc"',
    ]);
    expect(await problems('?since=2026-11-01')).toEqual([
      '?since: unknown parameter "since" (known: from, to, revision, goal)',
    ]);
    expect(await problems('?from=2026-11-01&from=2026-11-02')).toEqual([
      '?from: from is given more than once',
    ]);
    // A valid query on a flow without stats is an empty answer, not an error.
    const ok = await stack.admin('/api/flows/welcome/stats?from=2026-02-28&to=2026-02-28');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      flowId: 'welcome',
      from: '2026-02-28',
      to: '2026-02-28',
      revision: null,
      goal: null,
      nodes: {},
    });
  });
});
