// HostApi for browser mode: every call is `POST /api/<channel>` to the loopback host that served
// this page, with the per-launch token in the X-Threadline-Token header. The URL that
// `npm run web` prints carries the token once, in its fragment (#token=...); we move it into
// sessionStorage, which only this origin (host and port) can read, and drop it from the address
// bar. Never a cookie: cookies would go to every server on 127.0.0.1, whatever its port.
import { t } from '../i18n';
import {
  HostError,
  hostCalls,
  type HostApi,
  type HostCallResult,
  type HostChannel,
} from '../../../electron/host-api';

export const TOKEN_STORAGE_KEY = 'threadline.token';

/** Takes the token out of the URL's fragment (keeping it for this tab), else the kept one. */
export function takeToken(): string | null {
  const fromUrl = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromUrl) {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', pathname + search);
    return fromUrl;
  }
  return window.sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

async function callHost(
  token: string | null,
  channel: HostChannel,
  ...args: unknown[]
): Promise<unknown> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers['X-Threadline-Token'] = token;
  const res = await fetch(`/api/${channel}`, {
    method: 'POST',
    credentials: 'omit',
    headers,
    // JSON has no undefined: a left-out optional last argument would arrive as null.
    body: JSON.stringify(withoutTrailingUndefined(args)),
  });
  if (res.status === 403) {
    throw new HostError('host-http', channel, t('webHost.refused'));
  }
  if (!res.ok) {
    throw new HostError(
      'host-http',
      channel,
      t('webHost.answered', { status: res.status, statusText: res.statusText }),
    );
  }
  const result = (await res.json()) as HostCallResult;
  if (!result.ok) throw new HostError(result.error.code, result.error.place, result.error.message);
  return result.value;
}

function withoutTrailingUndefined(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}

/** A browser has no native file dialogs: ask for a path on this machine instead. */
function askForPath(question: string, suggestion: string): string | null {
  const answer = window.prompt(question, suggestion)?.trim();
  return answer ? answer : null;
}

function warnBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
}

export function createWebClient(token: string | null = takeToken()): HostApi {
  const calls = hostCalls((channel, ...args) => callHost(token, channel, ...args));
  return {
    ...calls,
    documents: {
      ...calls.documents,
      async showOpen() {
        const path = askForPath(t('webHost.openWhich'), '');
        return path ? calls.documents.open(path) : null;
      },
      async showSaveAs(suggestedName, text) {
        const path = askForPath(t('webHost.saveAs'), suggestedName);
        if (!path) return null;
        await calls.documents.save(path, text);
        return path;
      },
    },
    window: {
      async setTitle(title) {
        document.title = title;
      },
      async setDirty(dirty) {
        // The browser's own "leave site?" prompt stands in for the desktop's close dialog.
        if (dirty) window.addEventListener('beforeunload', warnBeforeUnload);
        else window.removeEventListener('beforeunload', warnBeforeUnload);
      },
    },
    // Browser mode has no application menu: the designer's own shortcuts do the work.
    onMenuCommand: () => () => undefined,
  };
}
