// Named secrets: an HTTP node writes `{{secret.ORDER_API_KEY}}` in its url, headers or body
// instead of the key itself, so no credential sits in the flow file, the compiled flow or a
// publish diff. The engine leaves the placeholder in the request; the host fills it in when it
// makes the call (the runtime from THREADLINE_SECRET_ORDER_API_KEY, the designer from its secret
// store) and never anywhere else, so a secret cannot end up in a message.

const SECRET = /\{\{\s*secret\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Where the runtime reads a secret: THREADLINE_SECRET_<NAME>. */
export const SECRET_ENV_PREFIX = 'THREADLINE_SECRET_';

export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The secret names a text refers to, in order of first use. */
export function secretNames(text: string): string[] {
  return [...new Set([...text.matchAll(SECRET)].map((m) => m[1]!))];
}

/** The text with each `{{secret.…}}` placeholder replaced (the linter checks what remains). */
export function replaceSecrets(text: string, by: string): string {
  return text.replace(SECRET, by);
}

/** True when a `{{secret.…}}` placeholder is in the text. */
export function hasSecret(text: string): boolean {
  return secretNames(text).length > 0;
}

interface HttpTexts {
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Every secret an HTTP node's url, headers and body refer to. */
export function requestSecretNames(request: HttpTexts): string[] {
  const texts = [request.url, ...Object.values(request.headers ?? {}), request.body ?? ''];
  return [...new Set(texts.flatMap(secretNames))];
}

/** Every secret the HTTP steps (or nodes) of a flow refer to, sorted. */
export function flowSecretNames(steps: readonly { type: string; data: unknown }[]): string[] {
  const names = new Set<string>();
  for (const step of steps)
    if (step.type === 'http')
      for (const name of requestSecretNames(step.data as HttpTexts)) names.add(name);
  return [...names].sort();
}

/**
 * A value inserted into a request must not bring a placeholder of its own: a user who answers
 * `{{secret.ORDER_API_KEY}}` would otherwise have the host fill in the key wherever that answer goes.
 */
export function defuseSecrets(value: string): string {
  return value.replace(/\{\{/g, '{\u200b{');
}

export type SecretLookup = (name: string) => string | undefined;

export type ResolvedRequest<R extends HttpTexts> =
  { ok: true; request: R } | { ok: false; missing: string[] };

/**
 * Fills in the secrets of a request, at the moment the host makes it. In the url a value is
 * percent-encoded; in headers and the body it goes in as it is. Any missing secret refuses the
 * whole request, named, so the HTTP node can take its `error` output.
 */
export function resolveSecrets<R extends HttpTexts>(
  request: R,
  lookup: SecretLookup,
): ResolvedRequest<R> {
  const missing = requestSecretNames(request).filter((name) => lookup(name) === undefined);
  if (missing.length > 0) return { ok: false, missing };
  const fill = (text: string, encode: (value: string) => string) =>
    text.replace(SECRET, (_all, name: string) => encode(lookup(name)!));
  const same = (value: string) => value;
  const resolved: R = { ...request, url: fill(request.url, encodeURIComponent) };
  if (request.headers)
    resolved.headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, fill(value, same)]),
    );
  if (request.body !== undefined) resolved.body = fill(request.body, same);
  return { ok: true, request: resolved };
}

/** What a host logs (and the simulator shows) when secrets have no value. */
export function missingSecretsMessage(
  missing: readonly string[],
  where: 'env' | 'designer',
): string {
  const names = missing
    .map((name) => (where === 'env' ? `${name} (${SECRET_ENV_PREFIX}${name} is not set)` : name))
    .join(', ');
  return where === 'env'
    ? `Missing secret: ${names}.`
    : `Missing secret: ${names}. Set its value for the simulator in the flow settings, under Secrets.`;
}
