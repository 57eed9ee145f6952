// Real HTTP for the simulator's `http` nodes: made by the host, so there is no CORS and the
// renderer's CSP can stay closed to the network.
import type { HttpRequest, HttpResponse } from '../host-api';
import { ServiceError } from './service-error';

const MAX_BODY_CHARS = 1_000_000;

export async function performHttpRequest(
  request: HttpRequest,
  doFetch: typeof fetch = fetch,
): Promise<HttpResponse> {
  if (!/^https?:\/\//i.test(request.url)) {
    throw new ServiceError('bad-url', request.url, 'Only http:// and https:// URLs can be called');
  }
  let res: Response;
  try {
    res = await doFetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' ? undefined : request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new ServiceError(
        'http-timeout',
        request.url,
        `No answer within ${request.timeoutMs} ms`,
      );
    }
    const why = error instanceof Error ? ((error.cause as Error)?.message ?? error.message) : '';
    throw new ServiceError('http-failed', request.url, `The request failed: ${why}`);
  }
  const headers: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const body = (await res.text()).slice(0, MAX_BODY_CHARS);
  return { status: res.status, headers, body };
}
