// Structured logs: one JSON object a line on stderr. Secrets never reach a log line: fields with
// secret-looking names are dropped, and message text only passes when the debug flag asks for it.
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

export function redact(fields: LogFields, debugText: boolean): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_KEYS.test(key)) continue;
    if (!debugText && TEXT_KEYS.test(key)) continue;
    out[key] = value;
  }
  return out;
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
