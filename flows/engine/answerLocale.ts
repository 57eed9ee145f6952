// The locale an answer is read in (docs/format.md §1 "Questions"): the user's profile locale
// ("de_DE") when it is known, else the flow's `defaultLocale` ("de-DE"), else English.

export interface AnswerLocale {
  /** A BCP 47 tag, "de-DE"; "en" when nothing is known. */
  tag: string;
  /** Its language, lower case: "de". */
  language: string;
}

const TAG = /^([a-z]{2,3})(?:[_-]([a-z]{2}))?$/i;

export function answerLocale(
  locale: string | undefined,
  defaultLocale: string | undefined,
): AnswerLocale {
  for (const candidate of [locale, defaultLocale]) {
    const m = candidate === undefined ? null : TAG.exec(candidate);
    if (!m) continue;
    const language = m[1]!.toLowerCase();
    return { tag: m[2] ? `${language}-${m[2].toUpperCase()}` : language, language };
  }
  return { tag: 'en', language: 'en' };
}
