// A subscriber as the admin API shows it, and walks over the audience that the subscriber list,
// a broadcast's preview and its recipient snapshot share.
import {
  windowOpen,
  MESSAGING_WINDOW_MS,
  CONVERSATION_GAP_MS,
  type VariableValue,
} from '../../flows/engine';
import type { AudienceStore, SubscriberRow, SubscriberSource } from '../store/audience';
import { inSegment, type Segment } from './segment';

export interface SubscriberView {
  psid: string;
  /** First and last name from the User Profile API, when Meta gave them. */
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  firstSeen: string;
  /** When the person last wrote (or tapped); null if they never did. */
  lastMessageAt: string | null;
  /** The end of their 24-hour window, and whether it is still open now. */
  windowOpenUntil: string | null;
  windowOpen: boolean;
  /** A person answers them in the Page Inbox (the bot stays out). */
  handover: boolean;
  tags: string[];
  variables: Record<string, VariableValue>;
  source: (Omit<SubscriberSource, 'at'> & { at: string }) | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

interface SessionBits {
  tags: string[];
  variables: Record<string, VariableValue>;
  handoverSince: number | null;
}

/** Tags, variables and handover from the stored session; nothing for an unreadable one. */
function sessionBits(state: string | null): SessionBits {
  const none = { tags: [], variables: {}, handoverSince: null };
  if (state === null) return none;
  try {
    const s = JSON.parse(state) as {
      tags?: unknown;
      variables?: unknown;
      wait?: { kind?: unknown; since?: unknown } | null;
    };
    const tags = Array.isArray(s.tags)
      ? s.tags.filter((t): t is string => typeof t === 'string')
      : [];
    const variables: Record<string, VariableValue> = {};
    if (s.variables && typeof s.variables === 'object')
      for (const [k, v] of Object.entries(s.variables as Record<string, unknown>))
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
          variables[k] = v;
    const handoverSince =
      s.wait?.kind === 'handover' && typeof s.wait.since === 'number' ? s.wait.since : null;
    return { tags, variables, handoverSince };
  } catch {
    return none;
  }
}

export function subscriberView(row: SubscriberRow, now: number): SubscriberView {
  const bits = sessionBits(row.state);
  const name = [row.firstName, row.lastName].filter((n) => n).join(' ');
  return {
    psid: row.psid,
    name: name || null,
    firstName: row.firstName,
    lastName: row.lastName,
    locale: row.locale,
    firstSeen: iso(row.firstSeen),
    lastMessageAt: row.lastUserAt === null ? null : iso(row.lastUserAt),
    windowOpenUntil: row.lastUserAt === null ? null : iso(row.lastUserAt + MESSAGING_WINDOW_MS),
    windowOpen: windowOpen(row.lastUserAt, now),
    handover: bits.handoverSince !== null && now - bits.handoverSince < CONVERSATION_GAP_MS,
    tags: bits.tags,
    variables: bits.variables,
    source: row.source ? { ...row.source, at: iso(row.source.at) } : null,
  };
}

/** Why a start cannot reach this subscriber now, or undefined when it can. */
export function unreachableReason(view: SubscriberView): string | undefined {
  if (!view.windowOpen) return 'outside-window';
  if (view.handover) return 'handover';
  return undefined;
}

export function matches(view: SubscriberView, segment: Segment): boolean {
  return inSegment(view, segment);
}

export interface Page {
  subscribers: SubscriberView[];
  /** Where the next page starts, or null at the end. */
  next: string | null;
}

/**
 * One page of the subscribers a segment selects, in PSID order after `cursor`. Tags and
 * variables live in each session's JSON, so rows are read in batches and filtered here; a page
 * stops after `maxScan` rows even if short, and `next` says where to go on.
 */
export async function pageOfSegment(
  audience: AudienceStore,
  pageId: string,
  segment: Segment,
  now: number,
  options: { cursor?: string; limit: number; maxScan?: number },
): Promise<Page> {
  const found: SubscriberView[] = [];
  const maxScan = options.maxScan ?? 5000;
  let after = options.cursor;
  let scanned = 0;
  const activeSince = segment.window === 'open' ? now - MESSAGING_WINDOW_MS : undefined;
  for (;;) {
    const batch = Math.min(500, maxScan - scanned);
    const rows = await audience.scanSubscribers(pageId, {
      ...(after !== undefined ? { after } : {}),
      ...(activeSince !== undefined ? { activeSince } : {}),
      limit: batch,
    });
    for (const row of rows) {
      scanned++;
      after = row.psid;
      const view = subscriberView(row, now);
      if (!matches(view, segment)) continue;
      found.push(view);
      if (found.length === options.limit) return { subscribers: found, next: row.psid };
    }
    if (rows.length < batch) return { subscribers: found, next: null };
    if (scanned >= maxScan) return { subscribers: found, next: after ?? null };
  }
}

/** Every subscriber a segment selects (a broadcast's size and recipients). */
export async function* walkSegment(
  audience: AudienceStore,
  pageId: string,
  segment: Segment,
  now: number,
): AsyncGenerator<SubscriberView> {
  let cursor: string | undefined;
  for (;;) {
    const page = await pageOfSegment(audience, pageId, segment, now, {
      ...(cursor !== undefined ? { cursor } : {}),
      limit: 1000,
      maxScan: 5000,
    });
    yield* page.subscribers;
    if (page.next === null) return;
    cursor = page.next;
  }
}

/** How many subscribers a segment selects, and how many of them a start could reach now. */
export async function segmentSize(
  audience: AudienceStore,
  pageId: string,
  segment: Segment,
  now: number,
): Promise<{ size: number; reachableNow: number }> {
  let size = 0;
  let reachableNow = 0;
  for await (const view of walkSegment(audience, pageId, segment, now)) {
    size++;
    if (unreachableReason(view) === undefined) reachableNow++;
  }
  return { size, reachableNow };
}
