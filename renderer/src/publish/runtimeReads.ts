// Reads the runtime's answers about a published flow (through the host): its revisions, the
// per-node stats and the sessions waiting per node. Parsed with zod first, since they come over
// the network from whatever listens at the URL; an answer this app cannot read throws, naming
// the route.
import { z } from 'zod';
import { t } from '../i18n';

const Revision = z.string().regex(/^[a-f0-9]{64}$/);
const Count = z.number().int().nonnegative();

const RevisionEntry = z.object({
  revision: Revision,
  name: z.string().optional(),
  /** Epoch milliseconds. */
  createdAt: z.number(),
  active: z.boolean(),
  /** The number of nodes, when the runtime says (older runtimes do not). */
  nodeCount: Count.optional(),
  nodes: Count.optional(),
});
const RevisionsAnswer = z.object({ revisions: z.array(RevisionEntry) });

export interface RevisionInfo {
  revision: string;
  name: string;
  createdAt: number;
  active: boolean;
  nodeCount: number | null;
}

/** GET /api/flows/:id/revisions, newest first; [] when the runtime has none (null answer). */
export function readRevisions(body: unknown): RevisionInfo[] {
  if (body === null) return [];
  const parsed = RevisionsAnswer.safeParse(body);
  if (!parsed.success) throw new Error(t('revisions.unreadableRevisions'));
  return parsed.data.revisions.map((r) => ({
    revision: r.revision,
    name: r.name ?? '',
    createdAt: r.createdAt,
    active: r.active,
    nodeCount: r.nodeCount ?? r.nodes ?? null,
  }));
}

const NodeStats = z.object({
  entered: Count.default(0),
  sent: Count.default(0),
  dropped: Count.default(0),
  clicked: z.record(z.string(), Count).default({}),
  /** Times the node was left by any output. */
  left: Count.optional(),
  /** Entered and never went on (entered - left). */
  dropOff: Count.optional(),
  /** Split nodes: each variant's picks and its share of all picks (0 to 1). */
  variants: z
    .record(z.string(), z.object({ picked: Count, share: z.number().min(0).max(1) }))
    .optional(),
  /** With a goal: per variant, how many who took it reached the goal node. */
  converted: z.record(z.string(), Count).optional(),
});
export type NodeStats = z.infer<typeof NodeStats>;

const StatsAnswer = z.object({
  from: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
  revision: z.string().nullable().optional(),
  goal: z.string().nullable().optional(),
  nodes: z.record(z.string(), NodeStats),
});
export type StatsAnswer = z.infer<typeof StatsAnswer>;

/** GET /api/flows/:id/stats. */
export function readStats(body: unknown): StatsAnswer {
  if (body === null) return { nodes: {} };
  const parsed = StatsAnswer.safeParse(body);
  if (!parsed.success) throw new Error(t('revisions.unreadableStats'));
  return parsed.data;
}

const WaitingAnswer = z.object({ revision: Revision, nodes: z.record(z.string(), Count) });
export type WaitingAnswer = z.infer<typeof WaitingAnswer>;

/** GET /api/flows/:id/waiting; null when the runtime has no sessions for the flow. */
export function readWaiting(body: unknown): WaitingAnswer | null {
  if (body === null) return null;
  const parsed = WaitingAnswer.safeParse(body);
  if (!parsed.success) throw new Error(t('revisions.unreadableWaiting'));
  return parsed.data;
}
