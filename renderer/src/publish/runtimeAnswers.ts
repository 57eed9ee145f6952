// Reads what the runtime (through the host) answered, into the dialog's words: the new revision,
// the 400 reasons, a refused token, an unreachable URL. Every answer is parsed with zod first,
// since it comes over the network from whatever is listening at the URL.
import { t } from '../i18n';
import { z } from 'zod';
import { HostError, type PublishResult } from '../../../electron/host-api';
import { CompiledFlow } from '../../../flows/schema';
import type { PublishedRevision, PublishFailure } from './machine';

const Revision = z.string().regex(/^[a-f0-9]{64}$/);
const PublishOk = z.object({ revision: Revision });
const Reasons = z.object({
  problems: z.array(z.object({ code: z.string(), place: z.string(), message: z.string() })),
});
const Refusal = z.object({ error: z.string(), message: z.string().optional() });
/** GET /api/flows/:id: the active revision's metadata, with the compiled flow when the runtime includes it. */
const ActiveAnswer = z.object({ revision: Revision, flow: z.unknown().optional() });

/** The failure that asks for a new token (the dialog then shows the token field). */
export const tokenRefusedTitle = () => t('publishFailure.tokenRefused');

export function unreachable(url: string): PublishFailure {
  return {
    kind: 'connection',
    title: t('publishFailure.unreachable', { url }),
    lines: [t('publishFailure.unreachableHint')],
  };
}

/** The upload's answer: the new revision, or why the runtime refused it. */
export function readPublishResult(
  result: PublishResult,
): { ok: true; revision: string } | { ok: false; failure: PublishFailure } {
  if (result.ok) {
    const parsed = PublishOk.safeParse(result.body);
    if (parsed.success) return { ok: true, revision: parsed.data.revision };
    return runtimeFailure(t('publishFailure.noRevision'), []);
  }
  if (result.status === 401) return { ok: false, failure: tokenRefused() };
  if (result.status === 400) {
    const reasons = Reasons.safeParse(result.body);
    const lines = reasons.success
      ? reasons.data.problems.map((p) => `${p.place}: ${p.message} (${p.code})`)
      : [describeBody(result.body)];
    return runtimeFailure(t('publishFailure.refused'), lines);
  }
  return runtimeFailure(t('publishFailure.answered', { status: result.status }), [
    describeBody(result.body),
  ]);
}

/** The active revision's answer; null when the flow was never published there. */
export function readActive(body: unknown): PublishedRevision | null {
  if (body === null) return null;
  const parsed = ActiveAnswer.safeParse(body);
  if (!parsed.success) throw new Error(t('publishFailure.unreadableActive'));
  const flow = CompiledFlow.safeParse(parsed.data.flow);
  return { revision: parsed.data.revision, flow: flow.success ? flow.data : null };
}

/** A host call that threw: the host's codes (electron/services/runtime-publish.ts) in words. */
export function describeHostError(error: unknown, url: string | null): PublishFailure {
  if (error instanceof HostError) {
    if (error.code === 'runtime-unreachable') return unreachable(url ?? error.place);
    if (error.code === 'no-runtime')
      return {
        kind: 'connection',
        title: t('publishFailure.noRuntime'),
        lines: [t('publishFailure.noRuntimeHint')],
      };
    // The host reports a refused GET as "The runtime answered 401".
    if (error.code === 'runtime-error' && /\b401\b/.test(error.message)) return tokenRefused();
    return { kind: 'runtime', title: error.message, lines: [] };
  }
  return {
    kind: 'runtime',
    title: error instanceof Error ? error.message : String(error),
    lines: [],
  };
}

export function noToken(url: string): PublishFailure {
  return {
    kind: 'connection',
    title: t('publishFailure.noToken', { url }),
    lines: [t('publishFailure.noTokenHint')],
  };
}

function tokenRefused(): PublishFailure {
  return { kind: 'connection', title: tokenRefusedTitle(), lines: [] };
}

function runtimeFailure(title: string, lines: string[]): { ok: false; failure: PublishFailure } {
  return { ok: false, failure: { kind: 'runtime', title, lines } };
}

function describeBody(body: unknown): string {
  const refusal = Refusal.safeParse(body);
  if (refusal.success) return refusal.data.message ?? refusal.data.error;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
