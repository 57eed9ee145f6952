// Per-Page pacing (docs/messenger.md §6) with a virtual clock.
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
  it('starts empty and lets 300 texts and 10 videos a second through per Page', async () => {
    const { pacer, advance } = pacerAt();
    // Nothing saved up at start: a new instance cannot burst. (These two stay waiting, so the
    // counts below use other Pages, created now by asking about them.)
    expect(await immediate(pacer.acquire('p1', false))).toBe(false);
    expect(await immediate(pacer.acquire('p1', true))).toBe(false);
    expect(pacer.pausedFor('p2') + pacer.pausedFor('p3')).toBe(0);
    // A tenth of a second later: 30 texts and 1 video.
    advance(100);
    for (let i = 0; i < 30; i++) expect(await immediate(pacer.acquire('p2', false))).toBe(true);
    expect(await immediate(pacer.acquire('p2', true))).toBe(true);
    // Over a second, the rate and no more: an idle spell saves up a tenth of a second at most.
    advance(5000);
    let texts = 0;
    for (let ms = 0; ms < 1000; ms += 100) {
      advance(100);
      while (texts < 1000 && (await immediate(pacer.acquire('p3', false)))) texts++;
    }
    expect(texts).toBeGreaterThanOrEqual(299);
    expect(texts).toBeLessThanOrEqual(330);
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
