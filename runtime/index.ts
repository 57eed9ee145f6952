// Starts a runtime from a configuration: opens the store the config names, runs the engine from
// flows/ and the Messenger profile mapping. Tests and the bench pass overrides.
import { messengerProfileBody } from '../flows/messenger';
import { startRuntime, type Runtime, type RuntimeOptions } from './app';
import type { RuntimeConfig } from './config';
import { createEngineProcessor } from './engine/processor';
import { createLogger, type Logger } from './log';
import { learnAppId } from './send/app-id';
import { openStore } from './store/open';
import type { Store } from './store/types';

export type { Runtime } from './app';

export async function startRuntimeFromConfig(
  config: RuntimeConfig,
  overrides: Partial<Omit<RuntimeOptions, 'config'>> = {},
): Promise<Runtime & { store: Store }> {
  const log = overrides.log ?? createLogger({ debugText: config.debugText });
  const now = overrides.now ?? Date.now;
  const random = overrides.random ?? Math.random;
  const store = overrides.store ?? (await openStore(config.db));
  const processor =
    overrides.processor ??
    createEngineProcessor({
      log,
      now,
      random,
      secrets: (name) => config.secrets[name],
      ...(await appIdOption(config, log)),
    });
  const runtime = await startRuntime({
    ...overrides,
    config,
    store,
    processor,
    log,
    now,
    random,
    buildProfile: overrides.buildProfile ?? ((flow) => ({ ...messengerProfileBody(flow) })),
  });
  return {
    ...runtime,
    store,
    async stop() {
      await runtime.stop();
      await store.close();
    },
  };
}

/** Our app id for the processor: from the Graph API, else THREADLINE_APP_ID, else none. */
async function appIdOption(config: RuntimeConfig, log: Logger): Promise<{ appId?: string }> {
  const appId = await learnAppId({
    graphUrl: config.graphUrl,
    pageToken: config.pageToken,
    fallback: config.appId,
    log,
  });
  if (appId !== undefined) log.info('runtime.app-id', { appId });
  return appId !== undefined ? { appId } : {};
}
