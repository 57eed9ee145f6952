// HostApi for browser mode: every call is `POST /api/<channel>` to the loopback host that served
// this page. The host's HttpOnly cookie authenticates us; this code never sees the token.
import {
  HostError,
  type HostApi,
  type HostCallResult,
  type HostChannel,
  type HostChannelArgs,
  type OpenedFile,
} from '../../../electron/host-api';

async function call<C extends HostChannel, T>(channel: C, ...args: HostChannelArgs<C>): Promise<T> {
  const res = await fetch(`/api/${channel}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  if (!res.ok) {
    throw new HostError('host-http', channel, `The host answered ${res.status} ${res.statusText}`);
  }
  const result = (await res.json()) as HostCallResult;
  if (!result.ok) throw new HostError(result.error.code, result.error.place, result.error.message);
  return result.value as T;
}

/** A browser has no native file dialogs: ask for a path on this machine instead. */
function askForPath(question: string, suggestion: string): string | null {
  const answer = window.prompt(question, suggestion)?.trim();
  return answer ? answer : null;
}

function warnBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
}

export function createWebClient(): HostApi {
  return {
    app: { info: () => call('app.info') },
    documents: {
      initial: () => call('documents.initial'),
      async showOpen() {
        const path = askForPath('Open which flow? (a path on this computer)', '');
        return path ? call<'documents.open', OpenedFile>('documents.open', path) : null;
      },
      open: (path) => call('documents.open', path),
      save: (path, text) => call('documents.save', path, text),
      async showSaveAs(suggestedName, text) {
        const path = askForPath('Save the flow as (a path on this computer):', suggestedName);
        if (!path) return null;
        await call('documents.save', path, text);
        return path;
      },
      recent: () => call('documents.recent'),
      listScenarios: (flowPath) => call('documents.listScenarios', flowPath),
      saveScenario: (flowPath, name, text) => call('documents.saveScenario', flowPath, name, text),
    },
    recovery: {
      snapshot: (snapshot) => call('recovery.snapshot', snapshot),
      pending: () => call('recovery.pending'),
      discard: () => call('recovery.discard'),
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
    runtime: {
      connection: () => call('runtime.connection'),
      setConnection: (url, token) => call('runtime.setConnection', url, token),
      publish: (flowId, compiledJson) => call('runtime.publish', flowId, compiledJson),
      active: (flowId) => call('runtime.active', flowId),
    },
    http: (request) => call('http', request),
    secrets: {
      status: (names) => call('secrets.status', names),
      set: (name, value) => call('secrets.set', name, value),
    },
    // Browser mode has no application menu: the designer's own shortcuts do the work.
    onMenuCommand: () => () => undefined,
  };
}
