// One ipcMain.handle per host channel; every call is checked for its sender, then its arguments
// are parsed with the channel's zod schema (dispatchHostCall) before any service runs.
import { HostChannels, type HostCallResult } from '../host-api';
import { dispatchHostCall, type ChannelHandlers } from '../host-dispatch';
import type { SenderInfo } from './trusted-sender';

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: SenderInfo, ...args: unknown[]) => Promise<HostCallResult>,
  ): void;
}

export function registerHostIpc(
  ipcMain: IpcMainLike,
  handlers: Partial<ChannelHandlers>,
  isTrusted: (event: SenderInfo) => boolean,
): void {
  for (const channel of Object.keys(HostChannels)) {
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrusted(event)) {
        const message = `Refused ${channel} from a sender that is not Threadline's window`;
        return { ok: false, error: { code: 'untrusted-sender', place: channel, message } };
      }
      return dispatchHostCall(handlers, channel, args);
    });
  }
}
