import { describe, expect, it, vi } from 'vitest';
import { HostChannels, type HostCallResult } from '../host-api';
import { registerHostIpc, type IpcMainLike } from './ipc';
import { isTrustedSender, type SenderInfo } from './trusted-sender';

type Listener = (event: SenderInfo, ...args: unknown[]) => Promise<HostCallResult>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => listeners.set(channel, listener) };
  return { ipcMain, listeners };
}

const ourContents = { id: 1 };
const ourFrame = { url: 'app://threadline/index.html', parent: null };

describe('IPC routing in main', () => {
  it('handles every channel of the host API', () => {
    const { ipcMain, listeners } = fakeIpcMain();
    registerHostIpc(ipcMain, {}, () => true);
    expect([...listeners.keys()].sort()).toEqual(Object.keys(HostChannels).sort());
  });

  it('answers our own window and validates its arguments', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const setTitle = vi.fn(async () => undefined);
    registerHostIpc(ipcMain, { 'window.setTitle': setTitle }, (e) =>
      isTrustedSender(e, ourContents, 'app://threadline'),
    );
    const call = listeners.get('window.setTitle')!;
    const event = { sender: ourContents, senderFrame: ourFrame };
    expect(await call(event, 'Shop')).toEqual({ ok: true, value: null });
    expect(await call(event, 42)).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(setTitle).toHaveBeenCalledTimes(1);
  });

  it('refuses a call from any other sender before touching a service', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const save = vi.fn(async () => undefined);
    registerHostIpc(ipcMain, { 'documents.save': save }, (e) =>
      isTrustedSender(e, ourContents, 'app://threadline'),
    );
    const call = listeners.get('documents.save')!;
    const strangers: SenderInfo[] = [
      { sender: { id: 2 }, senderFrame: ourFrame },
      { sender: ourContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: ourContents, senderFrame: { url: 'app://threadline/x', parent: ourFrame } },
      { sender: ourContents, senderFrame: null },
    ];
    for (const event of strangers) {
      expect(await call(event, '/a.flow.json', 'x')).toMatchObject({
        ok: false,
        error: { code: 'untrusted-sender' },
      });
    }
    expect(save).not.toHaveBeenCalled();
  });
});
