// Dates users type, read into ISO yyyy-mm-dd (docs/format.md §1 "Questions").
// 1. Numbers first, the same in every language: ISO (2026-03-14), year-first slashes (2026/3/14),
//    day-first dots (14.3.2026, and without a year 14.3. or 14.3), slashes or dashes (14/3/2026;
//    month first for US English, or when the second number is above 12).
// 2. Then words, with chrono-node in the answer's language ("1. März", "morgen", "nächsten
//    Freitag", "March 14, 2026", "tomorrow"), falling back to English. The answer must be one date
//    and nothing else ("am 1. März" is one; "heute oder morgen" and "März" are none).
// A date without a year is its next occurrence counted from today, today included ("1. März" said
// on 2 March 2026 is 2027-03-01; 29 February waits for a leap year). Relative dates ("morgen") and
// "today" are counted on the host's clock in UTC: Messenger tells no time zone.
import * as chrono from 'chrono-node';
import type { AnswerLocale } from './answerLocale';

const LANGUAGES: Partial<Record<string, chrono.Chrono>> = {
  de: chrono.de.casual,
  en: chrono.en.casual,
  es: chrono.es.casual,
  fi: chrono.fi.casual,
  fr: chrono.fr.casual,
  it: chrono.it.casual,
  ja: chrono.ja.casual,
  nl: chrono.nl.casual,
  pt: chrono.pt.casual,
  ru: chrono.ru.casual,
  sv: chrono.sv.casual,
  uk: chrono.uk.casual,
  zh: chrono.zh.casual,
};

const ENGLISH: AnswerLocale = { tag: 'en', language: 'en' };

export function parseDate(
  input: string,
  locale: AnswerLocale = ENGLISH,
  now: number = Date.now(),
): string | null {
  const text = input.trim();
  const numeric = numericDate(text, locale, now);
  if (numeric !== undefined) return numeric;
  const parsers =
    locale.language === 'en'
      ? [englishFor(locale)]
      : [LANGUAGES[locale.language], englishFor(locale)];
  for (const parser of parsers) {
    if (parser === undefined) continue;
    const found = wordDate(parser, text, now);
    if (found !== undefined) return found;
  }
  return null;
}

/** US English reads "3/4" month first; every other English day first. */
function englishFor(locale: AnswerLocale): chrono.Chrono {
  return locale.tag === 'en-US' || locale.tag === 'en' ? chrono.en.casual : chrono.en.GB;
}

/** A date written in numbers: the date, null when it is impossible (2026-02-30), else undefined. */
function numericDate(text: string, locale: AnswerLocale, now: number): string | null | undefined {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return iso(+m[3]!, +m[2]!, +m[1]!);
  m = /^(\d{1,2})\.(\d{1,2})\.?$/.exec(text);
  if (m) return nextOccurrence(+m[2]!, +m[1]!, now);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    const monthFirst = b > 12 || (a <= 12 && locale.tag === 'en-US');
    return monthFirst ? iso(+m[3]!, a, b) : iso(+m[3]!, b, a);
  }
  return undefined;
}

function wordDate(parser: chrono.Chrono, text: string, now: number): string | undefined {
  const results = parser.parse(
    text,
    { instant: new Date(now), timezone: 0 },
    { forwardDate: true },
  );
  if (results.length !== 1) return undefined;
  const [result] = results;
  const rest = text.slice(0, result!.index) + text.slice(result!.index + result!.text.length);
  if (!/^[\s.,!?;:]*$/.test(rest) || result!.end) return undefined;
  const start = result!.start;
  if (!start.isCertain('day') && !start.isCertain('weekday')) return undefined;
  const month = start.get('month')!;
  const day = start.get('day')!;
  if (start.isCertain('day') && !start.isCertain('year')) {
    return nextOccurrence(month, day, now) ?? undefined;
  }
  return iso(start.get('year')!, month, day) ?? undefined;
}

/** The next `month`/`day` from today (UTC), today included; null when there is no such day. */
export function nextOccurrence(month: number, day: number, now: number): string | null {
  const today = new Date(now);
  const year = today.getUTCFullYear();
  const todayKey = (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
  const first = month * 100 + day >= todayKey ? year : year + 1;
  // 29 February can be up to eight years away (2096 → 2104).
  for (let y = first; y <= first + 8; y++) {
    const date = iso(y, month, day);
    if (date !== null) return date;
    if (month !== 2 || day !== 29) return null;
  }
  return null;
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
