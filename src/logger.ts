import { LogLevel, type Logger } from '@slack/bolt';

const order = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/** Redacts anything that looks like a Slack token or secret, whatever logs it. */
export function redact(text: string): string {
  return text.replace(/\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g, 'x***-[redacted]');
}

/**
 * The bot's logger, also handed to Bolt. Lines go to `write` (stderr by default) as
 * `time level [name] message`, with tokens redacted. Tests pass their own `write` to read the logs.
 */
export function createLogger(write: (line: string) => void = (l) => process.stderr.write(`${l}\n`), level: LogLevel = LogLevel.INFO, name = 'gcm'): Logger {
  let current = level;
  let loggerName = name;
  const emit = (l: LogLevel, args: unknown[]) => {
    if (order.indexOf(l) < order.indexOf(current)) return;
    const text = args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    write(redact(`${new Date().toISOString()} ${l.toUpperCase()} [${loggerName}] ${text}`));
  };
  return {
    debug: (...a) => emit(LogLevel.DEBUG, a),
    info: (...a) => emit(LogLevel.INFO, a),
    warn: (...a) => emit(LogLevel.WARN, a),
    error: (...a) => emit(LogLevel.ERROR, a),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n) => {
      loggerName = n;
    },
  };
}
