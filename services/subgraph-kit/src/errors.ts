import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The error vocabulary of docs/architecture.md. Every error a client sees carries one of these in `extensions.code`;
 * input errors also name the offending field (`extensions.field`, a dotted path into the arguments).
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR';

export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const badInput = (field: string, message: string) =>
  new DomainError('BAD_USER_INPUT', `${field}: ${message}`, { field });
export const unauthenticated = (message = 'A valid bearer token is required') =>
  new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this') => new DomainError('FORBIDDEN', message);
export const notFound = (what: string, id: string, field?: string) =>
  new DomainError('NOT_FOUND', `${what} ${id} does not exist`, field ? { field } : {});
export const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new DomainError('CONFLICT', message, extra);

/** Throws CONFLICT unless the stored version is the one the writer read. */
export function assertVersion(entity: { version: number }, expectedVersion: number, what: string) {
  if (entity.version !== expectedVersion) {
    throw conflict(`${what} was changed by someone else (version ${entity.version}, you sent ${expectedVersion}); reload and retry`, {
      field: 'expectedVersion',
      currentVersion: entity.version,
    });
  }
}

const KNOWN = new Set<string>(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INTERNAL_SERVER_ERROR',
  'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/** SQLSTATE classes and driver errors that mean "the database cannot be reached right now", not a bug. */
const UNAVAILABLE_SQLSTATES = /^(08(?!P01)...|57P0[123]|53300)$/; // 08P01 (protocol violation) comes from a bad value, not an outage
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
// knex says "Transaction query already complete" when the connection under a transaction died mid-way.
const UNAVAILABLE_MESSAGES = /Connection terminated|connection error|Connection ended unexpectedly|timeout exceeded when trying to connect|Timeout acquiring a connection|not queryable|Transaction query already complete|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { name?: string; code?: unknown; message?: string; cause?: unknown; originalError?: unknown } | undefined, i = 0; e && i < 6; i++) {
    if (e.name === 'ConnectionException') return true;
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_ERRNOS.has(code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    e = (e.cause ?? e.originalError) as typeof e;
  }
  return false;
}

const LIMIT_MESSAGES: [RegExp, string][] = [
  [/^(Syntax Error: )?Query depth limit of \d+ exceeded/, 'maxDepth'],
  [/^(Syntax Error: )?Query Cost limit of \d+ exceeded/, 'maxCost'],
  [/^(Syntax Error: )?Aliases limit of \d+ exceeded/, 'maxAliases'],
  [/^(Syntax Error: )?Token limit of \d+ exceeded/, 'maxTokens'],
  [/^(Syntax Error: )?Directives limit of \d+ exceeded/, 'maxDirectives'],
];

/** PostgreSQL's class 22 (data exception) in words a client can act on, or null for any other error. */
export function dataExceptionOf(error: unknown): string | null {
  for (let e = error as { code?: unknown; message?: string; cause?: unknown } | undefined, i = 0; e && i < 6; i++) {
    if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) {
      const reason = String(e.message ?? '').split(' - ').at(-1) ?? '';
      const uuid = /invalid input syntax for type uuid: "(.*)"$/s.exec(reason);
      if (uuid) return `${JSON.stringify(uuid[1]!.slice(0, 80))} is not an id (ids are UUIDs); nothing matches it`;
      if (e.code === '22021' || e.code === '22P05') return 'A text value contains a character that cannot be stored (such as NUL)';
      if (e.code === '22003') return 'A number in the request is out of range';
      if (e.code === '22001') return 'A text value in the request is too long';
      return `A value in the request is malformed (${reason.replace(/: ".*"$/s, '').slice(0, 120)})`;
    }
    e = e.cause as typeof e;
  }
  return null;
}

export const DATABASE_UNAVAILABLE = 'The database is unavailable (restarting or unreachable); retry shortly';

/**
 * Apollo's formatError hook: maps library errors onto our codes and hides internals. Outside development an
 * unexpected error is reported as INTERNAL_SERVER_ERROR with no message detail, stack or SQL.
 */
export function makeFormatError(development: boolean, logUnexpected: (message: string, error: unknown) => void = (m, e) => console.error(m, e)) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : '';
    const name = (original as { name?: string })?.name ?? '';
    if (name === 'OptimisticLockError') {
      return { message: 'The record was changed by someone else; reload and retry', path: formatted.path, extensions: { code: 'CONFLICT', field: 'expectedVersion' } };
    }
    // Two writers collided inside PostgreSQL (deadlock, serialization failure): the loser retries, like a stale version.
    if (name === 'DeadlockException' || name === 'LockWaitTimeoutException') {
      return { message: 'The record was being changed by someone else at the same moment; reload and retry', path: formatted.path, extensions: { code: 'CONFLICT' } };
    }
    // An outage is not a bug: say so, so clients retry instead of reporting one (no driver detail leaks).
    if (!(original instanceof DomainError) && isDatabaseUnavailable(original)) {
      return { message: DATABASE_UNAVAILABLE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', dependency: 'database' } };
    }
    // A value PostgreSQL cannot take (an id that is not a UUID, a number out of range, a NUL character) is the
    // client's mistake, caught at the database: say which kind, without the SQL around it.
    const dataError = !(original instanceof DomainError) ? dataExceptionOf(original) : null;
    if (dataError) return { message: dataError, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
    if (name === 'UniqueConstraintViolationException') {
      return { message: 'This would create a duplicate of an existing record', path: formatted.path, extensions: { code: 'CONFLICT' } };
    }
    // The parser's own token limit (see armor()): said like the other limits.
    const tokens = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/.exec(formatted.message);
    if (tokens) {
      return { message: `Token limit of ${tokens[1]} exceeded.`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxTokens' } };
    }
    // graphql-armor prefixes its refusals with "Syntax Error:" although the query is well-formed: say which limit.
    const limit = LIMIT_MESSAGES.find(([pattern]) => pattern.test(formatted.message));
    if (limit) {
      const message = formatted.message.replace(/^Syntax Error: /, '').replace(/found (\d+)\.\d+\.$/, (_m, whole) => `found ${Number(whole) + 1}.`);
      return { message, locations: formatted.locations, extensions: { code: code || 'GRAPHQL_VALIDATION_FAILED', limit: limit[1] } };
    }
    if (code === 'UNAUTHORIZED') {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'FORBIDDEN' }, message: 'You are not allowed to do this' };
    }
    // Our own errors were written for the client (even INTERNAL_SERVER_ERROR ones, such as "the gateway is
    // unreachable"): keep their message, drop the stack.
    if (original instanceof DomainError || (KNOWN.has(code) && code !== 'INTERNAL_SERVER_ERROR')) {
      if (development) return formatted;
      const { stacktrace: _s, exception: _e, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
      return { ...formatted, extensions };
    }
    // Apollo's own refusals of a malformed request (a persisted-query hash that does not match its text) carry an
    // HTTP 4xx but no code of their own (Apollo fills in INTERNAL_SERVER_ERROR): they are the client's mistake, said as such, not a masked server error.
    const status = (original as { extensions?: { http?: { status?: unknown } } })?.extensions?.http?.status;
    if ((!code || code === 'INTERNAL_SERVER_ERROR') && !(original instanceof DomainError) && typeof status === 'number' && status >= 400 && status < 500) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_REQUEST' } };
    }
    if (development) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
    // The client learns nothing; the operator gets the whole story.
    logUnexpected(`unexpected error at ${formatted.path?.join('.') ?? '(request)'}`, original);
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
