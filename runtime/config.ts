// Runtime configuration from the environment (docs/format.md §6). Secrets are required: a missing one
// stops start-up with a message naming the variable, never a runtime surprise later.
import { z } from 'zod';
import { SECRET_ENV_PREFIX, SECRET_NAME } from '../flows';

export interface RuntimeConfig {
  pageId: string;
  pageToken: string;
  appSecret: string;
  verifyToken: string;
  adminToken: string;
  /** A file path for the embedded SQLite store, or a postgres:// URL. */
  db: string;
  graphUrl: string;
  port: number;
  /**
   * Optional: our app id, used when the Graph API lookup at start-up fails (runtime/send/app-id.ts),
   * so a handover to another app is not taken for a return to us.
   */
  appId: string | undefined;
  /** Logs message text only when asked (THREADLINE_DEBUG_TEXT=1). */
  debugText: boolean;
  /** Days handled events and sent replies are kept (THREADLINE_RETENTION_DAYS, default 30). */
  retentionDays?: number;
  /** Days a silent subscriber's session is kept (THREADLINE_SUBSCRIBER_RETENTION_DAYS, 365). */
  subscriberRetentionDays?: number;
  /** Days daily stats buckets are kept (THREADLINE_STATS_RETENTION_DAYS, default 400). */
  statsRetentionDays?: number;
  /** Send API calls in flight at once per Page (THREADLINE_SENDS_IN_FLIGHT, default 8). */
  sendsInFlight?: number;
  /** The runtime's public https address, for the data deletion status URL (THREADLINE_PUBLIC_URL). */
  publicUrl?: string;
  /** Named secrets for HTTP nodes' {{secret.NAME}}, from THREADLINE_SECRET_NAME (flows/secrets.ts). */
  secrets: Readonly<Record<string, string>>;
}

export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com/v25.0';
export const PAGE_INBOX_APP_ID = '263902037430900';

const REQUIRED = [
  'THREADLINE_PAGE_ID',
  'THREADLINE_PAGE_TOKEN',
  'THREADLINE_APP_SECRET',
  'THREADLINE_VERIFY_TOKEN',
  'THREADLINE_ADMIN_TOKEN',
] as const;

export interface ConfigError {
  code: 'missing-setting' | 'invalid-setting';
  place: string;
  message: string;
}

const Port = z.coerce.number().int().min(0).max(65535);

// Messenger may redeliver a webhook for up to 36 hours (docs/messenger.md §1); an event's dedupe key
// must outlive that, so handled events are kept two days at least.
const NUMBERS = {
  THREADLINE_RETENTION_DAYS: {
    schema: z.coerce.number().min(2),
    fallback: 30,
    message: 'THREADLINE_RETENTION_DAYS must be a number of days, 2 or more',
  },
  THREADLINE_SUBSCRIBER_RETENTION_DAYS: {
    schema: z.coerce.number().min(1),
    fallback: 365,
    message: 'THREADLINE_SUBSCRIBER_RETENTION_DAYS must be a number of days, 1 or more',
  },
  THREADLINE_STATS_RETENTION_DAYS: {
    schema: z.coerce.number().int().min(1),
    fallback: 400,
    message: 'THREADLINE_STATS_RETENTION_DAYS must be a whole number of days, 1 or more',
  },
  THREADLINE_SENDS_IN_FLIGHT: {
    schema: z.coerce.number().int().min(1).max(1000),
    fallback: 8,
    message: 'THREADLINE_SENDS_IN_FLIGHT must be a whole number from 1 to 1000',
  },
} as const;

export function configFromEnv(
  env: Record<string, string | undefined>,
): { ok: true; config: RuntimeConfig } | { ok: false; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  for (const name of REQUIRED) {
    if (!env[name])
      errors.push({ code: 'missing-setting', place: name, message: `${name} is not set` });
  }
  const port = Port.safeParse(env.PORT ?? '8080');
  if (!port.success)
    errors.push({ code: 'invalid-setting', place: 'PORT', message: 'PORT must be a port number' });
  const graphUrl = env.THREADLINE_GRAPH_URL ?? DEFAULT_GRAPH_URL;
  if (!/^https?:\/\//.test(graphUrl))
    errors.push({
      code: 'invalid-setting',
      place: 'THREADLINE_GRAPH_URL',
      message: 'THREADLINE_GRAPH_URL must be an http(s) URL',
    });
  const number = (name: keyof typeof NUMBERS): number => {
    const { schema, fallback, message } = NUMBERS[name];
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    errors.push({ code: 'invalid-setting', place: name, message: `${message} (got "${raw}")` });
    return fallback;
  };
  const retentionDays = number('THREADLINE_RETENTION_DAYS');
  const subscriberRetentionDays = number('THREADLINE_SUBSCRIBER_RETENTION_DAYS');
  const statsRetentionDays = number('THREADLINE_STATS_RETENTION_DAYS');
  const sendsInFlight = number('THREADLINE_SENDS_IN_FLIGHT');
  if (errors.length > 0 || !port.success) return { ok: false, errors };
  return {
    ok: true,
    config: {
      pageId: env.THREADLINE_PAGE_ID!,
      pageToken: env.THREADLINE_PAGE_TOKEN!,
      appSecret: env.THREADLINE_APP_SECRET!,
      verifyToken: env.THREADLINE_VERIFY_TOKEN!,
      adminToken: env.THREADLINE_ADMIN_TOKEN!,
      db: env.THREADLINE_DB ?? 'threadline.db',
      graphUrl: graphUrl.replace(/\/+$/, ''),
      port: port.data,
      appId: env.THREADLINE_APP_ID || undefined,
      debugText: env.THREADLINE_DEBUG_TEXT === '1',
      retentionDays,
      subscriberRetentionDays,
      statsRetentionDays,
      sendsInFlight,
      ...(env.THREADLINE_PUBLIC_URL ? { publicUrl: env.THREADLINE_PUBLIC_URL } : {}),
      secrets: secretsFromEnv(env),
    },
  };
}

/** THREADLINE_SECRET_ORDER_API_KEY=... becomes the secret ORDER_API_KEY; empty values count as unset. */
export function secretsFromEnv(env: Record<string, string | undefined>): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const name = key.slice(SECRET_ENV_PREFIX.length);
    if (key.startsWith(SECRET_ENV_PREFIX) && SECRET_NAME.test(name) && value) secrets[name] = value;
  }
  return secrets;
}
