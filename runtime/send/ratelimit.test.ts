// Per-Page pacing (MESSENGER.md §6) with a virtual clock.
import { describe, expect, it } from 'vitest';
import { readUsage } from './usage';
import { SendPacer } from './ratelimit';

function pacerAt(start = 1000) {
  let now = start;
  const pacer = new SendPacer({ textPerSecond: 300, mediaPerSecond: 10 }, () => now);
  return { pacer, advance: (ms: number) => (now += ms), now: () => now };
}

async function immediate(p: Promise<void>): Promise<boolean> {
  return Promise.race([
    p.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), 30)),
  ]);
}

describe('SendPacer', () => {
  it('lets 300 texts and 10 videos a second through per Page, then waits', async () => {
    const { pacer } = pacerAt();
    for (let i = 0; i < 300; i++) expect(await immediate(pacer.acquire('p1', false))).toBe(true);
    expect(await immediate(pacer.acquire('p1', false))).toBe(false);
    for (let i = 0; i < 10; i++) expect(await immediate(pacer.acquire('p1', true))).toBe(true);
    expect(await immediate(pacer.acquire('p1', true))).toBe(false);
    // Another Page has its own buckets.
    expect(await immediate(pacer.acquire('p2', true))).toBe(true);
  });

  it('pauses a Page for the time Meta says access returns', () => {
    const { pacer } = pacerAt();
    pacer.observe(
      'p1',
      readUsage(
        new Headers({
          'x-business-use-case-usage': JSON.stringify({
            p1: [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 2 }],
          }),
        }),
      ),
    );
    expect(pacer.pausedFor('p1')).toBe(120_000);
    expect(pacer.pausedFor('p2')).toBe(0);
  });

  it('reads the highest usage from both headers', () => {
    const usage = readUsage(
      new Headers({
        'x-app-usage': '{"call_count":12,"total_cputime":81,"total_time":3}',
        'x-business-use-case-usage': 'not json',
      }),
    );
    expect(usage).toEqual({ percent: 81, regainMs: 0 });
  });
});
