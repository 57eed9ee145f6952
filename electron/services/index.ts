// The host's services, composed once per process. Electron main and the browser-mode host both
// build these and route their callers to them, so the two hosts behave the same.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo, HttpRequest, HttpResponse, OpenedFile } from '../host-api';
import { createDocumentsService, type DocumentsService } from './documents';
import { performHttpRequest } from './http-request';
import { createRecoveryService, type RecoveryService } from './recovery';
import { createRuntimeService, type RuntimeService } from './runtime-publish';
import type { SecretStore } from './secrets';
import { createSimulatorSecretsService, type SimulatorSecretsService } from './simulator-secrets';
import { createSettingsService, type SettingsService } from './settings';

export interface HostServices {
  /** The app's fixed facts; `language` is read from the settings on each app.info call. */
  info: Omit<AppInfo, 'language'>;
  initialFile: () => Promise<OpenedFile | null>;
  documents: DocumentsService;
  recovery: RecoveryService;
  settings: SettingsService;
  runtime: RuntimeService;
  /** Simulator HTTP calls, with the flow's named secrets filled in from the secret store. */
  http: (request: HttpRequest) => Promise<HttpResponse>;
  simulatorSecrets: SimulatorSecretsService;
}

export function createHostServices(options: {
  userDataDir: string;
  secrets: SecretStore;
  mode: AppInfo['mode'];
  initialPath?: string | null;
  fetch?: typeof fetch;
}): HostServices {
  const documents = createDocumentsService(options.userDataDir);
  const settings = createSettingsService(options.userDataDir);
  const initialPath = options.initialPath ?? null;
  const simulatorSecrets = createSimulatorSecretsService(options.secrets);
  return {
    info: {
      name: 'Threadline',
      version: appVersion(),
      mode: options.mode,
      platform: process.platform,
      locale: null,
    },
    initialFile: async () => (initialPath ? documents.open(initialPath) : null),
    documents,
    recovery: createRecoveryService(options.userDataDir),
    settings,
    runtime: createRuntimeService({ settings, secrets: options.secrets, fetch: options.fetch }),
    http: async (request) =>
      performHttpRequest(await simulatorSecrets.resolve(request), options.fetch),
    simulatorSecrets,
  };
}

function appVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(join(import.meta.dirname ?? '.', '../../package.json'), 'utf8'),
    ) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
