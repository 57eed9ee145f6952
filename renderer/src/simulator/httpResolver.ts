// How the simulator answers an HTTP node: a canned answer stored for the node first, then a real
// call through the host when live HTTP is on, and otherwise (or when the call fails, e.g. offline)
// an answer the tester types in. The last is a promise the panel resolves.
import { t } from '../i18n';
import { HostError, type HttpRequest, type HttpResponse } from '../../../electron/host-api';
import type { HttpAnswerLike, HttpRequestAction } from '../../../flows/engine';
import type { SimulatorSettings } from './settings';

export interface HttpPrompt {
  request: HttpRequestAction;
  /** Why the tester is asked: no live HTTP, or what went wrong calling out. */
  reason: string;
  resolve(answer: HttpAnswerLike): void;
}

export interface HttpResolverDeps {
  settings(): SimulatorSettings;
  callHost(request: HttpRequest): Promise<HttpResponse>;
  ask(prompt: Omit<HttpPrompt, 'resolve'>): Promise<HttpAnswerLike>;
}

export function createHttpResolver(deps: HttpResolverDeps) {
  return async (request: HttpRequestAction): Promise<HttpAnswerLike> => {
    const settings = deps.settings();
    const canned = settings.canned[request.step];
    if (canned) return 'error' in canned ? { error: canned.error } : canned;
    if (!settings.liveHttp) return deps.ask({ request, reason: t('simNotes.liveHttpOff') });
    try {
      const response = await deps.callHost({
        method: request.method,
        url: request.url,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        timeoutMs: Math.min(request.timeoutMs, 60_000),
      });
      return { status: response.status, body: response.body };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // As in the runtime: a secret without a value sends the node down its `error` output.
      if (error instanceof HostError && error.code === 'secret-missing') return { error: message };
      return deps.ask({ request, reason: t('simNotes.callFailed', { error: message }) });
    }
  };
}
