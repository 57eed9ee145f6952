// Calls to a runtime's admin API for the commands that read or drive the audience
// (`threadline subscribers`, `threadline broadcast`): the address and token checks, and one
// request with a clear line for each way it can fail.
import { usageError, type CommandSpec } from '../args';

export interface AdminTarget {
  base: string;
  token: string;
}

/** The runtime's address and token from the options, or the usage error's exit code. */
export function adminTarget(
  spec: CommandSpec,
  runtime: string,
  token: string | undefined,
): AdminTarget | number {
  if (!/^https?:\/\//.test(runtime))
    return usageError(
      spec,
      `--runtime needs the runtime URL (http:// or https://), got "${runtime}"`,
    );
  const t = token ?? process.env.THREADLINE_ADMIN_TOKEN;
  if (!t) return usageError(spec, 'no admin token: pass --token or set THREADLINE_ADMIN_TOKEN');
  return { base: runtime.replace(/\/+$/, ''), token: t };
}

export type AdminAnswer =
  { ok: true; status: number; body: Record<string, unknown> } | { ok: false; message: string };

export async function adminCall(
  target: AdminTarget,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<AdminAnswer> {
  let response: Response;
  try {
    response = await fetch(`${target.base}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${target.token}`,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    return { ok: false, message: `cannot reach ${target.base}: ${(error as Error).message}` };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status === 401)
    return { ok: false, message: `${target.base} refused the admin token (401)` };
  if (!response.ok) {
    const problems = Array.isArray(body.problems)
      ? (body.problems as { place?: string; message?: string }[])
          .map((p) => `\n  ${p.place ?? '-'}: ${p.message ?? ''}`)
          .join('')
      : '';
    const reason = typeof body.message === 'string' ? body.message : String(body.error ?? '');
    return {
      ok: false,
      message: `${target.base} answered ${response.status}: ${reason}${problems}`,
    };
  }
  return { ok: true, status: response.status, body };
}
