// Numbers users type, read in their locale (docs/format.md §1 "Questions"). "42,5" and "1.234,5"
// in German, "42.5" and "1,234.5" in English. The rules, for a locale whose decimal separator is
// D and whose other mark (the thousands separator) is G:
// - digits with an optional sign: a whole number;
// - both "." and "," in one answer: the last one is the decimal mark, the other must group the
//   digits in threes ("1.234.567,5", "1,234,567.5"), whatever the locale;
// - one kind of mark, used more than once: thousands, grouped in threes ("1.234.567");
// - one mark, once: followed by exactly three digits it is read as the locale reads it ("1.234" is
//   1234 in German, 1.234 in English; "1,234" the other way round); followed by other than three
//   digits it can only be a decimal mark ("3,5" and "3.5" are 3.5 everywhere);
// - spaces (also no-break and narrow no-break) and apostrophes group in threes too ("1 234,5",
//   "1'234.5").
// Anything else (letters, units, "1.23.4") is no number.
const decimalMarks = new Map<string, '.' | ','>();

/** The decimal mark of a locale, from the host's Intl data; "." when Intl does not know it. */
export function decimalMark(tag: string): '.' | ',' {
  let mark = decimalMarks.get(tag);
  if (mark !== undefined) return mark;
  try {
    const part = new Intl.NumberFormat(tag).formatToParts(1.5).find((p) => p.type === 'decimal');
    mark = part?.value === ',' ? ',' : '.';
  } catch {
    mark = '.';
  }
  decimalMarks.set(tag, mark);
  return mark;
}

const SPACE_GROUPS = /^\d{1,3}(?:[ \u00a0\u202f'’]\d{3})+(?:[.,]\d+)?$/;

/** The number an answer says in the locale `tag` ("de-DE"), or undefined. */
export function readNumber(text: string, tag = 'en'): number | undefined {
  const m = /^([+-]|−)?\s*(.+)$/.exec(text.trim());
  if (!m) return undefined;
  const negative = m[1] === '-' || m[1] === '−';
  const body = m[2]!;
  const digits = normalise(body, decimalMark(tag));
  if (digits === undefined) return undefined;
  const value = Number(digits);
  if (!Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}

/** `body` as a JS number literal ("1234.5"), or undefined. */
function normalise(body: string, decimal: '.' | ','): string | undefined {
  if (/^\d+$/.test(body)) return body;
  if (/^[.,]\d+$/.test(body)) return `0.${body.slice(1)}`;
  if (SPACE_GROUPS.test(body)) {
    const [whole, fraction] = body.split(/[.,]/);
    return withFraction(whole!.replace(/\D/g, ''), fraction);
  }
  if (!/^\d[\d.,]*\d$/.test(body)) return undefined;
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    const last = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = last === '.' ? ',' : '.';
    const [whole, fraction] = splitLast(body, last);
    return grouped(whole, group) ? withFraction(whole.split(group).join(''), fraction) : undefined;
  }
  const mark = dots > 0 ? '.' : ',';
  const count = dots + commas;
  if (count > 1) return grouped(body, mark) ? body.split(mark).join('') : undefined;
  const [whole, fraction] = splitLast(body, mark);
  if (fraction.length === 3 && mark !== decimal && /^\d{1,3}$/.test(whole)) return whole + fraction;
  return withFraction(whole, fraction);
}

function splitLast(text: string, mark: string): [string, string] {
  const at = text.lastIndexOf(mark);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** "1.234.567" with `mark` ".": a first group of 1 to 3 digits, then groups of exactly 3. */
function grouped(text: string, mark: string): boolean {
  const [first, ...rest] = text.split(mark);
  return /^\d{1,3}$/.test(first!) && rest.length > 0 && rest.every((g) => /^\d{3}$/.test(g));
}

function withFraction(whole: string, fraction: string | undefined): string {
  return fraction === undefined || fraction === '' ? whole : `${whole}.${fraction}`;
}
