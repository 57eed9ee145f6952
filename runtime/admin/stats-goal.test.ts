// Split conversion to a goal node (docs/format.md §6 `?goal=`) over real HTTP with the sandbox, on
// SQLite and on PostgreSQL: users pass the shop's offer split, some reach the goal, one reaches
// it twice after a single pick; the counts per variant are exact, each session counted once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../store/postgres';
import { compile, exampleFlow } from '../testing/flows';
import {
  assertPostgresReachable,
  dropSchema,
  POSTGRES_URL,
  uniqueSchema,
} from '../testing/postgres';
import { startStack, type Stack } from '../testing/stack';

type Nodes = Record<string, { variants?: Record<string, { picked: number }>; converted?: unknown }>;

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`stats goal conversion on ${backend}`, () => {
    let stack: Stack | undefined;
    const schemas: string[] = [];
    beforeAll(async () => {
      if (backend === 'postgres') await assertPostgresReachable();
    });
    afterEach(async () => {
      await stack?.stop();
      stack = undefined;
    });
    afterAll(async () => {
      for (const schema of schemas) await dropSchema(schema);
    });

    async function start(): Promise<Stack> {
      if (backend === 'sqlite') return startStack();
      const schema = uniqueSchema();
      schemas.push(schema);
      return startStack({
        overrides: { store: await openPostgresStore(POSTGRES_URL, { schema }) },
      });
    }

    it('counts per variant the sessions that reached the goal, once each', async () => {
      stack = await start();
      const { sandbox } = stack;
      expect((await stack.publish(compile(exampleFlow('shop')))).status).toBe(200);
      const variantOf: Record<string, string> = {};
      // Through the split to the offer and "Anything else?" (8 messages).
      const users = ['anna', 'ben', 'carl', 'dora', 'emil', 'fay'];
      for (const psid of users) {
        const user = sandbox.user(psid);
        await user.getStarted();
        await sandbox.waitForMessages(psid, 2);
        await user.tapQuickReply('Browse shoes');
        await sandbox.waitForMessages(psid, 4);
        await user.tapButton('Choose this one', 'Trail Runner 2');
        await sandbox.waitForMessages(psid, 5);
        await user.sendText('42');
        const seen = await sandbox.waitForMessages(psid, 7);
        const offer = seen.find((m) => m.text?.startsWith('Size 42 is in stock'))!.text!;
        variantOf[psid] = offer.includes('10% off') ? 'discount' : 'shipping';
      }
      // Anna goes back to the menu and through the size guide to "Anything else?" again, then
      // leaves: she reaches n-more twice after one pick. Ben, Carl and Dora say that is all
      // (the goal n-bye); Emil and Fay never answer.
      const anna = sandbox.user('anna');
      await anna.tapQuickReply('Main menu');
      await sandbox.waitForMessages('anna', 8);
      await anna.tapQuickReply('Size guide');
      await sandbox.waitForMessages('anna', 10);
      for (const psid of ['anna', 'ben', 'carl', 'dora']) {
        const count = sandbox.messages(psid).length;
        await sandbox.user(psid).tapQuickReply("That's all");
        await sandbox.waitForMessages(psid, count + 1);
      }
      const expected = (who: string[]) => {
        const counts: Record<string, number> = { discount: 0, shipping: 0 };
        for (const psid of who) counts[variantOf[psid]!]!++;
        return counts;
      };
      const stats = async (query: string) => {
        const res = await stack!.admin(`/api/flows/shop/stats${query}`);
        expect(res.status).toBe(200);
        return (await res.json()) as { goal: string | null; nodes: Nodes };
      };

      const bye = await stats('?goal=n-bye');
      expect(bye.goal).toBe('n-bye');
      expect(bye.nodes['n-offer-split']!.converted).toEqual(
        expected(['anna', 'ben', 'carl', 'dora']),
      );
      const picked = bye.nodes['n-offer-split']!.variants!;
      expect(picked.discount?.picked ?? 0).toBe(expected(users).discount);
      expect(picked.shipping?.picked ?? 0).toBe(expected(users).shipping);
      // Everyone reached n-more; Anna twice, counted once.
      const more = await stats('?goal=n-more');
      expect(more.nodes['n-offer-split']!.converted).toEqual(expected(users));
      // The size guide only Anna saw after her pick.
      expect((await stats('?goal=n-sizes')).nodes['n-offer-split']!.converted).toEqual(
        expected(['anna']),
      );
      // A node before the split that nobody went back to.
      expect((await stats('?goal=n-catalog')).nodes['n-offer-split']!.converted).toEqual(
        expected([]),
      );
      // Without a goal there is no conversion, and the reach counts do not show as nodes' keys.
      const plain = await stats('');
      expect(plain.goal).toBeNull();
      expect(plain.nodes['n-offer-split']!.converted).toBeUndefined();
      expect(Object.keys(plain.nodes['n-bye']!).sort()).toEqual(
        ['clicked', 'dropOff', 'dropped', 'entered', 'left', 'sent'].sort(),
      );
      // A goal is checked against the revision asked for: one this flow never had knows no nodes.
      const other = 'f'.repeat(64);
      const res = await stack.admin(`/api/flows/shop/stats?goal=n-bye&revision=${other}`);
      expect(res.status).toBe(400);
    });

    it('answers 400 naming an unknown or malformed goal', async () => {
      stack = await start();
      expect((await stack.publish(compile(exampleFlow('shop')))).status).toBe(200);
      const problems = async (query: string) => {
        const res = await stack!.admin(`/api/flows/shop/stats${query}`);
        expect(res.status).toBe(400);
        const body = (await res.json()) as { error: string; problems: { message: string }[] };
        expect(body.error).toBe('invalid-query');
        return body.problems.map((p) => p.message);
      };
      expect(await problems('?goal=n-nowhere')).toEqual([
        'goal "n-nowhere" is not a node of flow "shop"',
      ]);
      expect(await problems('?goal=a%20b')).toEqual([
        'goal must be a node id (letters, digits, "_", "-"), got "a b"',
      ]);
      expect(await problems('?goal=n-bye&goal=n-more')).toEqual(['goal is given more than once']);
      const ok = await stack.admin('/api/flows/shop/stats?goal=n-bye');
      expect(ok.status).toBe(200);
    });
  });
}
