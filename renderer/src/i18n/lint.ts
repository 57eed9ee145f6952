// Lint messages in the designer's language. The linter (flows/lint) keeps English `message`s and
// gives each finding a `text`: its message key and values; flows/lint/text has the German words,
// which stay outside i18next because flows/ must not depend on UI libraries. Components that show
// findings re-render on a change of language through useTranslation or useLanguage.
import { lintMessage, type LintText } from '../../../flows';
import { languageStore } from '.';
import { formatLocale } from './format';

/** A finding's message in the language shown now (English when it has no key). */
export function lintMessageNow(finding: { message: string; text?: LintText }): string {
  return lintMessage(finding, languageStore.getState().language, formatLocale());
}
