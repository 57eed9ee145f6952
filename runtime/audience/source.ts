// Where a subscriber came from, read from the raw webhook event that brought them
// (docs/messenger.md §8): an m.me link's `ref`, a Click-to-Messenger ad (`source: "ADS"` with its
// `ad_id`), or a comment the Page answered privately. The first source known is kept.
import type { SubscriberSource } from '../store/audience';

interface Referral {
  ref?: unknown;
  source?: unknown;
  ad_id?: unknown;
}

interface RawEvent {
  referral?: Referral;
  postback?: { referral?: Referral };
  message?: { referral?: Referral };
  /** A comment-to-Messenger start names the comment it came from. */
  comment?: { comment_id?: unknown; id?: unknown };
}

export function sourceOf(event: unknown, at: number): SubscriberSource | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const raw = event as RawEvent;
  const commentId = raw.comment?.comment_id ?? raw.comment?.id;
  if (typeof commentId === 'string') return { kind: 'comment', commentId, at };
  const referral = raw.referral ?? raw.postback?.referral ?? raw.message?.referral;
  if (!referral) return undefined;
  const ref = typeof referral.ref === 'string' ? referral.ref : undefined;
  if (referral.source === 'ADS' || typeof referral.ad_id === 'string')
    return {
      kind: 'ad',
      ...(typeof referral.ad_id === 'string' ? { adId: referral.ad_id } : {}),
      ...(ref ? { ref } : {}),
      at,
    };
  return ref ? { kind: 'ref', ref, at } : undefined;
}
