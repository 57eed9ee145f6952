// Routes of the runtime's HTTP interface (docs/format.md §6) other than the webhook: admin (bearer),
// /healthz and /metrics.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, sendText } from '../http/respond';
import type { Metrics } from '../metrics';
import type { PolicyStatus } from '../policy';
import {
  cancelBroadcast,
  createBroadcast,
  deleteSubscriber,
  getBroadcast,
  getSubscriber,
  listSubscribers,
  startFlow,
  type AudienceDeps,
} from './audience';
import { isAuthorized } from './auth';
import {
  DATA_DELETION_PATH,
  dataDeletionStatus,
  handleDataDeletion,
  type DataDeletionDeps,
} from './data-deletion';
import {
  flowStats,
  getActive,
  getRevision,
  isFlowId,
  listRevisions,
  publishFlow,
  rollback,
  waitingCounts,
  type FlowRoutesDeps,
} from './flows';

export interface AdminDeps extends FlowRoutesDeps, AudienceDeps, DataDeletionDeps {
  adminToken: string;
  metrics: Metrics;
  policy: PolicyStatus;
}

const FLOW_ROUTE =
  /^\/api\/flows\/([^/]+)(\/revisions|\/revisions\/[^/]+|\/rollback|\/stats|\/waiting|\/start)?$/;
const SUBSCRIBER_ROUTE = /^\/api\/subscribers(?:\/([^/]+))?$/;
const BROADCAST_ROUTE = /^\/api\/broadcasts(?:\/([^/]+))?$/;
const DELETION_STATUS = /^\/data-deletion\/([^/]+)$/;

/** Answers the request and returns true, or returns false when no admin route matches. */
export async function handleAdmin(
  deps: AdminDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const method = req.method ?? 'GET';
  if (url.pathname === '/healthz' && method === 'GET') {
    const ok = await deps.store.ping().catch(() => false);
    // A policy block does not make the process unhealthy (a restart would not lift it), but it
    // is shown here so that whoever looks learns why the Page went silent.
    const policy = deps.policy.latest();
    sendJson(res, ok ? 200 : 503, {
      ok,
      store: deps.store.kind,
      messaging: deps.policy.blocked() ? 'blocked' : 'ok',
      ...(policy ? { policyEnforcement: policy } : {}),
    });
    return true;
  }
  // Meta's data deletion callback and its status page carry no bearer token (data-deletion.ts).
  if (url.pathname === DATA_DELETION_PATH) {
    if (method === 'POST') await handleDataDeletion(deps, req, res);
    else methodNotAllowed(res);
    return true;
  }
  const deletionMatch = DELETION_STATUS.exec(url.pathname);
  if (deletionMatch) {
    if (method === 'GET') await dataDeletionStatus(deps, deletionMatch[1]!, res);
    else methodNotAllowed(res);
    return true;
  }
  const flowMatch = FLOW_ROUTE.exec(url.pathname);
  const subscriberMatch = SUBSCRIBER_ROUTE.exec(url.pathname);
  const broadcastMatch = BROADCAST_ROUTE.exec(url.pathname);
  if (url.pathname !== '/metrics' && !flowMatch && !subscriberMatch && !broadcastMatch)
    return false;
  if (!isAuthorized(req, deps.adminToken)) {
    sendJson(
      res,
      401,
      { error: 'unauthorized', message: 'a valid bearer token is required' },
      {
        'www-authenticate': 'Bearer',
      },
    );
    return true;
  }
  if (url.pathname === '/metrics') {
    if (method !== 'GET') {
      methodNotAllowed(res);
      return true;
    }
    const counts = await deps.store.counts();
    sendText(
      res,
      200,
      await deps.metrics.render({
        threadline_inbox_pending: {
          help: 'Stored events not yet processed.',
          value: counts.inboxPending,
        },
        threadline_outbox_pending: { help: 'Replies not yet sent.', value: counts.outboxPending },
        threadline_outbox_sent: { help: 'Replies sent (stored rows).', value: counts.outboxSent },
        threadline_outbox_failed: {
          help: 'Replies given up (stored rows).',
          value: counts.outboxFailed,
        },
        threadline_sessions: { help: 'Users with a session.', value: counts.sessions },
        threadline_page_blocked: {
          help: 'Whether Messenger blocked the Page from messaging (policy enforcement), 1 or 0.',
          value: deps.policy.blocked() ? 1 : 0,
        },
      }),
      deps.metrics.contentType,
    );
    return true;
  }
  if (subscriberMatch || broadcastMatch) {
    const segment = (subscriberMatch ?? broadcastMatch)![1];
    const id = segment === undefined ? undefined : decodeFlowId(segment);
    if (segment !== undefined && id === undefined) {
      sendJson(res, 400, { error: 'bad-path', message: `"${segment}" has a malformed %-escape` });
      return true;
    }
    if (subscriberMatch) {
      if (id === undefined && method === 'GET') await listSubscribers(deps, url.searchParams, res);
      else if (id !== undefined && method === 'GET') await getSubscriber(deps, id, res);
      else if (id !== undefined && method === 'DELETE') await deleteSubscriber(deps, id, res);
      else methodNotAllowed(res);
    } else if (id === undefined && method === 'POST') await createBroadcast(deps, req, res);
    else if (id !== undefined && method === 'GET') await getBroadcast(deps, id, res);
    else if (id !== undefined && method === 'DELETE') await cancelBroadcast(deps, id, res);
    else methodNotAllowed(res);
    return true;
  }
  const flowId = decodeFlowId(flowMatch![1]!);
  if (flowId === undefined || !isFlowId(flowId)) {
    sendJson(res, 400, {
      error: 'bad-flow-id',
      message: `"${flowId ?? flowMatch![1]}" is not a flow id`,
    });
    return true;
  }
  const sub = flowMatch![2];
  if (!sub && method === 'PUT') await publishFlow(deps, flowId, req, res);
  else if (!sub && method === 'GET') await getActive(deps, flowId, res);
  else if (sub === '/revisions' && method === 'GET') await listRevisions(deps, flowId, res);
  else if (sub?.startsWith('/revisions/') && method === 'GET')
    await getRevision(deps, flowId, sub.slice('/revisions/'.length), res);
  else if (sub === '/rollback' && method === 'POST') await rollback(deps, flowId, req, res);
  else if (sub === '/waiting' && method === 'GET') await waitingCounts(deps, flowId, res);
  else if (sub === '/stats' && method === 'GET')
    await flowStats(deps, flowId, url.searchParams, res);
  else if (sub === '/start' && method === 'POST') await startFlow(deps, flowId, req, res);
  else methodNotAllowed(res);
  return true;
}

function methodNotAllowed(res: ServerResponse): void {
  sendJson(res, 405, { error: 'method-not-allowed' });
}

/** The flow id in a path, or undefined when its %-escapes are malformed (`%E0%A4%A`). */
function decodeFlowId(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
