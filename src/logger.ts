import { LogLevel, type Logger } from '@slack/bolt';
import { hostname } from 'node:os';
import { pino, stdTimeFunctions } from 'pino';

/** LOG_FORMAT: `text`, one readable line per entry (the default), or `json`, one JSON object per line for a collector. */
export type LogFormat = 'text' | 'json';

/** Redacts anything that looks like a Slack token, or a bearer credential, whatever logs it. */
export function redact(text: string): string {
  return text.replace(/\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g, 'x***-[redacted]').replace(/\bBearer\s+[^\s"',]+/g, 'Bearer [redacted]');
}

/** Keys whose values are secrets wherever they appear in a logged object: tokens, the signing secret, Authorization headers. */
const secretKey = /token|secret|authorization|password|cookie/i;

/** A logged object as text, each secret-named field's value replaced. */
const stringify = (value: unknown): string =>
  JSON.stringify(value, (key, v) => (key !== '' && secretKey.test(key) && v != null ? '[redacted]' : v)) ?? String(value);

/** The same fields, in the objects pino serialises itself (an error's own properties: a Web API error's request). */
const redactPaths = ['err.config.headers.Authorization', 'err.config.headers.authorization', 'err.headers.authorization', 'err.request', 'err.config.data'];

const textLine = (entry: { time?: string; level?: string; name?: string; msg?: string }) =>
  `${entry.time} ${String(entry.level).toUpperCase()} [${entry.name}] ${entry.msg ?? ''}`;

/**
 * The bot's logger, also handed to Bolt, its receivers and the Web API clients. Entries go through pino; each
 * line goes to `write` (stderr by default): in `text`, as `time LEVEL [name] message`; in `json`, pino's object
 * (`level`, `time`, `name`, `msg`, an error's `err` with its stack). Tokens are redacted from every line and
 * secret-named fields from logged objects. Tests pass their own `write` to read the logs.
 */
export function createLogger(
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  level: LogLevel = LogLevel.INFO,
  name = 'gcm',
  format: LogFormat = 'text',
): Logger {
  let loggerName = name;
  const out = pino(
    {
      level,
      base: format === 'json' ? { pid: process.pid, hostname: hostname() } : null,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    {
      write: (line: string) => {
        const json = line.trimEnd();
        write(redact(format === 'json' ? json : textLine(JSON.parse(json))));
      },
    },
  );
  const emit = (l: LogLevel, args: unknown[]) => {
    if (!out.isLevelEnabled(l)) return;
    const text = args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : stringify(a))).join(' ');
    const err = format === 'json' ? args.find((a) => a instanceof Error) : undefined;
    out[l]({ name: loggerName, ...(err ? { err } : {}) }, text);
  };
  return {
    debug: (...a) => emit(LogLevel.DEBUG, a),
    info: (...a) => emit(LogLevel.INFO, a),
    warn: (...a) => emit(LogLevel.WARN, a),
    error: (...a) => emit(LogLevel.ERROR, a),
    setLevel: (l) => {
      out.level = l;
    },
    getLevel: () => out.level as LogLevel,
    setName: (n) => {
      loggerName = n;
    },
  };
}
