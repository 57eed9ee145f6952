// The preload bridge (sandboxed, so CommonJS and only `electron`): exposes HostApi as named,
// typed functions. No generic send/on ever reaches the page; main validates every argument again.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HostApi, HostCallResult, HostChannel, MenuCommand } from '../host-api';
import { hostCalls, MENU_COMMAND_CHANNEL } from '../ipc-names';

async function call(channel: HostChannel, ...args: unknown[]): Promise<unknown> {
  const result = (await ipcRenderer.invoke(channel, ...args)) as HostCallResult;
  // Only an Error's message survives contextBridge, so the place goes into it.
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const host: HostApi = {
  // One function per host channel (HOST_CHANNELS), each bound to its fixed channel name.
  ...hostCalls(call),
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
