// The preload bridge with `electron` mocked: what the page gets, and what it does not.
import { describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS, HostChannels, type HostApi } from '../host-api';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'v' }));
const ipcListeners = new Map<string, (...args: unknown[]) => void>();
const ipcRenderer = {
  invoke,
  on: vi.fn((channel: string, fn: (...args: unknown[]) => void) => ipcListeners.set(channel, fn)),
  removeListener: vi.fn(),
  send: vi.fn(),
};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}));
await import('./index');
const host = exposed.get('threadline') as HostApi;

/** Every leaf of the exposed object, as `path: typeof`. */
function leaves(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [`${path}: ${typeof value}`];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('preload bridge', () => {
  it('exposes one object, made of named functions only: no ipcRenderer, no Electron API', () => {
    expect([...exposed.keys()]).toEqual(['threadline']);
    const all = leaves(host);
    expect(all.every((leaf) => leaf.endsWith(': function'))).toBe(true);
    const values = JSON.stringify(Object.keys(host));
    expect(values).not.toMatch(/ipc|invoke|send/i);
    for (const fn of [host.documents.open, host.http, host.onMenuCommand]) {
      expect(fn).not.toBe(ipcRenderer.invoke);
      expect(fn).not.toBe(ipcRenderer.send);
    }
  });

  it('maps each function to its own fixed channel, one per host channel', async () => {
    await host.documents.open('/a.flow.json');
    expect(invoke).toHaveBeenLastCalledWith('documents.open', '/a.flow.json');
    const methods = leaves(host).filter((leaf) => !leaf.startsWith('onMenuCommand'));
    expect(methods).toHaveLength(Object.keys(HostChannels).length);
  });

  it('calls every host channel through the method of the same name', async () => {
    for (const channel of HOST_CHANNELS) {
      const method = channel
        .split('.')
        .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], host);
      await (method as (...args: unknown[]) => Promise<unknown>)('arg-1', 'arg-2');
      expect(invoke).toHaveBeenLastCalledWith(channel, 'arg-1', 'arg-2');
    }
    expect([...HOST_CHANNELS].sort()).toEqual(Object.keys(HostChannels).sort());
  });

  it('never hands the page the IPC event (and with it the sender)', () => {
    const listener = vi.fn();
    host.onMenuCommand(listener);
    const fakeEvent = { sender: ipcRenderer, ports: [] };
    ipcListeners.get('menu.command')?.(fakeEvent, 'file.save', 42);
    expect(listener).toHaveBeenCalledWith('file.save', undefined);
  });
});
