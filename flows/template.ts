// Text templates (docs/format.md §1): `{{name}}` inserts a variable, `{{name|fallback}}` a fallback when
// the variable is unset or empty. Shared by the linter (which variables a text reads) and the
// engine (rendering), so both read templates the same way.

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|([^}]*))?\}\}/g;

export interface TemplatePart {
  variable: string;
  fallback: string | undefined;
  /** Offset of the `{{` in the text. */
  index: number;
  /** Length of the placeholder, `{{` to `}}`. */
  length: number;
}

/**
 * Remembers a pure function's answers for the last few thousand texts: the engine renders the
 * same templates and checks the same addresses of a flow on every turn. Bounded, so that texts
 * with user input in them cannot grow it without end.
 */
function memoByText<T>(compute: (text: string) => T, max = 4096): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let found = cache.get(text);
    if (found === undefined && !cache.has(text)) {
      found = compute(text);
      if (cache.size >= max) cache.clear();
      cache.set(text, found);
    }
    return found as T;
  };
}

/** Every placeholder in a template, in order (shared and frozen: callers only read it). */
export const templateParts: (text: string) => readonly TemplatePart[] = memoByText((text) =>
  Object.freeze(findParts(text)),
);

function findParts(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    parts.push({
      variable: match[1] ?? '',
      fallback: match[2],
      index: match.index ?? 0,
      length: match[0].length,
    });
  }
  return parts;
}

/** The names of the variables a template reads. */
export function templateVariables(text: string): string[] {
  return [...new Set(templateParts(text).map((p) => p.variable))];
}

export type TemplateValue = string | number | boolean | null | undefined;

export interface RenderOptions {
  /**
   * The template is a URL: each inserted value is percent-encoded as a URL component, except a
   * placeholder that opens the template (`{{link}}`, `{{base}}/p`), which supplies the address
   * itself and goes in as it is.
   */
  url?: boolean;
  /**
   * The field's limit in characters (code points): inserted values are cut, each ending in "…",
   * so that the result fits. The template's own text is never cut (the linter checks it).
   */
  limit?: number;
}

/** Renders a template; a missing value without a fallback renders as an empty string. */
export function renderTemplate(
  text: string,
  lookup: (name: string) => TemplateValue,
  options: RenderOptions = {},
): string {
  const parts = templateParts(text);
  if (parts.length === 0) return text;
  const literals: string[] = [];
  const values: string[] = [];
  const opening = text.length - text.trimStart().length;
  let from = 0;
  for (const part of parts) {
    literals.push(text.slice(from, part.index));
    const value = lookup(part.variable);
    const inserted =
      value === undefined || value === null || value === '' ? (part.fallback ?? '') : String(value);
    values.push(options.url && part.index !== opening ? encodeComponent(inserted) : inserted);
    from = part.index + part.length;
  }
  literals.push(text.slice(from));
  const fitted =
    options.limit === undefined
      ? values
      : fitValues(values, options.limit - literals.reduce((n, l) => n + codePointLength(l), 0));
  return literals.reduce((out, literal, i) => out + literal + (fitted[i] ?? ''), '');
}

/** Percent-encodes a URL component; a lone surrogate becomes U+FFFD instead of throwing. */
function encodeComponent(value: string): string {
  return encodeURIComponent(
    value.replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    ),
  );
}

/**
 * Cuts values so that together they take at most `room` code points. The room is shared out
 * fairly: values shorter than an equal share stay whole, the longer ones get what is left.
 */
function fitValues(values: string[], room: number): string[] {
  // Code points never outnumber UTF-16 units, so this settles most texts without counting; a
  // value is counted only up to the room, so a huge one costs no more than a short one.
  if (values.reduce((n, v) => n + v.length, 0) <= room) return values;
  const lengths = values.map((v) => codePointLength(v, room + 1));
  if (lengths.reduce((a, b) => a + b, 0) <= room) return values;
  const allowed = new Array<number>(values.length).fill(0);
  let left = Math.max(0, room);
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]!);
  order.forEach((index, n) => {
    const share = Math.floor(left / (order.length - n));
    allowed[index] = Math.min(lengths[index]!, share);
    left -= allowed[index];
  });
  return values.map((value, i) => {
    const keep = allowed[i]!;
    if (keep >= lengths[i]!) return value;
    return keep === 0 ? '' : `${cutCodePoints(value, keep - 1)}…`;
  });
}

/**
 * Characters as Messenger counts them: code points, so an emoji is one. Counting stops at `cap`
 * when given (the result is then at most `cap`).
 */
export function codePointLength(text: string, cap = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n < cap; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The first `count` code points of a text; a surrogate pair is never split. */
export function cutCodePoints(text: string, count: number): string {
  let i = 0;
  for (let n = 0; n < count && i < text.length; n++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    i += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return text.slice(0, i);
}

/** Whether a text is a web address Messenger can open: https (http only when allowed). */
export function isWebUrl(text: string, options: { httpsOnly?: boolean } = {}): boolean {
  const protocol = webProtocol(text);
  return protocol === 'https:' || (protocol === 'http:' && options.httpsOnly === false);
}

/** The protocol of a URL with a host name, else null (parsing a URL is slow; see memoByText). */
const webProtocol = memoByText((text): string | null => {
  if (!URL.canParse(text)) return null;
  const { protocol, hostname } = new URL(text);
  return hostname === '' ? null : protocol;
});
