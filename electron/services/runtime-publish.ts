// Publishing to a Threadline runtime (docs/format.md §6): PUT the compiled flow with the stored admin
// token, GET the active revision, the revisions or one of them with its compiled flow, and the
// audience and broadcasts. The token stays in the host; the renderer only learns whether one is
// stored.
import type { HostApi } from '../host-api';
import type { SecretStore } from './secrets';
import { ServiceError } from './service-error';
import type { SettingsService } from './settings';

const FLOW_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const REVISION = /^[a-f0-9]{64}$/;
const TIMEOUT_MS = 15_000;

/** The host's runtime calls, as the renderer sees them (one declaration, in host-api.ts). */
export type RuntimeService = HostApi['runtime'];

const PSID = /^[A-Za-z0-9_-]{1,64}$/;
const BROADCAST_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function createRuntimeService(deps: {
  settings: SettingsService;
  secrets: SecretStore;
  fetch?: typeof fetch;
}): RuntimeService {
  const doFetch = deps.fetch ?? fetch;

  async function target(flowId: string): Promise<{ url: string; token: string | null }> {
    if (!FLOW_ID.test(flowId)) {
      throw new ServiceError('bad-flow-id', flowId, `"${flowId}" is not a valid flow id`);
    }
    const base = (await deps.settings.get()).runtimeUrl;
    if (!base) throw new ServiceError('no-runtime', 'runtime', 'No runtime is connected yet');
    const url = `${base.replace(/\/+$/, '')}/api/flows/${flowId}`;
    return { url, token: await deps.secrets.get('runtimeAdminToken') };
  }

  /** The runtime's base URL with the token; `path` starts with `/api/`. */
  async function admin(path: string): Promise<{ url: string; token: string | null }> {
    const base = (await deps.settings.get()).runtimeUrl;
    if (!base) throw new ServiceError('no-runtime', 'runtime', 'No runtime is connected yet');
    const url = `${base.replace(/\/+$/, '')}${path}`;
    return { url, token: await deps.secrets.get('runtimeAdminToken') };
  }

  /** Checks an id before it goes into a URL path (the hosts checked it already; this is cheap). */
  function checked(value: string, pattern: RegExp, what: string): string {
    if (!pattern.test(value))
      throw new ServiceError(`bad-${what}`, value, `"${value}" is not a valid ${what}`);
    return value;
  }

  async function call(url: string, init: RequestInit, token: string | null) {
    const headers = new Headers(init.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    try {
      const res = await doFetch(url, { ...init, headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
      return { status: res.status, ok: res.ok, body: parseBody(await res.text()) };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new ServiceError('runtime-unreachable', url, `Cannot reach the runtime: ${why}`);
    }
  }

  return {
    async connection() {
      const url = (await deps.settings.get()).runtimeUrl;
      if (!url) return null;
      return { url, hasToken: (await deps.secrets.get('runtimeAdminToken')) !== null };
    },
    async setConnection(url, token) {
      if (!/^https?:\/\//.test(url)) {
        throw new ServiceError(
          'bad-url',
          url,
          'The runtime URL must start with http:// or https://',
        );
      }
      await deps.settings.update({ runtimeUrl: url });
      await deps.secrets.set('runtimeAdminToken', token);
    },
    async publish(flowId, compiledJson, moves) {
      let compiled: unknown;
      try {
        compiled = JSON.parse(compiledJson);
      } catch {
        throw new ServiceError('bad-compiled-flow', flowId, 'The compiled flow is not valid JSON');
      }
      const { url, token } = await target(flowId);
      const init = {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        // With moves, the body wraps the flow (docs/format.md §6); without, it is the flow itself.
        body: moves ? JSON.stringify({ compiled, moves }) : compiledJson,
      };
      return call(url, init, token);
    },
    async active(flowId) {
      return get(flowId, '');
    },
    async revisions(flowId) {
      return get(flowId, '/revisions');
    },
    async revision(flowId, revision) {
      if (!REVISION.test(revision))
        throw new ServiceError('bad-revision', revision, `"${revision}" is not a revision hash`);
      return get(flowId, `/revisions/${revision}`);
    },
    async rollback(flowId, revision) {
      const { url, token } = await target(flowId);
      const init = {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ revision }),
      };
      return call(`${url}/rollback`, init, token);
    },
    async stats(flowId, query) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
      const search = params.size > 0 ? `?${params.toString()}` : '';
      return get(flowId, `/stats${search}`, false);
    },
    async waiting(flowId) {
      return get(flowId, '/waiting');
    },
    async subscribers(query) {
      const params = new URLSearchParams();
      for (const tag of query.tags ?? []) params.append('tag', tag);
      for (const tag of query.notTags ?? []) params.append('notTag', tag);
      for (const [name, value] of Object.entries(query.variables ?? {}))
        params.set(`var.${name}`, value);
      if (query.window) params.set('window', query.window);
      if (query.limit) params.set('limit', String(query.limit));
      if (query.cursor) params.set('cursor', query.cursor);
      const search = params.size > 0 ? `?${params.toString()}` : '';
      return read(await admin(`/api/subscribers${search}`), 'GET', false);
    },
    async subscriber(psid) {
      const path = `/api/subscribers/${checked(psid, PSID, 'psid')}`;
      return read(await admin(path), 'GET', true);
    },
    async deleteSubscriber(psid) {
      const path = `/api/subscribers/${checked(psid, PSID, 'psid')}`;
      return read(await admin(path), 'DELETE', true);
    },
    async broadcast(request) {
      const { url, token } = await admin('/api/broadcasts');
      const init = {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      };
      return call(url, init, token);
    },
    async broadcastStatus(id) {
      const path = `/api/broadcasts/${checked(id, BROADCAST_ID, 'broadcast-id')}`;
      return read(await admin(path), 'GET', false);
    },
    async cancelBroadcast(id) {
      const path = `/api/broadcasts/${checked(id, BROADCAST_ID, 'broadcast-id')}`;
      const { url, token } = await admin(path);
      return call(url, { method: 'DELETE' }, token);
    },
  };

  /** Sends `method` to an admin route: the body, null for a 404 when `missingIsNull`. */
  async function read(
    target: { url: string; token: string | null },
    method: 'GET' | 'DELETE',
    missingIsNull: boolean,
  ): Promise<unknown> {
    const res = await call(target.url, { method }, target.token);
    if (res.status === 404 && missingIsNull) return null;
    if (!res.ok) {
      const said = describeRefusal(res.body);
      throw new ServiceError(
        'runtime-error',
        target.url,
        `The runtime answered ${res.status}${said ? `: ${said}` : ''}`,
      );
    }
    return res.body;
  }

  /** GETs `/api/flows/:flowId{path}`: the body, null for a 404 when `missingIsNull`. */
  async function get(flowId: string, path: string, missingIsNull = true): Promise<unknown> {
    const { url, token } = await target(flowId);
    const res = await call(`${url}${path}`, { method: 'GET' }, token);
    if (res.status === 404 && missingIsNull) return null;
    if (!res.ok) {
      const said = describeRefusal(res.body);
      throw new ServiceError(
        'runtime-error',
        `${url}${path}`,
        `The runtime answered ${res.status}${said ? `: ${said}` : ''}`,
      );
    }
    return res.body;
  }
}

/** The runtime's own words for a refusal (`message`, or the problems' messages), if any. */
function describeRefusal(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const { message, problems, error } = body as Record<string, unknown>;
  if (Array.isArray(problems))
    return problems
      .map((p) => (p && typeof p === 'object' ? String((p as { message?: unknown }).message) : ''))
      .join('; ');
  if (typeof message === 'string') return message;
  return typeof error === 'string' ? error : '';
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
