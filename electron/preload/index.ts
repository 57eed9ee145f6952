// The preload bridge (sandboxed, so CommonJS and only `electron`): exposes HostApi as named,
// typed functions. No generic send/on ever reaches the page; main validates every argument again.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  HostApi,
  HostCallResult,
  HostChannel,
  HostChannelArgs,
  MenuCommand,
} from '../host-api';
import { MENU_COMMAND_CHANNEL } from '../ipc-names';

async function call<C extends HostChannel, T>(channel: C, ...args: HostChannelArgs<C>): Promise<T> {
  const result = (await ipcRenderer.invoke(channel, ...args)) as HostCallResult;
  // Only an Error's message survives contextBridge, so the place goes into it.
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const host: HostApi = {
  app: { info: () => call('app.info') },
  documents: {
    initial: () => call('documents.initial'),
    showOpen: () => call('documents.showOpen'),
    open: (path) => call('documents.open', path),
    save: (path, text) => call('documents.save', path, text),
    showSaveAs: (suggestedName, text) => call('documents.showSaveAs', suggestedName, text),
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
    setTitle: (title) => call('window.setTitle', title),
    setDirty: (dirty) => call('window.setDirty', dirty),
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
  onMenuCommand(listener) {
    const wrapped = (_event: IpcRendererEvent, command: MenuCommand, arg?: string) => {
      listener(command, typeof arg === 'string' ? arg : undefined);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('threadline', host);
