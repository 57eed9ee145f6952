// URL checks shared by the message and profile rules. A URL may contain template placeholders
// (`https://shop.example/orders/{{order_id}}`): they are replaced by a sample value before
// parsing, as the engine inserts each value percent-encoded. A URL that a placeholder opens
// (`{{photo_url}}`, `{{base}}/p`) gets its address from the variable, so the engine checks it at
// run time instead (and leaves the link out if it is not an https address).
import { replaceSecrets } from '../secrets';
import { templateParts } from '../template';
import type { LintContext, Place } from './context';
import type { LintText } from './text';

/** What a placeholder stands for while the URL is checked: any encoded value looks like this. */
const SAMPLE = 'sample';

export function checkUrl(
  ctx: LintContext,
  place: Place,
  url: string,
  subject: LintText,
  options: { httpsOnly?: boolean; variables?: boolean; secrets?: boolean } = {},
): void {
  // An HTTP node's `{{secret.NAME}}` is filled in by the host; the address around it must be valid.
  const withSecrets = url.trim();
  if (options.secrets && /^\{\{\s*secret\./.test(withSecrets)) return;
  const trimmed = options.secrets ? replaceSecrets(withSecrets, SAMPLE) : withSecrets;
  const parts = templateParts(trimmed);
  if (options.variables === false && parts.length > 0) {
    ctx.report('url-invalid', place, 'variable', { subject, url: short(url) });
    return;
  }
  if (parts[0]?.index === 0) return;
  let filled = '';
  let from = 0;
  for (const part of parts) {
    filled += trimmed.slice(from, part.index) + SAMPLE;
    from = part.index + part.length;
  }
  filled += trimmed.slice(from);
  // Spaces and braces left over are a typo (`{{not a name}}`, a stray space): a web address
  // cannot hold them.
  const stray = /[\s{}]/.exec(filled);
  if (stray) {
    if (stray[0] === '{' || stray[0] === '}')
      ctx.report('url-invalid', place, 'brace', {
        subject,
        url: short(url),
        char: stray[0],
        example: '{{variable}}',
      });
    else ctx.report('url-invalid', place, 'space', { subject, url: short(url) });
    return;
  }
  let parsed: URL;
  try {
    parsed = new URL(filled);
  } catch {
    ctx.report('url-invalid', place, 'notUrl', { subject, url: short(url) });
    return;
  }
  if (parsed.protocol === 'https:') return;
  if (parsed.protocol === 'http:' && options.httpsOnly === false) return;
  if (parsed.protocol === 'http:') {
    ctx.report('url-not-https', place, 'default', { subject, url: short(url) });
    return;
  }
  ctx.report('url-invalid', place, 'notWeb', { subject, url: short(url) });
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
