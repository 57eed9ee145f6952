// Routes of the runtime's HTTP interface (docs/format.md §6) other than the webhook: admin (bearer),
// /healthz and /metrics.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, sendText } from '../http/respond';
import type { Metrics } from '../metrics';
import type { PolicyStatus } from '../policy';
import { isAuthorized } from './auth';
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

export interface AdminDeps extends FlowRoutesDeps {
  adminToken: string;
  metrics: Metrics;
  policy: PolicyStatus;
}

const FLOW_ROUTE =
  /^\/api\/flows\/([^/]+)(\/revisions|\/revisions\/[^/]+|\/rollback|\/stats|\/waiting)?$/;

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
  const flowMatch = FLOW_ROUTE.exec(url.pathname);
  if (url.pathname !== '/metrics' && !flowMatch) return false;
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
