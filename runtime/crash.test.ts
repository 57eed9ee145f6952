// Durability: the runtime is killed (SIGKILL, a child process) between storing events and
// sending the replies, and restarted on the same store. Nothing is lost, nothing sent twice, and
// a delay that fell due while it was down still goes out, once. Killed while sending under load,
// it repeats at most THREADLINE_SENDS_IN_FLIGHT replies per kill: those Messenger accepted but
// whose result the runtime had not stored yet.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompiledFlow } from '../flows/schema';
import { startSandbox, type Sandbox } from './sandbox';
import { spawnRuntime, type ChildRuntime } from './testing/child';
import { compile, delayFlow, exampleFlow } from './testing/flows';
import { SECRETS } from './testing/stack';
import { pause, waitUntil } from './testing/wait';

let sandbox: Sandbox;
let dir: string;
let child: ChildRuntime | undefined;
beforeEach(async () => {
  sandbox = await startSandbox({ ...SECRETS });
  dir = mkdtempSync(join(tmpdir(), 'threadline-crash-'));
});
afterEach(async () => {
  await child?.kill();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}): Promise<ChildRuntime> {
  child = await spawnRuntime(sandbox.url, join(dir, 'runtime.db'), env);
  sandbox.connect(child.url);
  return child;
}

async function publish(runtime: ChildRuntime, flow: CompiledFlow): Promise<void> {
  const res = await fetch(`${runtime.url}/api/flows/${flow.flowId}`, {
    method: 'PUT',
    body: JSON.stringify(flow),
    headers: { authorization: `Bearer ${SECRETS.adminToken}` },
  });
  expect(res.status).toBe(200);
}

/** Rows the runtime has recorded as sent, read from its SQLite file (WAL allows a reader). */
function sentRows(): number {
  const db = new Database(join(dir, 'runtime.db'), { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'sent'`).get() as { n: number }
    ).n;
  } finally {
    db.close();
  }
}

/** The store's counters, read from the file by a second reader. */
async function counts(): Promise<{ outboxPending: number }> {
  const db = new Database(join(dir, 'runtime.db'), { readonly: true, fileMustExist: true });
  try {
    return {
      outboxPending: (
        db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'`).get() as {
          n: number;
        }
      ).n,
    };
  } finally {
    db.close();
  }
}

const accepted = () =>
  sandbox.calls().filter((c) => c.path === '/me/messages' && c.status === 200).length;

describe('a crash and a restart', () => {
  it('loses nothing and sends nothing twice when killed before the replies went out', async () => {
    const first = await start();
    await publish(first, compile(exampleFlow('welcome')));
    sandbox.hold(); // the Send API stops answering: replies are decided and stored, not sent
    const users = ['u1', 'u2', 'u3', 'u4', 'u5'];
    for (const psid of users) expect((await sandbox.user(psid).sendText('menu')).status).toBe(200);
    await pause(500);
    await first.kill();
    sandbox.release(); // calls of the dead process are dropped, as Messenger drops a broken request
    expect(accepted()).toBe(0);

    await start();
    for (const psid of users) {
      const messages = await sandbox.waitForMessages(psid, 2, 10_000);
      expect(messages[0]!.text).toContain('automated assistant');
      expect(messages[1]!.text).toContain('What can we do for you');
    }
    await pause(500);
    for (const psid of users) expect(sandbox.messages(psid)).toHaveLength(2);
    expect(accepted()).toBe(10);
  });

  it('keeps what was sent before the crash and sends only the rest after it', async () => {
    const first = await start();
    await publish(first, compile(exampleFlow('welcome')));
    await sandbox.user('v1').sendText('menu');
    await sandbox.waitForMessages('v1', 2);
    await waitUntil(() => sentRows() === 2); // both recorded as sent before the crash
    sandbox.hold();
    await sandbox.user('v1').tapQuickReply('Opening hours');
    await pause(300);
    await first.kill();
    sandbox.release();

    await start();
    const messages = await sandbox.waitForMessages('v1', 3, 10_000);
    await pause(500);
    expect(sandbox.messages('v1')).toHaveLength(3);
    expect(messages[2]!.text).toContain('Monday to Saturday');
  });

  it('sends a delayed message that fell due while the runtime was down, once', async () => {
    const first = await start();
    await publish(first, compile(delayFlow(2)));
    await sandbox.user('w1').getStarted();
    await sandbox.waitForMessages('w1', 1);
    await waitUntil(() => sentRows() === 1);
    await first.kill();
    await pause(2500); // the delay falls due while nothing runs

    await start();
    const messages = await sandbox.waitForMessages('w1', 2, 10_000);
    expect(messages.map((m) => m.text)).toEqual(['Hello', 'Still there?']);
    await pause(600);
    expect(sandbox.messages('w1')).toHaveLength(2);
  });
});

describe('kill -9 under load', () => {
  it('repeats at most the sends in flight per kill, and loses nothing', async () => {
    const cap = 8;
    const env = { THREADLINE_SENDS_IN_FLIGHT: String(cap) };
    let runtime = await start(env);
    await publish(runtime, compile(exampleFlow('welcome')));
    // 600 users each write once and get two replies: 1,200 sends, paced at 300 a second.
    const users = Array.from({ length: 600 }, (_, i) => `load-${i}`);
    const expected = users.length * 2;
    const acks = users.map((psid) => sandbox.user(psid).sendText('menu'));
    for (const ack of await Promise.all(acks)) expect(ack.status).toBe(200);
    const kills = 3;
    const atKill: number[] = [];
    for (let k = 0; k < kills; k++) {
      const from = accepted();
      await waitUntil(() => accepted() >= from + 150, 20_000);
      await runtime.kill();
      atKill.push(accepted());
      runtime = await start(env);
    }
    // Every kill came while replies were still going out.
    for (const n of atKill) expect(n).toBeLessThan(expected);
    await waitUntil(() => users.every((psid) => sandbox.messages(psid).length >= 2), 30_000);
    await waitUntil(async () => (await counts()).outboxPending === 0, 10_000);
    let repeated = 0;
    for (const psid of users) {
      const texts = sandbox.messages(psid).map((m) => m.text ?? '');
      // In order, both replies, nothing lost; a repeat is one reply sent again right after itself.
      const distinct = texts.filter((t, i) => i === 0 || t !== texts[i - 1]);
      expect(distinct, psid).toHaveLength(2);
      expect(distinct[0]).toContain('automated assistant');
      expect(distinct[1]).toContain('What can we do for you');
      repeated += texts.length - 2;
    }
    expect(accepted()).toBe(expected + repeated);
    console.info(`kill -9 under load: ${kills} kills, ${repeated} replies repeated, cap ${cap}`);
    expect(repeated).toBeLessThanOrEqual(kills * cap);
  }, 90_000);
});

describe('a clean stop', () => {
  it('exits with 0 on SIGTERM', async () => {
    const runtime = await start();
    const exit = new Promise<number | null>((resolve) => runtime.process.once('exit', resolve));
    runtime.process.kill('SIGTERM');
    expect(await exit).toBe(0);
    child = undefined;
  });
});
