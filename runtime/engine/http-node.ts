// Performs an HTTP node's request for the engine, with the node's timeout. The answer (or the
// reason there was none) goes back to the engine as an `http_result` event.
import type { ActionOfType, EngineEvent } from '../../flows/engine';

const MAX_BODY_CHARS = 1024 * 1024;

export async function performHttp(
  request: ActionOfType<'http_request'>,
): Promise<Extract<EngineEvent, { type: 'http_result' }>> {
  const base = { type: 'http_result' as const, requestId: request.requestId };
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined && request.method !== 'GET' ? { body: request.body } : {}),
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'follow',
    });
    const text = (await response.text()).slice(0, MAX_BODY_CHARS);
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: the flow sees the text as it came.
    }
    return { ...base, status: response.status, ...(body !== undefined ? { body } : {}) };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return {
      ...base,
      error: name === 'TimeoutError' ? `timeout after ${request.timeoutMs} ms` : 'request failed',
    };
  }
}
