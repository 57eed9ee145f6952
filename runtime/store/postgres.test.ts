import { beforeAll } from 'vitest';
import {
  assertPostgresReachable,
  dropSchema,
  POSTGRES_URL,
  uniqueSchema,
} from '../testing/postgres';
import { storeContract } from './contract';
import { openPostgresStore } from './postgres';

beforeAll(assertPostgresReachable);

let schema = '';
storeContract('PostgreSQL', {
  async open() {
    schema = uniqueSchema();
    return openPostgresStore(POSTGRES_URL, { schema });
  },
  second: () => openPostgresStore(POSTGRES_URL, { schema }),
  cleanup: () => dropSchema(schema),
});
