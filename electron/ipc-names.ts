// IPC names that the sandboxed preload needs at run time, and the one list of host methods that
// the preload and the browser-mode client build HostApi from. Kept apart from host-api.ts (which
// re-exports them) so the preload bundle does not pull in zod: no runtime imports here.
import type { HostApi, HostChannel } from './host-api';

/** Main → renderer: a command from the application menu, `(command, arg?)`. */
export const MENU_COMMAND_CHANNEL = 'menu.command';

/**
 * Every host method as its channel: `group.method` for `HostApi[group][method]`, a bare name for
 * a method at the top. host-api.ts gives each its argument schema and checks, at compile time,
 * that this list, the schemas and HostApi's methods are the same set.
 */
export const HOST_CHANNELS = [
  'app.info',
  'settings.setLanguage',
  'settings.page',
  'settings.setPage',
  'documents.initial',
  'documents.showOpen',
  'documents.open',
  'documents.save',
  'documents.showSaveAs',
  'documents.recent',
  'documents.listScenarios',
  'documents.saveScenario',
  'recovery.snapshot',
  'recovery.pending',
  'recovery.discard',
  'window.setTitle',
  'window.setDirty',
  'runtime.connection',
  'runtime.setConnection',
  'runtime.publish',
  'runtime.active',
  'runtime.revisions',
  'runtime.revision',
  'runtime.rollback',
  'runtime.stats',
  'runtime.waiting',
  'runtime.subscribers',
  'runtime.subscriber',
  'runtime.deleteSubscriber',
  'runtime.broadcast',
  'runtime.broadcastStatus',
  'runtime.cancelBroadcast',
  'http',
  'secrets.status',
  'secrets.set',
] as const;

/** HostApi without the menu subscription, which is the host's own (IPC events, or nothing). */
export type HostCalls = Omit<HostApi, 'onMenuCommand'>;

/** One function per channel, each passing its arguments to `call` with its fixed channel. */
export function hostCalls(
  call: (channel: HostChannel, ...args: unknown[]) => Promise<unknown>,
): HostCalls {
  const api: Record<string, unknown> = {};
  for (const channel of HOST_CHANNELS) {
    const fn = (...args: unknown[]) => call(channel, ...args);
    const dot = channel.indexOf('.');
    if (dot < 0) api[channel] = fn;
    else {
      const group = (api[channel.slice(0, dot)] ??= {}) as Record<string, unknown>;
      group[channel.slice(dot + 1)] = fn;
    }
  }
  return api as unknown as HostCalls;
}
