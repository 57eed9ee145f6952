// Dates users type, read into ISO yyyy-mm-dd. Accepted: ISO (2026-03-14), day-first with dots
// (14.3.2026), slashes (14/3/2026, month-first 3/14/2026 for en_US or when the day is > 12 in
// the first place), year-first slashes (2026/3/14) and month names (14 March 2026, March 14, 2026).

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export function parseDate(input: string, locale?: string): string | null {
  const text = input.trim().toLowerCase();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return iso(+m[3]!, +m[2]!, +m[1]!);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    const monthFirst = b > 12 || (a <= 12 && locale === 'en_US');
    return monthFirst ? iso(+m[3]!, a, b) : iso(+m[3]!, b, a);
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\.? ([a-z]+)\.?,? (\d{4})$/.exec(text);
  if (m) return named(+m[3]!, m[2]!, +m[1]!);
  m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text);
  if (m) return named(+m[3]!, m[1]!, +m[2]!);
  return null;
}

/** Full month names and abbreviations of three letters or more ("mar", "sept", "march"). */
function named(year: number, monthName: string, day: number): string | null {
  if (monthName.length < 3) return null;
  const month = MONTHS.findIndex((name) => name.startsWith(monthName)) + 1;
  return month === 0 ? null : iso(year, month, day);
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
