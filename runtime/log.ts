// Structured logs: one JSON object a line on stderr. Secrets never reach a log line: fields with
// secret-looking names are dropped at any depth, tokens inside strings (an `access_token=` query,
// a bearer header quoted in an error) are masked, and message text only passes when the debug
// flag asks for it.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const SECRET_KEYS = /token|secret|password|authorization|signature|access_token/i;
const TEXT_KEYS = /^(text|body|message|payload|title)$/i;

const SECRET_IN_TEXT = /(access_token=|bearer\s+)[^\s&"',;]+/gi;

export function redact(fields: LogFields, debugText: boolean): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_KEYS.test(key)) continue;
    if (!debugText && TEXT_KEYS.test(key)) continue;
    out[key] = redactValue(value, debugText);
  }
  return out;
}

function redactValue(value: unknown, debugText: boolean): unknown {
  if (typeof value === 'string') return value.replace(SECRET_IN_TEXT, '$1[redacted]');
  if (Array.isArray(value)) return value.map((v) => redactValue(v, debugText));
  if (value !== null && typeof value === 'object' && !(value instanceof Date))
    return redact(value as LogFields, debugText);
  return value;
}

export function createLogger(options: {
  debugText?: boolean;
  write?: (line: string) => void;
  quiet?: boolean;
}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const log = (level: LogLevel, event: string, fields: LogFields = {}) => {
    if (options.quiet && level !== 'error') return;
    const safe = redact(fields, options.debugText ?? false);
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...safe }));
  };
  return {
    log,
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
  };
}
