/**
 * Main's log. Every line passes through `redact`, so a secret that slips into an error message
 * (an API key echoed by a proxy, a password in a stack) never reaches the file or the console.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type LogLevel = 'info' | 'warn' | 'error';

/** Google API keys look like this; also anything registered through `addSecret`. */
const API_KEY_PATTERN = /AIza[0-9A-Za-z_-]{20,}/g;
const secrets = new Set<string>();

export function addSecret(value: string): void {
  if (value.length >= 8) secrets.add(value);
}

export function redact(text: string): string {
  let out = text.replace(API_KEY_PATTERN, '[redacted]');
  for (const s of secrets) out = out.split(s).join('[redacted]');
  return out;
}

export function createLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const log = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...fields });
    write(redact(line));
  };
  return {
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}

/** Collects lines in memory: tests assert on what was (not) logged. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(
    createLogger((line) => lines.push(line)),
    { lines },
  );
}
