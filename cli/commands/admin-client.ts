// What the commands that talk to a runtime's admin API share (publish, revisions, rollback): the
// --to and --token options, and one request with its failures said plainly.
import type { OptionSpec } from '../args';
import { cliMessages } from '../i18n';

export const ADMIN_OPTIONS = {
  to: {
    type: 'string',
    value: 'URL',
    required: true,
    help: "the runtime's address, http:// or https://",
  },
  token: {
    type: 'string',
    value: 'T',
    help: "the runtime's admin token (default: $THREADLINE_ADMIN_TOKEN)",
  },
} as const satisfies Record<string, OptionSpec>;

export interface Admin {
  /** The runtime's address without a trailing slash. */
  to: string;
  token: string;
}

/** The runtime address and token, or the usage problem with them. */
export function adminTarget(options: {
  to: string;
  token?: string | undefined;
}): { ok: true; admin: Admin } | { ok: false; problem: string } {
  if (!/^https?:\/\//.test(options.to))
    return {
      ok: false,
      problem: cliMessages().text('badTo', { value: options.to }),
    };
  const token = options.token ?? process.env.THREADLINE_ADMIN_TOKEN;
  if (!token) return { ok: false, problem: cliMessages().text('noToken') };
  return { ok: true, admin: { to: options.to.replace(/\/+$/, ''), token } };
}

export type AdminAnswer =
  | { ok: true; status: number; body: Record<string, unknown> }
  /** `message`: what went wrong, ready to print after "threadline COMMAND: ". */
  | { ok: false; status: number | null; body: Record<string, unknown>; message: string };

/** One admin API request. Non-2xx answers come back with the runtime's JSON body. */
export async function adminRequest(
  admin: Admin,
  path: string,
  init: { method?: string; body?: string } = {},
): Promise<AdminAnswer> {
  const say = cliMessages().text;
  let response: Response;
  try {
    response = await fetch(`${admin.to}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${admin.token}`,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: init.body } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    return {
      ok: false,
      status: null,
      body: {},
      message: say('cannotReach', { to: admin.to, reason: (error as Error).message }),
    };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, status: response.status, body };
  const message =
    response.status === 401
      ? say('tokenRefused', { to: admin.to })
      : typeof body.message === 'string'
        ? `${body.message} (${response.status})`
        : say('refusedStatus', { to: admin.to, status: String(response.status) });
  return { ok: false, status: response.status, body, message };
}

/** A revision hash as the tables show it. */
export const shortRevision = (revision: string) => revision.slice(0, 12);
