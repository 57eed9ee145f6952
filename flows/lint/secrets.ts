// Credentials do not belong in a flow: the file, the compiled flow and the publish diff are read
// by many. HTTP nodes name a secret instead (`{{secret.ORDER_API_KEY}}`, flows/secrets.ts); this
// rule warns of header values, URLs and bodies that look like a key written in plain text, and
// of secret placeholders where no host would fill them in.
import { hasSecret } from '../secrets';
import type { NodeOfType } from '../schema';
import type { LintContext } from './context';
import { nodeTemplates } from './variables';

const CREDENTIAL_HEADERS =
  /^(authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-token)$/i;
const KNOWN_KEYS = [
  /\b[sr]k_(live|test)_[A-Za-z0-9]{8,}/, // Stripe
  /\bgh[pousr]_[A-Za-z0-9]{20,}/, // GitHub
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/, // Slack
  /\bAKIA[0-9A-Z]{16}\b/, // AWS access key id
  /\bAIza[0-9A-Za-z_-]{35}\b/, // Google API key
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, // a JWT
];
const KEY_IN_QUERY =
  /[?&](api[_-]?key|access[_-]?token|auth[_-]?token|token|secret|client[_-]?secret|key|password)=([^&#]*)/gi;

/** The text without placeholders: what is written into the flow literally. */
const literal = (text: string) => text.replace(/\{\{[^}]*\}\}/g, '');

export function checkSecrets(ctx: LintContext): void {
  for (const node of ctx.doc.nodes) {
    if (node.type === 'http') checkHttp(ctx, node);
    else
      for (const { field, text } of nodeTemplates(node))
        if (hasSecret(text)) ctx.report('secret-misplaced', { nodeId: node.id, field }, 'default');
  }
}

function checkHttp(ctx: LintContext, node: NodeOfType<'http'>): void {
  const warn = (field: string) =>
    ctx.report('secret-in-flow', { nodeId: node.id, field }, 'default', {
      example: '{{secret.NAME}}',
    });
  const headers = Object.entries(node.data.headers ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [name, value] of headers)
    if (looksLikeKey(value) || (CREDENTIAL_HEADERS.test(name) && looksLikeToken(value)))
      warn(`data.headers.${name}`);
  if (looksLikeKey(node.data.url) || keyInQuery(node.data.url)) warn('data.url');
  if (node.data.body !== undefined && looksLikeKey(node.data.body)) warn('data.body');
}

function looksLikeKey(text: string): boolean {
  const plain = literal(text);
  return KNOWN_KEYS.some((pattern) => pattern.test(plain));
}

/** A credential header's value, less its scheme word, with a long run of token characters. */
function looksLikeToken(value: string): boolean {
  const plain = literal(value)
    .trim()
    .replace(/^(bearer|basic|token|apikey|key)\s+/i, '');
  const longest = Math.max(0, ...(plain.match(/[A-Za-z0-9+/=_.~-]+/g) ?? []).map((t) => t.length));
  return longest >= 16 || (longest >= 8 && entropyBits(plain) >= 3);
}

function keyInQuery(url: string): boolean {
  for (const match of url.matchAll(KEY_IN_QUERY))
    if (literal(match[2] ?? '').length >= 6) return true;
  return false;
}

/** Shannon entropy per character: random keys score high, words and ids low. */
function entropyBits(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}
