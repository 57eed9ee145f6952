// URL checks shared by the message and profile rules. A URL may contain template placeholders
// (`https://shop.example/orders/{{order_id}}`): they are replaced by a sample value before
// parsing, and a URL that is only a placeholder (`{{photo_url}}`) is checked at run time instead.
import type { LintContext, Place } from './context';

const PLACEHOLDER = /\{\{[^}]*\}\}/g;

export function checkUrl(
  ctx: LintContext,
  place: Place,
  url: string,
  what: string,
  options: { httpsOnly: boolean } = { httpsOnly: true },
): void {
  const trimmed = url.trim();
  if (trimmed.startsWith('{{')) return;
  let parsed: URL;
  try {
    parsed = new URL(trimmed.replace(PLACEHOLDER, 'x'));
  } catch {
    ctx.report(
      'url-invalid',
      place,
      `${what} "${short(url)}" is not a valid web address (it should start with https://).`,
    );
    return;
  }
  if (parsed.protocol === 'https:') return;
  if (parsed.protocol === 'http:' && !options.httpsOnly) return;
  if (parsed.protocol === 'http:') {
    ctx.report('url-not-https', place, `${what} "${short(url)}" must use https://, not http://.`);
    return;
  }
  ctx.report(
    'url-invalid',
    place,
    `${what} "${short(url)}" must be a web address starting with https://.`,
  );
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
