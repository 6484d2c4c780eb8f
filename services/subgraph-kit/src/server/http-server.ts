import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.js';
import { RequestDeadline } from './request-deadline.js';
import { requestShapeProblem, REQUEST_SHAPE_LIMITS, type RequestShapeLimits } from './request-shape.js';

/**
 * The one HTTP front for the gateway and every subgraph: GraphQL on POST /graphql (and /), GET /health (process up),
 * GET /ready (dependencies reachable), GET /metrics (Prometheus text). It caps the body size, gives each request a
 * deadline, and on stop() finishes in-flight requests before closing.
 */
export interface HttpServerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  port: number;
  host?: string;
  /** Builds the request's context from its headers and raw body, or throws a GraphQLError (sent as 401/403). */
  context: (request: http.IncomingMessage, rawBody: string, deadline: RequestDeadline) => Promise<TContext>;
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
}

export interface HttpServerHandle {
  url: string;
  port: number;
  server: http.Server;
  inFlight(): number;
  stop(): Promise<void>;
}

const STATUS_BY_CODE = new Map<string, number>([['UNAUTHENTICATED', 401], ['FORBIDDEN', 403], ['BAD_REQUEST', 400], ['BAD_USER_INPUT', 400]]);

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

const graphqlError = (message: string, code: string, extensions: Record<string, unknown> = {}) => ({ errors: [{ message, extensions: { code, ...extensions } }] });

export async function startHttpServer<TContext extends BaseContext>(options: HttpServerOptions<TContext>): Promise<HttpServerHandle> {
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const shapeLimits = options.shapeLimits ?? REQUEST_SHAPE_LIMITS;
  const limiter = options.rateLimit ? createRateLimiter(options.rateLimit) : null;
  let inFlight = 0;
  let stopping = false;
  let requests = 0;

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (req.method === 'GET' && url.pathname === '/ready') {
      const report = stopping ? false : await (options.ready?.() ?? Promise.resolve(true)).catch(() => false);
      const ok = typeof report === 'boolean' ? report : report.ready;
      const detail = typeof report === 'boolean' ? {} : report.detail;
      return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'unavailable', ...detail });
    }
    if (req.method === 'GET' && url.pathname === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      const mem = process.memoryUsage();
      return res.end(`http_requests_total ${requests}\nhttp_requests_in_flight ${inFlight}\nprocess_resident_memory_bytes ${mem.rss}\nnodejs_heap_used_bytes ${mem.heapUsed}\n${options.metrics?.() ?? ''}`);
    }
    if (url.pathname !== '/graphql' && url.pathname !== '/') return sendJson(res, 404, graphqlError('Not found', 'NOT_FOUND'));
    if (stopping) {
      res.setHeader('connection', 'close');
      return sendJson(res, 503, graphqlError('The service is shutting down', 'SERVICE_UNAVAILABLE'));
    }

    if (limiter && !req.headers.authorization) {
      const wait = limiter.take(req);
      if (wait !== null) {
        req.resume();
        return sendJson(res, 429, graphqlError(`Too many requests from this address without a token; retry in ${wait} s`, 'RATE_LIMITED', { retryAfter: wait }), { 'retry-after': String(wait) });
      }
    }

    inFlight++;
    requests++;
    const deadline = new RequestDeadline();
    // Past the deadline, or when the client hangs up (the gateway giving up on a subgraph), the work is abandoned: a
    // transaction not yet committing rolls back. One already committing finishes, and its answer is sent as usual.
    const timer = setTimeout(() => {
      if (deadline.abandon()) {
        sendJson(res, 504, graphqlError(`The request took longer than ${timeoutMs} ms and was stopped; nothing it would have changed was saved`, 'TIMEOUT'));
      }
    }, timeoutMs);
    res.once('close', () => { if (!res.writableFinished) deadline.abandon(); });
    try {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > maxBody) {
        req.resume();
        return sendJson(res, 413, graphqlError(`The request body is larger than ${maxBody} bytes`, 'BAD_REQUEST'));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > maxBody) {
          res.setHeader('connection', 'close');
          return sendJson(res, 413, graphqlError(`The request body is larger than ${maxBody} bytes`, 'BAD_REQUEST'));
        }
        chunks.push(chunk as Buffer);
      }
      const raw = Buffer.concat(chunks).toString('utf8');

      let body: unknown = undefined;
      if (req.method === 'POST' && raw.length) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, graphqlError('The request body is not valid JSON', 'BAD_REQUEST'));
        }
      }
      // Refused before anything is parsed, verified or kept: a padded or deeply nested request costs one read.
      const query = req.method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
      const shape = requestShapeProblem(query, req.method === 'POST' ? raw : url.searchParams.get('variables'), shapeLimits);
      if (shape) return sendJson(res, 400, graphqlError(shape.message, 'BAD_USER_INPUT', { field: shape.extensions.field, limit: shape.extensions.limit }));

      let context: TContext;
      try {
        context = await options.context(req, raw, deadline);
      } catch (error) {
        const e = error as GraphQLError;
        const code = String(e.extensions?.code ?? 'UNAUTHENTICATED');
        return sendJson(res, STATUS_BY_CODE.get(code) ?? 401, graphqlError(e.message, code));
      }

      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      // No default content type: a request without one is what a cross-site page can send unasked, and Apollo's CSRF
      // prevention must see it as it came.
      const result = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? 'POST').toUpperCase(), headers, search: url.search, body },
        context: async () => context,
      });
      if (res.headersSent) return;
      for (const [key, value] of result.headers) res.setHeader(key, value);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        res.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      sendJson(res, 500, graphqlError('Internal server error', 'INTERNAL_SERVER_ERROR'));
    } finally {
      clearTimeout(timer);
      inFlight--;
    }
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    server,
    inFlight: () => inFlight,
    async stop() {
      if (stopping) return;
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + 15_000;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      server.closeAllConnections();
      await closed;
      await options.apollo.stop();
    },
  };
}
