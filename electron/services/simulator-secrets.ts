// The simulator's values of a flow's named secrets (`{{secret.NAME}}` in HTTP nodes), kept in the
// host's secret store beside the admin token, never in the flow file. The host fills them in when
// it makes a simulator HTTP call, the way the runtime does from THREADLINE_SECRET_<NAME>.
import { missingSecretsMessage, requestSecretNames, resolveSecrets } from '../../flows';
import type { HttpRequest } from '../host-api';
import type { SecretStore } from './secrets';
import { ServiceError } from './service-error';

export interface SimulatorSecretsService {
  status(names: string[]): Promise<Record<string, boolean>>;
  set(name: string, value: string | null): Promise<void>;
  /** The request with its secrets filled in; throws `secret-missing` naming those without a value. */
  resolve(request: HttpRequest): Promise<HttpRequest>;
}

export function createSimulatorSecretsService(store: SecretStore): SimulatorSecretsService {
  const key = (name: string) => `simulator.${name}` as const;
  return {
    async status(names) {
      const status: Record<string, boolean> = {};
      for (const name of names) status[name] = (await store.get(key(name))) !== null;
      return status;
    },
    set: (name, value) => store.set(key(name), value),
    async resolve(request) {
      const values = new Map<string, string>();
      for (const name of requestSecretNames(request)) {
        const value = await store.get(key(name));
        if (value !== null) values.set(name, value);
      }
      const resolved = resolveSecrets(request, (name) => values.get(name));
      if (!resolved.ok)
        throw new ServiceError(
          'secret-missing',
          resolved.missing.join(', '),
          missingSecretsMessage(resolved.missing, 'designer'),
        );
      return resolved.request;
    },
  };
}
