// A runtime and a sandbox wired together over loopback HTTP with real signatures, for tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompiledFlow } from '../../flows/schema';
import type { RuntimeOptions } from '../app';
import type { RuntimeConfig } from '../config';
import { startRuntimeFromConfig, type Runtime } from '../index';
import { createLogger } from '../log';
import { startSandbox, type Sandbox } from '../sandbox';
import type { Store } from '../store/types';

export const SECRETS = {
  pageId: '1122334455',
  pageToken: 'page-token-for-tests',
  appSecret: 'app-secret-for-tests',
  verifyToken: 'verify-token-for-tests',
  adminToken: 'admin-token-for-tests',
} as const;

export interface Stack {
  sandbox: Sandbox;
  runtime: Runtime & { store: Store };
  config: RuntimeConfig;
  dir: string;
  publish(flow: CompiledFlow): Promise<Response>;
  admin(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

export function testConfig(graphUrl: string, db: string): RuntimeConfig {
  return { ...SECRETS, db, graphUrl, port: 0, appId: undefined, debugText: false, secrets: {} };
}

export async function startStack(
  options: {
    db?: string;
    overrides?: Partial<Omit<RuntimeOptions, 'config'>>;
    sandbox?: Sandbox;
    /** Named secrets, as THREADLINE_SECRET_<NAME> would give them. */
    secrets?: Record<string, string>;
  } = {},
): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-runtime-'));
  const sandbox = options.sandbox ?? (await startSandbox({ ...SECRETS }));
  const config = {
    ...testConfig(sandbox.url, options.db ?? join(dir, 'runtime.db')),
    secrets: options.secrets ?? {},
  };
  const runtime = await startRuntimeFromConfig(config, {
    host: '127.0.0.1',
    log: createLogger({ quiet: true }),
    ...options.overrides,
  });
  sandbox.connect(runtime.url);
  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${runtime.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${SECRETS.adminToken}`, ...(init.headers ?? {}) },
    });
  return {
    sandbox,
    runtime,
    config,
    dir,
    admin,
    publish: (flow) =>
      admin(`/api/flows/${flow.flowId}`, {
        method: 'PUT',
        body: JSON.stringify(flow),
        headers: { 'content-type': 'application/json' },
      }),
    async stop() {
      await runtime.stop();
      if (!options.sandbox) await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
