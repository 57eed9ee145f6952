// Per-Page send pacing (MESSENGER.md §6): two token buckets a Page, text at 300/s and audio or
// video at 10/s, slowed when Meta's usage headers pass 75 % and paused when a limit was hit.
// Backoff is per Page, never global.
export interface RateLimits {
  textPerSecond: number;
  mediaPerSecond: number;
}

export const MESSENGER_RATE_LIMITS: RateLimits = { textPerSecond: 300, mediaPerSecond: 10 };

class Bucket {
  private tokens: number;
  private last: number;
  constructor(
    private rate: number,
    now: number,
  ) {
    this.tokens = rate;
    this.last = now;
  }
  /** Milliseconds to wait before a token is free (0: taken now). */
  take(now: number, scale: number): number {
    const rate = this.rate * scale;
    this.tokens = Math.min(rate, this.tokens + ((now - this.last) / 1000) * rate);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / rate) * 1000);
  }
}

interface PageState {
  text: Bucket;
  media: Bucket;
  pausedUntil: number;
  scale: number;
}

export class SendPacer {
  private pages = new Map<string, PageState>();
  constructor(
    private limits: RateLimits = MESSENGER_RATE_LIMITS,
    private now: () => number = Date.now,
  ) {}

  private page(pageId: string): PageState {
    let state = this.pages.get(pageId);
    if (!state) {
      const now = this.now();
      state = {
        text: new Bucket(this.limits.textPerSecond, now),
        media: new Bucket(this.limits.mediaPerSecond, now),
        pausedUntil: 0,
        scale: 1,
      };
      this.pages.set(pageId, state);
    }
    return state;
  }

  /** Waits until this Page may make one more call of this kind. */
  async acquire(pageId: string, media: boolean): Promise<void> {
    const state = this.page(pageId);
    for (let i = 0; i < 10_000; i++) {
      const now = this.now();
      const paused = state.pausedUntil - now;
      const wait = paused > 0 ? paused : (media ? state.media : state.text).take(now, state.scale);
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 1000)));
    }
  }

  /** Usage headers from the last answer: slow down past 75 %, pause while a limit is hit. */
  observe(pageId: string, usage: { percent: number; regainMs: number }): void {
    const state = this.page(pageId);
    state.scale = usage.percent >= 95 ? 0.1 : usage.percent >= 75 ? 0.5 : 1;
    if (usage.regainMs > 0)
      state.pausedUntil = Math.max(state.pausedUntil, this.now() + usage.regainMs);
  }

  /** A throttle error without a usage hint: pause this Page for `ms`. */
  pause(pageId: string, ms: number): void {
    const state = this.page(pageId);
    state.pausedUntil = Math.max(state.pausedUntil, this.now() + ms);
  }

  pausedFor(pageId: string): number {
    return Math.max(0, this.page(pageId).pausedUntil - this.now());
  }
}
