// The runtime's own app id, learned from the Graph API at start-up (`GET /app` with the Page
// token answers `{"id": ...}`), so that a handover to another app is never taken for a return to
// this one and THREADLINE_APP_ID need not be set. When the lookup fails, the setting is the
// fallback; without either, handover falls back to recognising the Page Inbox's id.
import type { Logger } from '../log';

export interface AppIdOptions {
  graphUrl: string;
  pageToken: string;
  /** THREADLINE_APP_ID, if set. */
  fallback: string | undefined;
  log: Logger;
  timeoutMs?: number;
}

export async function learnAppId(options: AppIdOptions): Promise<string | undefined> {
  const { graphUrl, pageToken, fallback, log } = options;
  const url = `${graphUrl}/app?access_token=${encodeURIComponent(pageToken)}`;
  let problem: string;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
    const body: unknown = await res.json().catch(() => undefined);
    const id = (body as { id?: unknown } | undefined)?.id;
    if (res.ok && (typeof id === 'string' || typeof id === 'number') && String(id) !== '') {
      const appId = String(id);
      if (fallback !== undefined && fallback !== appId)
        log.warn('runtime.app-id-differs', {
          appId,
          configured: fallback,
          note: 'the Graph API answer is used; THREADLINE_APP_ID names another app',
        });
      return appId;
    }
    problem = `HTTP ${res.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown } }).cause?.code;
    problem = typeof cause === 'string' ? cause : error instanceof Error ? error.name : 'failed';
  }
  log.warn('runtime.app-id-unknown', {
    problem,
    using: fallback !== undefined ? 'THREADLINE_APP_ID' : 'none (the Page Inbox id is recognised)',
  });
  return fallback;
}
