import path from 'node:path';
import pino from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import { type Logger, redact } from './logger';

/** The log's file name inside `<dataDir>/logs`; rotated copies get a numbered prefix. */
export const LOG_FILE_NAME = 'studio.log';

export interface FileLoggerOptions {
  /** the folder the log lives in (`<dataDir>/logs`) */
  dir: string;
  /** one file's size before it is rotated, in bytes */
  maxFileBytes?: number;
  /** how many rotated files are kept beside the current one */
  maxFiles?: number;
  /** also copy each line to stderr (a terminal during development, the harness's output) */
  mirrorToStderr?: boolean;
}

export type FileLogger = Logger & {
  readonly dir: string;
  /** flushes and closes the file: called last at shutdown */
  close(): Promise<void>;
};

/**
 * Main's log on disk: JSON lines from pino, rotated by size so a packaged app keeps a bounded record
 * (10 MB × 5 by default) an admin can open or send. Every line passes through `redact` before it is
 * written, so an API key or registered secret that slips into a message never reaches the file.
 */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const maxFileBytes = options.maxFileBytes ?? 10 * 1024 * 1024;
  const file: RotatingFileStream = createStream(rotatedName, {
    path: options.dir,
    size: `${Math.max(1, Math.ceil(maxFileBytes / 1024))}K`,
    // classical logrotate: studio.log, then 1-studio.log (newest) … N-studio.log, older ones deleted
    rotate: options.maxFiles ?? 5,
  });
  // a log that cannot be written must never take the app down with it
  file.on('error', (error) => process.stderr.write(`studio log: ${String(error)}\n`));
  const streams: pino.StreamEntry[] = [{ stream: file }];
  if (options.mirrorToStderr) streams.push({ stream: process.stderr });
  const log = pino(
    {
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      hooks: { streamWrite: (line) => redact(line) },
    },
    pino.multistream(streams),
  );
  let closed: Promise<void> | undefined;
  return {
    dir: options.dir,
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
    close() {
      closed ??= new Promise((resolve) => {
        log.flush();
        file.end(() => resolve());
      });
      return closed;
    },
  };
}

/**
 * `studio.log` now, `1-studio.log` (newest) … for older ones. In rotating-file-stream's classical
 * mode the generator gets the rotated file's number in place of a time, and null for the live file.
 */
function rotatedName(slot: number | Date | null): string {
  return typeof slot === 'number' ? `${slot}-${LOG_FILE_NAME}` : LOG_FILE_NAME;
}

/** Where `createCore` keeps the log for a data folder. */
export function logDirOf(dataDir: string): string {
  return path.join(dataDir, 'logs');
}
