// Wires the runtime together: store, webhook, worker, scheduler, sender, admin API. `start()`
// listens and resumes whatever the store holds (pending events, unsent replies, due delays).
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { CompiledFlow } from '../flows/schema';
import { createProfileSync } from './admin/profile';
import { BroadcastRunner, type BroadcastRunnerOptions } from './audience/broadcasts';
import type { RuntimeConfig } from './config';
import { FlowCache } from './flow-cache';
import { InboxBatcher } from './http/inbox-batch';
import { createRuntimeServer, DEFAULT_HTTP_TIMEOUTS, type HttpTimeouts } from './http/server';
import { createLogger, type Logger } from './log';
import { Metrics } from './metrics';
import { PolicyStatus } from './policy';
import type { Processor } from './processor';
import { Pruner, type PrunerOptions } from './pruner';
import { Scheduler } from './scheduler';
import { createGraphClient } from './send/graph';
import { SendSlots } from './send/inflight';
import { SendPacer, type RateLimits, MESSENGER_RATE_LIMITS } from './send/ratelimit';
import {
  DEFAULT_RETENTION_DAYS,
  DEFAULT_STATS_RETENTION_DAYS,
  DEFAULT_SUBSCRIBER_RETENTION_DAYS,
} from './store/retention';
import type { Store } from './store/types';
import { createUserProfiles, type UserProfileOptions } from './user-profiles';
import { Worker } from './worker';

export interface RuntimeOptions {
  config: RuntimeConfig;
  store: Store;
  processor: Processor;
  buildProfile: (flow: CompiledFlow) => Record<string, unknown>;
  log?: Logger;
  now?: () => number;
  random?: () => number;
  concurrency?: number;
  rateLimits?: RateLimits;
  /** Only a single instance on its own SQLite file may free leases left by a crash at once. */
  releaseLeasesOnStart?: boolean;
  /** 0.0.0.0 to face Messenger; tests and the bench listen on loopback only. */
  host?: string;
  /** When retention runs (tests); the periods come from the config. */
  pruneTiming?: Pick<PrunerOptions, 'firstAfterMs' | 'everyMs'>;
  /** User Profile API timing (tests); `false` turns profile fetching off. */
  userProfiles?: Pick<UserProfileOptions, 'waitMs' | 'refreshMs' | 'retryMs'> | false;
  /** How often the broadcast runner looks for work, and its lease (tests). */
  broadcastTiming?: Pick<BroadcastRunnerOptions, 'pollMs' | 'leaseMs'>;
  /** How long a client may take to send headers and a whole request (tests shorten them). */
  httpTimeouts?: HttpTimeouts;
}

export interface Runtime {
  url: string;
  port: number;
  metrics: Metrics;
  stop(): Promise<void>;
}

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, store, processor } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const log = options.log ?? createLogger({ debugText: config.debugText });
  const metrics = new Metrics();
  const policy = new PolicyStatus();
  // Send API calls run on a thread of their own (send/graph-thread.ts).
  const graph = createGraphClient({
    graphUrl: config.graphUrl,
    pageToken: config.pageToken,
    thread: true,
  });
  const flows = new FlowCache(store, now);
  // Several instances on one database pace each Page together, through the store.
  const shared = store.takeSendTokens?.bind(store);
  const pacer = new SendPacer(options.rateLimits ?? MESSENGER_RATE_LIMITS, now, shared);
  const profile = createProfileSync({
    store,
    graph,
    log,
    pageId: config.pageId,
    buildProfile: options.buildProfile,
  });
  if (options.releaseLeasesOnStart ?? store.kind === 'sqlite') await store.releaseAllLeases();

  const workerOwner = randomUUID();
  const worker = new Worker(
    store,
    processor,
    flows,
    {
      store,
      graph,
      pacer,
      slots: new SendSlots(config.sendsInFlight ?? 8),
      log,
      metrics,
      now,
      random,
    },
    log,
    metrics,
    { owner: workerOwner, concurrency: options.concurrency ?? 64, leaseMs: 30_000, pollMs: 100 },
    options.userProfiles === false
      ? undefined
      : createUserProfiles({ store, graph, log, now, metrics, ...options.userProfiles }),
  );
  const events = (outcome: string, n: number) =>
    metrics.inc('threadline_webhook_events_total', 'Webhook events by outcome.', { outcome }, n);
  const inbox = new InboxBatcher(store, now, (received, stored) => {
    events('stored', stored);
    events('duplicate', received - stored);
  });
  const scheduler = new Scheduler(store, now, () => worker.kick(), log);
  const broadcasts = new BroadcastRunner({
    store,
    pageId: config.pageId,
    owner: workerOwner,
    now,
    log,
    kick: () => worker.kick(),
    ...options.broadcastTiming,
  });
  const pruner = new Pruner(store, now, log, metrics, {
    retentionDays: config.retentionDays ?? DEFAULT_RETENTION_DAYS,
    subscriberRetentionDays: config.subscriberRetentionDays ?? DEFAULT_SUBSCRIBER_RETENTION_DAYS,
    statsRetentionDays: config.statsRetentionDays ?? DEFAULT_STATS_RETENTION_DAYS,
    ...options.pruneTiming,
  });
  const server = createRuntimeServer(
    {
      store,
      pageId: config.pageId,
      appSecret: config.appSecret,
      verifyToken: config.verifyToken,
      log,
      metrics,
      now,
      onStored: (lanes) => worker.kickUnlessRunning(lanes),
      inbox,
      policy,
    },
    {
      store,
      flows,
      profile,
      log,
      now,
      adminToken: config.adminToken,
      metrics,
      policy,
      pageId: config.pageId,
      appSecret: config.appSecret,
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
      kick: () => worker.kick(),
      pokeBroadcasts: () => broadcasts.poke(),
    },
    options.httpTimeouts ?? DEFAULT_HTTP_TIMEOUTS,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  worker.start();
  scheduler.start();
  broadcasts.start();
  pruner.start();
  log.info('runtime.started', { port, store: store.kind, pageId: config.pageId });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    metrics,
    async stop() {
      scheduler.stop();
      await broadcasts.stop();
      await pruner.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await worker.stop();
      flows.close();
      graph.close();
      log.info('runtime.stopped');
    },
  };
}
