// Per-Page send pacing (docs/messenger.md §6): two token buckets a Page, text at 300/s and audio or
// video at 10/s, slowed when Meta's usage headers pass 75 % and paused when a limit was hit.
// Backoff is per Page, never global. A bucket starts empty and holds at most a tenth of a
// second's worth, so no one-second window sees much more than the rate, not even right after a
// start or an idle spell. With a store shared by several instances the buckets live in the store
// (one per Page for all instances together); each instance takes a few tokens at a time and
// drops the ones it did not use within a moment.
import type { SendTokenRequest } from '../store/types';

export interface RateLimits {
  textPerSecond: number;
  mediaPerSecond: number;
}

export const MESSENGER_RATE_LIMITS: RateLimits = { textPerSecond: 300, mediaPerSecond: 10 };

/** The most a bucket holds: this share of a second's rate (at least one token). */
const BURST_SECONDS = 0.1;
/** How many tokens an instance takes from a shared bucket at once: this share of a second's. */
const CHUNK_SECONDS = 0.03;
/** Tokens taken from a shared bucket but not used within this long are dropped. */
const CHUNK_TTL_MS = 100;

export const burstOf = (rate: number) => Math.max(1, rate * BURST_SECONDS);

class Bucket {
  private tokens = 0;
  private last: number;
  constructor(
    private rate: number,
    now: number,
  ) {
    this.last = now;
  }
  /** Milliseconds to wait before a token is free (0: taken now). */
  take(now: number, scale: number): number {
    const rate = this.rate * scale;
    this.tokens = Math.min(burstOf(rate), this.tokens + ((now - this.last) / 1000) * rate);
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
  /** Tokens taken from the shared buckets, usable until `until`. */
  reserve: Record<'text' | 'media', Reserve>;
  pausedUntil: number;
  scale: number;
}

interface Reserve {
  tokens: number;
  until: number;
  /** A request to the store in flight; resolves with the wait it advises (0: tokens came). */
  pending?: Promise<number>;
}

/** The store's shared buckets (see Store.takeSendTokens). */
export type SharedBuckets = (
  request: SendTokenRequest,
) => Promise<{ granted: number; waitMs: number }>;

export class SendPacer {
  private pages = new Map<string, PageState>();
  constructor(
    private limits: RateLimits = MESSENGER_RATE_LIMITS,
    private now: () => number = Date.now,
    private shared?: SharedBuckets,
  ) {}

  private page(pageId: string): PageState {
    let state = this.pages.get(pageId);
    if (!state) {
      const now = this.now();
      state = {
        text: new Bucket(this.limits.textPerSecond, now),
        media: new Bucket(this.limits.mediaPerSecond, now),
        reserve: { text: { tokens: 0, until: 0 }, media: { tokens: 0, until: 0 } },
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
      const wait =
        paused > 0
          ? paused
          : this.shared
            ? await this.takeShared(pageId, state, media ? 'media' : 'text')
            : (media ? state.media : state.text).take(now, state.scale);
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 1000)));
    }
  }

  /** Milliseconds to wait for a token of the shared bucket (0: taken now). */
  private async takeShared(
    pageId: string,
    state: PageState,
    bucket: 'text' | 'media',
  ): Promise<number> {
    const reserve = state.reserve[bucket];
    // Lanes that find the reserve empty together share one request to the store.
    for (let i = 0; i < 2; i++) {
      if (reserve.tokens >= 1 && this.now() < reserve.until) {
        reserve.tokens--;
        return 0;
      }
      if (!reserve.pending) break;
      const waitMs = await reserve.pending;
      if (waitMs > 0) return waitMs;
    }
    const rate =
      (bucket === 'media' ? this.limits.mediaPerSecond : this.limits.textPerSecond) * state.scale;
    const request = this.shared!({
      pageId,
      bucket,
      want: Math.max(1, Math.floor(rate * CHUNK_SECONDS)),
      ratePerSecond: rate,
      burst: burstOf(rate),
    }).then(({ granted, waitMs }) => {
      reserve.tokens = granted;
      reserve.until = this.now() + CHUNK_TTL_MS;
      return granted >= 1 ? 0 : Math.max(1, waitMs);
    });
    reserve.pending = request;
    try {
      const waitMs = await request;
      if (waitMs > 0) return waitMs;
    } finally {
      if (reserve.pending === request) reserve.pending = undefined;
    }
    if (reserve.tokens < 1) return 1;
    reserve.tokens--;
    return 0;
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
