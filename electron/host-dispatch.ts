// Routes one host call (channel name + raw arguments) to its handler after validating the
// arguments with the channel's zod schema. Electron's ipcMain handlers and the browser-mode HTTP
// routes both end here, so an argument that one host refuses, the other refuses too.
import {
  HostChannels,
  type HostCallResult,
  type HostChannel,
  type HostChannelArgs,
} from './host-api';
import type { HostServices } from './services';
import { toWireError } from './services/service-error';

export type ChannelHandlers = {
  [C in HostChannel]: (...args: HostChannelArgs<C>) => Promise<unknown>;
};

/** The handlers both hosts share; each host adds its own dialogs and window handlers. */
export function serviceHandlers(
  services: HostServices,
): Omit<
  ChannelHandlers,
  'documents.showOpen' | 'documents.showSaveAs' | 'window.setTitle' | 'window.setDirty'
> {
  const { documents, recovery, runtime } = services;
  return {
    'app.info': async () => ({
      ...services.info,
      language: (await services.settings.get()).language ?? 'system',
    }),
    'settings.setLanguage': async (language) => {
      await services.settings.update({ language });
    },
    'settings.page': async () => (await services.settings.get()).page ?? null,
    'settings.setPage': async (page) => {
      await services.settings.update({ page: page ?? undefined });
    },
    'documents.initial': () => services.initialFile(),
    'documents.open': (path) => documents.open(path),
    'documents.save': (path, text) => documents.save(path, text),
    'documents.recent': () => documents.recent(),
    'documents.listScenarios': (flowPath) => documents.listScenarios(flowPath),
    'documents.saveScenario': (flowPath, name, text) =>
      documents.saveScenario(flowPath, name, text),
    'recovery.snapshot': (snapshot) => recovery.snapshot(snapshot),
    'recovery.pending': () => recovery.pending(),
    'recovery.discard': () => recovery.discard(),
    'runtime.connection': () => runtime.connection(),
    'runtime.setConnection': (url, token) => runtime.setConnection(url, token),
    'runtime.publish': (flowId, json, moves) => runtime.publish(flowId, json, moves),
    'runtime.active': (flowId) => runtime.active(flowId),
    'runtime.revisions': (flowId) => runtime.revisions(flowId),
    'runtime.revision': (flowId, revision) => runtime.revision(flowId, revision),
    'runtime.rollback': (flowId, revision) => runtime.rollback(flowId, revision),
    'runtime.stats': (flowId, query) => runtime.stats(flowId, query),
    'runtime.waiting': (flowId) => runtime.waiting(flowId),
    'runtime.subscribers': (query) => runtime.subscribers(query),
    'runtime.subscriber': (psid) => runtime.subscriber(psid),
    'runtime.deleteSubscriber': (psid) => runtime.deleteSubscriber(psid),
    'runtime.broadcast': (request) => runtime.broadcast(request),
    'runtime.broadcastStatus': (id) => runtime.broadcastStatus(id),
    'runtime.cancelBroadcast': (id) => runtime.cancelBroadcast(id),
    http: (request) => services.http(request),
    'secrets.status': (names) => services.simulatorSecrets.status(names),
    'secrets.set': (name, value) => services.simulatorSecrets.set(name, value),
  };
}

export function isHostChannel(channel: string): channel is HostChannel {
  return Object.hasOwn(HostChannels, channel);
}

export async function dispatchHostCall(
  handlers: Partial<ChannelHandlers>,
  channel: string,
  rawArgs: unknown,
): Promise<HostCallResult> {
  if (!isHostChannel(channel) || !handlers[channel]) {
    return fail('unknown-channel', channel, `No host method "${channel}"`);
  }
  const parsed = HostChannels[channel].safeParse(rawArgs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    return fail(
      'bad-arguments',
      channel,
      `Bad arguments for ${channel} at [${where}]: ${issue?.message}`,
    );
  }
  try {
    const handler = handlers[channel] as (...args: unknown[]) => Promise<unknown>;
    const value = await handler(...(parsed.data as unknown[]));
    return { ok: true, value: value ?? null };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

function fail(code: string, place: string, message: string): HostCallResult {
  return { ok: false, error: { code, place, message } };
}
