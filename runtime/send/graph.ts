// A small Graph API client for the Page: Send API, Messenger Profile, handover, User Profile. It keeps
// connections alive (one agent a client) because every reply is one call. Answers are values
// (never throws): the caller decides between retry and giving up. With `thread`, Send API calls
// (POSTs, one a reply) run on a worker thread of their own (./graph-thread.ts), so making the
// request, writing it and reading the answer do not hold up webhook acknowledgements on the
// main thread.
import http from 'node:http';
import https from 'node:https';
import { startGraphThread } from './graph-thread';
import { GraphErrorBody, type GraphError } from './errors';
import { readUsage, type Usage } from './usage';

export type GraphResult =
  | { ok: true; status: number; body: Record<string, unknown>; usage: Usage }
  | { ok: false; status: number; error: GraphError; usage: Usage }
  /** No HTTP answer (connection refused, timeout): always worth a retry. */
  | { ok: false; status: 0; network: string; usage: Usage };

export interface GraphClient {
  post(path: string, body: unknown): Promise<GraphResult>;
  /** A GET with query parameters; `timeoutMs` overrides the client's timeout for this call. */
  get(path: string, params?: Record<string, string>, timeoutMs?: number): Promise<GraphResult>;
  /** A DELETE with a JSON body, as the Messenger Profile API takes it (docs/messenger.md §4). */
  delete(path: string, body: unknown): Promise<GraphResult>;
  close(): void;
}

const NO_USAGE: Usage = { percent: 0, regainMs: 0 };

export function createGraphClient(options: {
  graphUrl: string;
  pageToken: string;
  timeoutMs?: number;
  /** POSTs on a worker thread (the runtime); without, every call runs on this thread. */
  thread?: boolean;
}): GraphClient {
  const base = new URL(options.graphUrl);
  const secure = base.protocol === 'https:';
  const transport = secure ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 256 });
  const prefix = base.pathname.replace(/\/+$/, '');
  const token = encodeURIComponent(options.pageToken);
  const timeoutMs = options.timeoutMs ?? 15_000;

  const request = (
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body: unknown,
    params: Record<string, string>,
    timeout: number,
  ) =>
    new Promise<GraphResult>((resolve) => {
      const raw = body === undefined ? '' : JSON.stringify(body);
      const query = new URLSearchParams(params).toString();
      const req = transport.request(
        {
          protocol: base.protocol,
          hostname: base.hostname,
          port: base.port || (secure ? 443 : 80),
          path: `${prefix}${path}?${query ? `${query}&` : ''}access_token=${token}`,
          method,
          agent,
          headers:
            method !== 'GET'
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(raw) }
              : {},
          timeout,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', () =>
            resolve({ ok: false, status: 0, network: 'response-aborted', usage: NO_USAGE }),
          );
          res.on('end', () => {
            const usage = readUsage({ get: (name) => header(res.headers[name]) });
            resolve(toResult(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), usage));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('TimeoutError')));
      req.on('error', (error) =>
        resolve({
          ok: false,
          status: 0,
          network: error.message === 'TimeoutError' ? 'TimeoutError' : 'network-error',
          usage: NO_USAGE,
        }),
      );
      req.end(method !== 'GET' ? raw : undefined);
    });
  const thread = options.thread ? startGraphThread({ graphUrl: options.graphUrl }) : undefined;
  return {
    post: (path, body) =>
      thread?.alive()
        ? thread
            .post(`${prefix}${path}?access_token=${token}`, body, timeoutMs)
            .then((answer) =>
              'network' in answer
                ? { ok: false, status: 0, network: answer.network, usage: NO_USAGE }
                : toResult(
                    answer.status,
                    answer.text,
                    readUsage({ get: (name) => answer.headers[name] ?? null }),
                  ),
            )
        : request('POST', path, body, {}, timeoutMs),
    get: (path, params = {}, timeout = timeoutMs) =>
      request('GET', path, undefined, params, timeout),
    delete: (path, body) => request('DELETE', path, body, {}, timeoutMs),
    close: () => {
      agent.destroy();
      thread?.close();
    },
  };
}

function header(value: string | string[] | undefined): string | null {
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

function toResult(status: number, text: string, usage: Usage): GraphResult {
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = undefined;
  }
  if (status >= 200 && status < 300 && json && typeof json === 'object')
    return { ok: true, status, body: json as Record<string, unknown>, usage };
  const parsed = GraphErrorBody.safeParse(json);
  const error: GraphError = parsed.success
    ? parsed.data.error
    : { code: status >= 500 ? 2 : 1, message: `HTTP ${status}`, is_transient: status >= 500 };
  return { ok: false, status, error, usage };
}
