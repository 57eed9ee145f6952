// Performs an HTTP node's request for the engine, with the node's timeout. The answer (or the
// reason there was none) goes back to the engine as an `http_result` event.
import type { ActionOfType, EngineEvent } from '../../flows/engine';
import { parseJsonText } from '../http/body';

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
    const json = text ? parseJsonText(text) : undefined;
    // Nesting deep enough to overflow the stack later is no answer a flow can use.
    if (json?.ok === false && json.code === 'too-deep')
      return { ...base, error: `the answer ${json.message.replace(/^the JSON /, '')}` };
    // Not JSON: the flow sees the text as it came.
    const body: unknown = json === undefined ? undefined : json.ok ? json.value : text;
    return { ...base, status: response.status, ...(body !== undefined ? { body } : {}) };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return {
      ...base,
      error: name === 'TimeoutError' ? `timeout after ${request.timeoutMs} ms` : 'request failed',
    };
  }
}
