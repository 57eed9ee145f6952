// What must never reach a log line: tokens and secrets, wherever they sit in the fields, and what
// users wrote unless the operator turned THREADLINE_DEBUG_TEXT on.
import { describe, expect, it } from 'vitest';
import { createLogger, type LogFields } from './log';

const TOKEN = 'EAAG-page-token-0123456789';
const SECRET = 'app-secret-abcdef';
const TEXT = 'my card number is 4242';

function logged(fields: LogFields, debugText = false): string {
  const lines: string[] = [];
  const log = createLogger({ debugText, write: (line) => lines.push(line) });
  log.warn('test.event', fields);
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

const everything: LogFields = {
  psid: 'psid-1',
  pageToken: TOKEN,
  access_token: TOKEN,
  appSecret: SECRET,
  password: SECRET,
  authorization: `Bearer ${TOKEN}`,
  signature: `sha256=${SECRET}`,
  request: { headers: { Authorization: `Bearer ${TOKEN}` }, url: '/me/messages' },
  attempts: [{ token: TOKEN }],
  error: `GET https://graph.facebook.com/v21.0/me/messages?access_token=${TOKEN} failed`,
  cause: `request refused: bearer ${TOKEN}`,
  text: TEXT,
  message: TEXT,
  body: { text: TEXT },
  payload: TEXT,
  title: TEXT,
};

describe('log redaction', () => {
  it('drops secrets and message text, and keeps the rest', () => {
    const line = logged(everything);
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain(TEXT);
    expect(JSON.parse(line)).toMatchObject({
      level: 'warn',
      event: 'test.event',
      psid: 'psid-1',
      request: { headers: {}, url: '/me/messages' },
      attempts: [{}],
      error: 'GET https://graph.facebook.com/v21.0/me/messages?access_token=[redacted] failed',
      cause: 'request refused: bearer [redacted]',
    });
  });

  it('lets message text through with the debug flag, but never a secret', () => {
    const line = logged(everything, true);
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain(SECRET);
    expect(JSON.parse(line)).toMatchObject({ text: TEXT, message: TEXT, body: { text: TEXT } });
  });

  it('writes nothing but errors when quiet', () => {
    const lines: string[] = [];
    const log = createLogger({ quiet: true, write: (line) => lines.push(line) });
    log.info('a');
    log.warn('b');
    log.error('c', { token: TOKEN });
    expect(lines.map((l) => JSON.parse(l).event)).toEqual(['c']);
    expect(lines[0]).not.toContain(TOKEN);
  });
});
