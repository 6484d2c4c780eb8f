import { randomUUID } from 'node:crypto';
import { pino, type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

/**
 * The log of one service: pino, one JSON object a line (what a log shipper reads), or coloured lines for a person
 * at a terminal (`LOG_FORMAT=pretty`, which `pnpm start` sets). `LOG_LEVEL` (trace, debug, info, warn, error; default
 * info) says how much. A bearer token never reaches a line: the request line is built from chosen fields only, and
 * the paths where one could hide (any `authorization` or `token` key, at any of the depths pino is told of) are
 * censored as a second guard.
 */
export interface LogSettings {
  level: string;
  pretty: boolean;
}

const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);

/** `LOG_LEVEL` and `LOG_FORMAT` (`json`, the default, or `pretty`). */
export function logSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): LogSettings {
  const level = (env.LOG_LEVEL ?? 'info').trim().toLowerCase();
  if (!LEVELS.has(level)) throw new Error(`LOG_LEVEL must be one of ${[...LEVELS].join(', ')}`);
  return { level, pretty: /^pretty$/i.test(env.LOG_FORMAT ?? '') };
}

/** `destination`: where JSON lines go (default stdout), e.g. a test's own sink. */
export function createLogger(service: string, settings: LogSettings = logSettingsFromEnv(), destination?: { write(line: string): void }): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['authorization', 'token', '*.authorization', '*.token', 'headers.authorization', 'req.headers.authorization', 'caller.token'],
      censor: '[redacted]',
    },
  };
  if (!settings.pretty) return destination ? pino(options, destination) : pino(options);
  // Written in this thread (no transport worker): a line is out before the process can exit.
  return pino(options, pretty({ sync: true, colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' }));
}

/**
 * A line written whatever LOG_LEVEL says: the `… ready at http://127.0.0.1:PORT/graphql` line, from which launchers
 * (scripts/platform.ts) read the port the service bound.
 */
export function announce(logger: Logger, message: string) {
  logger.child({}, { level: 'info' }).info(message);
}

/** Letters, digits and `._:-`, at most 128: an id a client sends is printed in logs, so nothing else gets there. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
export const REQUEST_ID_HEADER = 'x-request-id';

/** The request's id: the caller's `x-request-id` when it is a safe one, otherwise a new one. */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * The path as it may be logged. A `/files/…` path carries a one-time capability (whoever holds the path holds the
 * file), so only its first segment is kept; a query string is never logged (a GET carries the whole operation and
 * its variables there).
 */
export function loggablePath(url: string): string {
  const path = url.split('?', 1)[0]!;
  if (path === '/files' || path.startsWith('/files/')) return '/files/[redacted]';
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

const OPERATION = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]{0,99})/;

/** The operation's name as the client gave it (`operationName`, else the first operation's own name), or null. */
export function operationNameOf(body: unknown, search: URLSearchParams | null): string | null {
  const given = (body as { operationName?: unknown } | undefined)?.operationName ?? search?.get('operationName');
  if (typeof given === 'string' && /^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(given)) return given;
  const query = (body as { query?: unknown } | undefined)?.query ?? search?.get('query');
  if (typeof query !== 'string') return null;
  return OPERATION.exec(query.slice(0, 400))?.[1] ?? null;
}

/**
 * What a request adds to its one log line beyond what the HTTP front knows (the gateway: each subgraph fetch's
 * timing). Null-prototype: the keys are ours, but nothing a client sends may become one by accident.
 */
export class RequestLog {
  readonly fields: Record<string, unknown> = Object.create(null);
  constructor(readonly id: string) {}
}
