// A small Graph API client for the Page: Send API, Messenger Profile, handover. Answers are
// values (never throws): the caller decides between retry and giving up.
import { GraphErrorBody, type GraphError } from './errors';
import { readUsage, type Usage } from './usage';

export type GraphResult =
  | { ok: true; status: number; body: Record<string, unknown>; usage: Usage }
  | { ok: false; status: number; error: GraphError; usage: Usage }
  /** No HTTP answer (connection refused, timeout): always worth a retry. */
  | { ok: false; status: 0; network: string; usage: Usage };

export interface GraphClient {
  post(path: string, body: unknown): Promise<GraphResult>;
}

export function createGraphClient(options: {
  graphUrl: string;
  pageToken: string;
  timeoutMs?: number;
}): GraphClient {
  const token = encodeURIComponent(options.pageToken);
  return {
    async post(path, body) {
      const url = `${options.graphUrl}${path}?access_token=${token}`;
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        const network = error instanceof Error ? error.name : 'network-error';
        return { ok: false, status: 0, network, usage: { percent: 0, regainMs: 0 } };
      }
      const usage = readUsage(response.headers);
      const text = await response.text().catch(() => '');
      let json: unknown = undefined;
      try {
        json = text ? JSON.parse(text) : {};
      } catch {
        json = undefined;
      }
      if (response.ok && json && typeof json === 'object')
        return { ok: true, status: response.status, body: json as Record<string, unknown>, usage };
      const parsed = GraphErrorBody.safeParse(json);
      const error: GraphError = parsed.success
        ? parsed.data.error
        : {
            code: response.status >= 500 ? 2 : 1,
            message: `HTTP ${response.status}`,
            is_transient: response.status >= 500,
          };
      return { ok: false, status: response.status, error, usage };
    },
  };
}
