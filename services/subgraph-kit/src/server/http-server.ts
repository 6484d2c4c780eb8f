import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import fastifyUnderPressure from '@fastify/under-pressure';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { GraphQLError } from 'graphql';
import type { Caller } from '../auth/caller.js';
import { corsAllows, CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS, type CorsSettings } from './cors.js';
import { createLogger, loggablePath, operationNameOf, REQUEST_ID_HEADER, requestIdOf, RequestLog } from './logger.js';
import { HttpMetrics } from './metrics.js';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.js';
import { RequestDeadline } from './request-deadline.js';

export type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestShapeProblem, REQUEST_SHAPE_LIMITS, type RequestShapeLimits } from './request-shape.js';

/**
 * The one HTTP front for the gateway and every subgraph, on fastify: GraphQL on POST and GET /graphql (only there),
 * GET /health (the process is up), GET /ready (it can serve; the body may report more), GET /metrics (Prometheus
 * text). It caps the body, budgets anonymous clients, sheds load when the event loop is saturated, gives each
 * request a deadline and one log line, and on stop() finishes in-flight requests before closing.
 */
export interface HttpServerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  port: number;
  host?: string;
  /** The service's name in its log lines. */
  name?: string;
  /** Default: a logger configured from LOG_LEVEL and LOG_FORMAT (see logger.ts). */
  logger?: Logger;
  /**
   * Builds the request's context from its headers and exact raw body, or throws a GraphQLError (sent as 401/403).
   * `log` carries the request's id and takes fields for its log line.
   */
  context: (request: IncomingMessage, rawBody: string, deadline: RequestDeadline, log: RequestLog) => Promise<TContext>;
  /**
   * Whether this process can serve. A report may add detail to the body (the gateway lists each subgraph) without
   * changing the status, which load balancers read.
   */
  ready?: () => Promise<boolean | { ready: boolean; detail: Record<string, unknown> }>;
  metrics?: () => string;
  maxBodyBytes?: number;
  timeoutMs?: number;
  /** Budget for anonymous requests per client address; null or absent: none. */
  rateLimit?: RateLimitOptions | null;
  /** Padding and nesting a request may carry before it is parsed. */
  shapeLimits?: RequestShapeLimits;
  /** Browser origins allowed to call (the gateway); null or absent: none, and no CORS header is ever sent. */
  cors?: CorsSettings | null;
  /** br/gzip for answers over 1 kB to clients that accept it. */
  compress?: boolean;
  /** When to answer 503 instead of taking more work; null switches it off. Default: from the environment. */
  loadShedding?: LoadSheddingOptions | null;
  /**
   * Further routes and hooks (an explorer's assets, a cache policy's onSend hook), registered on the root before
   * the GraphQL route: their hooks apply to it, and their answers are compressed like the rest.
   */
  extend?: (app: FastifyInstance) => void | Promise<void>;
  /** Answers GET /graphql from a browser (`Accept: text/html`) instead of GraphQL, e.g. with an explorer page. */
  htmlPage?: (request: FastifyRequest, reply: FastifyReply) => unknown;
}

export interface LoadSheddingOptions {
  /** Mean event-loop delay over a sample above which new requests are refused. */
  maxEventLoopDelayMs: number;
  sampleIntervalMs?: number;
  /** What `Retry-After` says. */
  retryAfterSeconds?: number;
}

/** Generous: a loop a whole second late on average is saturated, not merely busy. */
export const DEFAULT_LOAD_SHEDDING: LoadSheddingOptions = { maxEventLoopDelayMs: 1_000, sampleIntervalMs: 1_000, retryAfterSeconds: 5 };

/** `LOAD_SHEDDING=off`, or `LOAD_SHEDDING_MAX_DELAY_MS` (the mean event-loop delay that counts as saturated). */
export function loadSheddingFromEnv(env: NodeJS.ProcessEnv = process.env): LoadSheddingOptions | null {
  if (/^(off|false|0|no)$/i.test(env.LOAD_SHEDDING ?? '')) return null;
  const raw = env.LOAD_SHEDDING_MAX_DELAY_MS;
  if (raw === undefined || raw === '') return DEFAULT_LOAD_SHEDDING;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 10) throw new Error('LOAD_SHEDDING_MAX_DELAY_MS must be a whole number of milliseconds, at least 10');
  return { ...DEFAULT_LOAD_SHEDDING, maxEventLoopDelayMs: value };
}

export interface HttpServerHandle {
  url: string;
  port: number;
  app: FastifyInstance;
  logger: Logger;
  inFlight(): number;
  stop(): Promise<void>;
}

/** What the front keeps about a request until its log line is written. */
interface RequestState {
  started: number;
  operation: string | null;
  caller: Record<string, unknown> | null;
  log: RequestLog;
  errors: string[] | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    front: RequestState;
    /** The body exactly as received (the gateway signature is over these bytes). */
    rawBody: string;
    graphqlContext: unknown;
  }
  interface FastifyContextConfig {
    /** Quiet routes (health, readiness, metrics) log at debug; everything else at info. */
    quiet?: boolean;
  }
}

const STATUS_BY_CODE = new Map<string, number>([['UNAUTHENTICATED', 401], ['FORBIDDEN', 403], ['BAD_REQUEST', 400], ['BAD_USER_INPUT', 400]]);

const graphqlError = (message: string, code: string, extensions: Record<string, unknown> = {}) => ({ errors: [{ message, extensions: { code, ...extensions } }] });

/** Roles and organization of the caller, for the log line: never the token, never the person. */
function describeCaller(context: unknown): Record<string, unknown> | null {
  const caller = (context as { caller?: Caller } | null)?.caller;
  if (!caller) return null;
  return { roles: caller.roles, org: caller.org, ...(caller.viaGateway ? { via: 'gateway' } : {}) };
}

const prefersHtml = (request: FastifyRequest) => /\btext\/html\b/.test(request.headers.accept ?? '');

export async function startHttpServer<TContext extends BaseContext>(options: HttpServerOptions<TContext>): Promise<HttpServerHandle> {
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const shapeLimits = options.shapeLimits ?? REQUEST_SHAPE_LIMITS;
  const limiter = options.rateLimit ? createRateLimiter(options.rateLimit) : null;
  const logger = options.logger ?? createLogger(options.name ?? 'service');
  const metrics = new HttpMetrics();
  let stopping = false;

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // One line per request, written below from chosen fields: fastify's own lines would carry the raw URL (a
    // `/files/` capability, a GET's whole query).
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: (request) => requestIdOf(request.headers[REQUEST_ID_HEADER]),
    bodyLimit: maxBody,
    // Longer than a balancer's usual 60 s idle timeout, so it is the balancer that closes an idle connection, never
    // this server as the balancer reuses it.
    keepAliveTimeout: 65_000,
    // Requests that arrive while stopping get the GraphQL-shaped 503 below.
    return503OnClosing: false,
    exposeHeadRoutes: false,
  });
  app.server.headersTimeout = 66_000;

  app.decorateRequest('front', null as unknown as RequestState);
  app.decorateRequest('rawBody', '');
  app.decorateRequest('graphqlContext', null);

  app.addHook('onRequest', (request, reply, done) => {
    request.front = { started: performance.now(), operation: null, caller: null, log: new RequestLog(request.id), errors: null };
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });

  // Error codes of a GraphQL answer, for the log line; read before compression, from the text being sent. Apollo
  // writes `errors` first, so only that part is read (an organization's `code` in the data is no error code).
  app.addHook('onSend', (request, reply, payload, done) => {
    // Answers that never reach Apollo's plugins (a refused token, a too-large body, the rate limit, a CSRF refusal)
    // are not for any cache either; a cache policy that ran has set its own header.
    if (!reply.hasHeader('cache-control') && request.url.startsWith('/graphql')) {
      reply.header('cache-control', 'no-store');
      const vary = String(reply.getHeader('vary') ?? '');
      const missing = ['Accept', 'Authorization', 'Accept-Encoding'].filter((name) => !new RegExp(`(^|,)\\s*${name}\\s*(,|$)`, 'i').test(vary));
      if (missing.length) reply.header('vary', [vary, ...missing].filter(Boolean).join(', '));
    }
    if (request.front && typeof payload === 'string' && payload.startsWith('{"errors":[')) {
      const end = payload.indexOf('],"data":');
      const codes = new Set<string>();
      for (const match of (end < 0 ? payload : payload.slice(0, end)).matchAll(/"code":"([A-Z_]{1,40})"/g)) {
        codes.add(match[1]!);
        if (codes.size >= 5) break;
      }
      request.front.errors = [...codes];
    }
    done(null, payload);
  });

  const lineOf = (request: FastifyRequest, status: number | null) => {
    // A request refused before the hooks ran (a malformed URL) has no state of its own.
    const front = request.front ?? { started: performance.now(), operation: null, caller: null, log: new RequestLog(request.id), errors: null };
    return {
      method: request.method,
      path: loggablePath(request.url),
      ...(status !== null ? { status } : { aborted: true }),
      ms: Math.round((performance.now() - front.started) * 10) / 10,
      ...(front.operation ? { operation: front.operation } : {}),
      ...front.caller,
      ...(front.errors ? { errors: front.errors } : {}),
      ...front.log.fields,
    };
  };

  app.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    metrics.observe(request.routeOptions.url ?? 'unmatched', status, reply.elapsedTime / 1000);
    const line = lineOf(request, status);
    if (status >= 500) request.log.error(line, 'request failed');
    else if (request.routeOptions.config.quiet) request.log.debug(line, 'request');
    else request.log.info(line, 'request');
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    request.log.info(lineOf(request, null), 'client hung up');
    done();
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (error.code === 'FST_UNDER_PRESSURE') {
      // Not a fault: the request line says 503, and a stack per refused request would add to the load.
      return reply.code(503).send(graphqlError(`The service is overloaded; retry in ${String(reply.getHeader('retry-after') ?? 5)} s`, 'SERVICE_UNAVAILABLE'));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      reply.header('connection', 'close');
      return reply.code(413).send(graphqlError(`The request body is larger than ${maxBody} bytes`, 'BAD_REQUEST'));
    }
    if (status >= 500) {
      request.log.error({ err: error }, 'request error');
      return reply.code(status).send(graphqlError('Internal server error', 'INTERNAL_SERVER_ERROR'));
    }
    return reply.code(status).send(graphqlError(error.message, 'BAD_REQUEST'));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(graphqlError('Not found', 'NOT_FOUND')));

  const shedding = options.loadShedding === undefined ? loadSheddingFromEnv() : options.loadShedding;
  if (shedding) {
    await app.register(fastifyUnderPressure, {
      maxEventLoopDelay: shedding.maxEventLoopDelayMs,
      sampleInterval: shedding.sampleIntervalMs ?? DEFAULT_LOAD_SHEDDING.sampleIntervalMs,
      retryAfter: shedding.retryAfterSeconds ?? DEFAULT_LOAD_SHEDDING.retryAfterSeconds,
    });
  }
  // Liveness, readiness and metrics are answered under load: a busy process is not a dead one, and /ready says so
  // itself (503) so a balancer sends the work elsewhere.
  const exempt = { quiet: true, pressureHandler: () => undefined };

  if (options.cors) {
    const cors = options.cors;
    await app.register(fastifyCors, {
      origin: (origin, callback) => callback(null, corsAllows(cors, origin)),
      methods: ['GET', 'POST'],
      allowedHeaders: CORS_ALLOWED_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      credentials: false,
      maxAge: 600,
    });
  }
  if (options.compress) {
    // Answers only: a compressed request body would be decompressed past the body limit's first check, and no
    // client of ours sends one.
    await app.register(fastifyCompress, { global: true, globalDecompression: false, threshold: 1024, encodings: ['br', 'gzip'] });
  }
  await options.extend?.(app);

  app.get('/health', { config: exempt }, async () => ({ status: 'ok' }));
  app.get('/ready', { config: exempt }, async (_request, reply) => {
    const overloaded = shedding ? (app as unknown as { isUnderPressure(): boolean }).isUnderPressure() : false;
    const report = stopping ? false : await (options.ready?.() ?? Promise.resolve(true)).catch(() => false);
    const ok = (typeof report === 'boolean' ? report : report.ready) && !overloaded;
    const detail = typeof report === 'boolean' ? {} : report.detail;
    reply.code(ok ? 200 : 503);
    return { status: ok ? 'ready' : 'unavailable', ...(overloaded ? { overloaded: true } : {}), ...detail };
  });
  app.get('/metrics', { config: exempt }, async (_request, reply) => {
    reply.type('text/plain; version=0.0.4');
    return metrics.text(options.metrics?.() ?? '');
  });

  const apolloHandler = fastifyApolloHandler(options.apollo, { context: async (request) => request.graphqlContext as TContext });

  await app.register(async (graphql) => {
    // The body is kept exactly as sent, and parsed here only when it says it is JSON: no content type is assumed,
    // so Apollo's CSRF prevention sees a text/plain or form POST as it came and refuses it. JSON.parse keeps a
    // `__proto__` key as an ordinary property, which the input rules then refuse by name.
    graphql.removeAllContentTypeParsers();
    graphql.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      request.rawBody = body as string;
      if (!request.rawBody.length) return done(null, undefined);
      try {
        done(null, JSON.parse(request.rawBody));
      } catch {
        done(Object.assign(new Error('The request body is not valid JSON'), { statusCode: 400 }), undefined);
      }
    });
    graphql.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
      request.rawBody = body as string;
      done(null, undefined);
    });

    graphql.route({
      method: ['GET', 'POST'],
      url: '/graphql',
      onRequest: (request, reply, done) => {
        if (stopping) {
          reply.header('connection', 'close');
          return void reply.code(503).send(graphqlError('The service is shutting down', 'SERVICE_UNAVAILABLE'));
        }
        if (limiter && !request.headers.authorization) {
          const wait = limiter.take(request.raw);
          if (wait !== null) {
            reply.header('retry-after', String(wait));
            return void reply.code(429).send(graphqlError(`Too many requests from this address without a token; retry in ${wait} s`, 'RATE_LIMITED', { retryAfter: wait }));
          }
        }
        done();
      },
      handler: async (request, reply) => {
        if (options.htmlPage && request.method === 'GET' && prefersHtml(request)) return options.htmlPage(request, reply);
        const search = request.method === 'GET' ? new URL(request.url, 'http://localhost').searchParams : null;
        request.front.operation = operationNameOf(request.body, search);

        // Refused before anything is parsed, verified or kept: a padded or deeply nested request costs one read.
        const query = search ? search.get('query') : (request.body as { query?: unknown } | undefined)?.query;
        const shape = requestShapeProblem(query, search ? search.get('variables') : request.rawBody, shapeLimits);
        if (shape) {
          reply.code(400);
          return graphqlError(shape.message, 'BAD_USER_INPUT', { field: shape.extensions.field, limit: shape.extensions.limit });
        }

        metrics.inFlight++;
        metrics.requests++;
        const deadline = new RequestDeadline();
        // Past the deadline, or when the client hangs up (the gateway giving up on a subgraph), the work is
        // abandoned: a transaction not yet committing rolls back. One already committing finishes, and its answer is
        // sent as usual, late.
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
          timer = setTimeout(() => { if (deadline.abandon()) resolve(TIMED_OUT); }, timeoutMs);
        });
        reply.raw.once('close', () => { if (!reply.raw.writableFinished) deadline.abandon(); });
        let work: Promise<unknown> | null = null;
        try {
          try {
            request.graphqlContext = await options.context(request.raw, request.rawBody, deadline, request.front.log);
          } catch (error) {
            const e = error as GraphQLError;
            const code = typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNAUTHENTICATED';
            reply.code(STATUS_BY_CODE.get(code) ?? 401);
            return graphqlError(e.message, code);
          }
          request.front.caller = describeCaller(request.graphqlContext);
          // Once the deadline has answered, Apollo's late result must not touch the reply being sent.
          let answered = false;
          const guarded = new Proxy(reply, {
            get(target, property) {
              if (answered && (property === 'code' || property === 'status' || property === 'header' || property === 'send')) return () => guarded;
              const value = Reflect.get(target, property, target);
              return typeof value === 'function' ? value.bind(target) : value;
            },
          });
          work = Promise.resolve(apolloHandler.call(app, request as never, guarded as never));
          const outcome = await Promise.race([work, timedOut]);
          if (outcome === TIMED_OUT) {
            answered = true;
            reply.code(504);
            return graphqlError(`The request took longer than ${timeoutMs} ms and was stopped; nothing it would have changed was saved`, 'TIMEOUT');
          }
          work = null;
          return outcome;
        } finally {
          clearTimeout(timer);
          // Work still running after a 504 still counts as in flight: stop() waits for it.
          if (work) work.then(() => metrics.inFlight--, () => metrics.inFlight--);
          else metrics.inFlight--;
        }
      },
    });
  });

  await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    app,
    logger,
    inFlight: () => metrics.inFlight,
    async stop() {
      if (stopping) return;
      stopping = true;
      const closed = app.close();
      const deadline = Date.now() + 15_000;
      while (metrics.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      app.server.closeAllConnections();
      await closed;
      await options.apollo.stop();
    },
  };
}

const TIMED_OUT = Symbol('timed out');
