// Configuration from the environment exactly as docs/format.md §6 names it.
import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config';

const FULL = {
  THREADLINE_PAGE_ID: '1',
  THREADLINE_PAGE_TOKEN: 'pt',
  THREADLINE_APP_SECRET: 'as',
  THREADLINE_VERIFY_TOKEN: 'vt',
  THREADLINE_ADMIN_TOKEN: 'at',
};

describe('configFromEnv', () => {
  it('reads named secrets for HTTP nodes from THREADLINE_SECRET_*', () => {
    const result = configFromEnv({
      ...FULL,
      THREADLINE_SECRET_ORDER_API_KEY: 'sk_live_x',
      THREADLINE_SECRET_EMPTY: '',
      'THREADLINE_SECRET_NOT-A-NAME': 'x',
    });
    expect(result.ok && result.config.secrets).toEqual({ ORDER_API_KEY: 'sk_live_x' });
  });

  it('names every missing secret', () => {
    const result = configFromEnv({ THREADLINE_PAGE_ID: '1' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.place)).toEqual([
      'THREADLINE_PAGE_TOKEN',
      'THREADLINE_APP_SECRET',
      'THREADLINE_VERIFY_TOKEN',
      'THREADLINE_ADMIN_TOKEN',
    ]);
    expect(result.errors[0]!.message).toBe('THREADLINE_PAGE_TOKEN is not set');
  });

  it('reads PORT without the prefix and defaults the store and the Graph URL', () => {
    const result = configFromEnv({ ...FULL, PORT: '3000' });
    expect(result.ok && result.config).toMatchObject({
      port: 3000,
      db: 'threadline.db',
      graphUrl: 'https://graph.facebook.com/v25.0',
    });
  });

  it('takes a postgres URL and a Graph stand-in, and refuses a bad port', () => {
    const ok = configFromEnv({
      ...FULL,
      THREADLINE_DB: 'postgres://h/db',
      THREADLINE_GRAPH_URL: 'http://127.0.0.1:9/',
    });
    expect(ok.ok && ok.config).toMatchObject({
      db: 'postgres://h/db',
      graphUrl: 'http://127.0.0.1:9',
    });
    const bad = configFromEnv({ ...FULL, PORT: 'eighty' });
    expect(bad.ok).toBe(false);
  });

  it('defaults the retention periods and the sends in flight, and names a bad one', () => {
    const result = configFromEnv(FULL);
    expect(result.ok && result.config).toMatchObject({
      retentionDays: 30,
      subscriberRetentionDays: 365,
      statsRetentionDays: 400,
      sendsInFlight: 8,
    });
    const set = configFromEnv({
      ...FULL,
      THREADLINE_RETENTION_DAYS: '7.5',
      THREADLINE_SUBSCRIBER_RETENTION_DAYS: '90',
      THREADLINE_STATS_RETENTION_DAYS: '31',
      THREADLINE_SENDS_IN_FLIGHT: '4',
    });
    expect(set.ok && set.config).toMatchObject({
      retentionDays: 7.5,
      subscriberRetentionDays: 90,
      statsRetentionDays: 31,
      sendsInFlight: 4,
    });
    const bad = configFromEnv({
      ...FULL,
      THREADLINE_RETENTION_DAYS: '1',
      THREADLINE_SUBSCRIBER_RETENTION_DAYS: 'forever',
      THREADLINE_STATS_RETENTION_DAYS: '0',
      THREADLINE_SENDS_IN_FLIGHT: '2.5',
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => e.place)).toEqual([
      'THREADLINE_RETENTION_DAYS',
      'THREADLINE_SUBSCRIBER_RETENTION_DAYS',
      'THREADLINE_STATS_RETENTION_DAYS',
      'THREADLINE_SENDS_IN_FLIGHT',
    ]);
    expect(bad.errors[0]!.message).toBe(
      'THREADLINE_RETENTION_DAYS must be a number of days, 2 or more (got "1")',
    );
  });
});
