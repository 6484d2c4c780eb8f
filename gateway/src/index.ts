import { readFileSync } from 'node:fs';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';
import {
  ANONYMOUS, armor, bearerToken, clientErrors, createDocumentStore, createLogger, createTokenVerifier, DEFAULT_RATE_LIMIT, isDevelopment,
  makeFormatError, PUBLIC_LIMITS, startHttpServer, type AuthSettings, type CorsSettings, type FastifyInstance, type FastifyReply,
  type FastifyRequest, type LoadSheddingOptions, type Logger, type QueryLimits, type RateLimitOptions,
} from 'subgraph-kit/edge';
import { httpCachePlugin, serializeResult } from './cache-policy/index.js';
import type { GatewayContext } from './context.js';
import { SignedDataSource } from './signed-data-source.js';
import { explorerEnabled, lazyExplorer } from './explorer/index.js';

export interface GatewayOptions {
  port?: number;
  host?: string;
  /** The committed, composed supergraph (schema/supergraph.graphql): never introspected at run time. */
  supergraphSdl: string;
  /** Subgraph name → URL. */
  subgraphUrls: Record<string, string>;
  /** The secret each subgraph shares with the gateway, by subgraph name (see kit auth/gateway-signature.ts)… */
  gatewaySecrets?: Record<string, string>;
  /** …and the one for subgraphs not named there. */
  gatewaySecret?: string;
  auth: AuthSettings;
  development?: boolean;
  limits?: QueryLimits;
  maxBodyBytes?: number;
  timeoutMs?: number;
  /** How long one subgraph fetch may take before its fields are given up (default: 5 s less than timeoutMs). */
  subgraphTimeoutMs?: number;
  /** Budget of anonymous requests per client address (default DEFAULT_RATE_LIMIT); null switches it off. */
  rateLimit?: RateLimitOptions | null;
  /**
   * Browser origins allowed to call (see kit server/cors.ts; main.ts reads CORS_ORIGINS). Default: in development
   * any localhost page, otherwise none.
   */
  cors?: CorsSettings | null;
  /** When to refuse work with 503 (default: kit loadSheddingFromEnv); null switches it off. */
  loadShedding?: LoadSheddingOptions | null;
  /** Apollo plugins added to the gateway's own (e.g. one that decides an answer's HTTP cache policy). */
  plugins?: ApolloServerPlugin<GatewayContext>[];
  /** More routes and hooks on the HTTP front, registered before GraphQL's (e.g. an explorer's assets, an onSend hook). */
  extend?: (app: FastifyInstance) => void | Promise<void>;
  /** Answers GET /graphql asked for by a browser (`Accept: text/html`), e.g. with an explorer page. */
  htmlPage?: (request: FastifyRequest, reply: FastifyReply) => unknown;
  /** Default: one configured from LOG_LEVEL and LOG_FORMAT. */
  logger?: Logger;
  /** The offline GraphiQL explorer on GET /graphql for browsers (default: in development, or with GRAPHIQL=on). */
  explorer?: boolean;
}

export interface GatewayHandle {
  url: string;
  port: number;
  logger: Logger;
  stop(): Promise<void>;
}

export async function createGateway(options: GatewayOptions): Promise<GatewayHandle> {
  // @apollo/gateway otherwise reports usage to Apollo's servers and probes cloud metadata addresses (169.254.169.254)
  // from every gateway: a public-sector platform sends nothing to third parties, and no traffic leaves unasked.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const development = options.development ?? isDevelopment();
  const logger = options.logger ?? createLogger('gateway');
  const gateway = new ApolloGateway({
    logger,
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`gateway: no URL for subgraph ${name}`);
      const secret = options.gatewaySecrets?.[name] ?? options.gatewaySecret;
      if (!secret) throw new Error(`gateway: no signing secret for subgraph ${name}`);
      return new SignedDataSource(target, secret, name, options.subgraphTimeoutMs ?? Math.max(1, (options.timeoutMs ?? 30_000) - 5_000));
    },
    experimental_approximateQueryPlanStoreMiB: 64,
  });
  const limits = armor(options.limits ?? PUBLIC_LIMITS);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Apollo's and the gateway's own warnings go into the same JSON lines as everything else.
    logger,
    // HTTP caching is decided by httpCachePlugin alone (cache-policy/); Apollo's own would copy the subgraphs' no-store.
    // Apollo's landing page never: development gets the offline explorer (explorer/) instead.
    plugins: [...(limits.plugins as never[]), clientErrors as never, httpCachePlugin(), ApolloServerPluginCacheControlDisabled(),
      ...(options.plugins ?? []), ApolloServerPluginLandingPageDisabled()],
    // The same serializer the ETag is computed over.
    stringifyResult: serializeResult,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Weighs each kept document by its real size, source text included (see createDocumentStore).
    documentStore: createDocumentStore(),
    formatError: gatewayFormatError(development, (message, error) => logger.error({ err: error }, message)),
    includeStacktraceInErrorResponses: development,
    introspection: development,
    allowBatchedHttpRequests: false,
    // A browser may send text/plain or form POSTs and plain GETs to any site without asking; those must carry a
    // JSON content type or an `apollo-require-preflight` header, which a page on another origin cannot add unasked.
    csrfPrevention: true,
  });
  await apollo.start();
  const verify = createTokenVerifier(options.auth);
  const explorer = (options.explorer ?? explorerEnabled({ development })) ? lazyExplorer({ graphqlPath: '/graphql' }) : null;
  const http = await startHttpServer<GatewayContext>({
    apollo,
    name: 'gateway',
    logger,
    port: options.port ?? 0,
    host: options.host,
    maxBodyBytes: options.maxBodyBytes ?? 256_000,
    timeoutMs: options.timeoutMs ?? 30_000,
    rateLimit: options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit,
    cors: options.cors === undefined ? { origins: [], allowLocalhost: development } : options.cors,
    compress: true,
    loadShedding: options.loadShedding,
    extend: async (app) => {
      if (explorer) {
        // The page's script and stylesheet; the page itself is the htmlPage of /graphql below.
        app.route({ method: ['GET', 'HEAD'], url: '/explorer/*', handler: (request, reply) => sendExplorer(explorer, request, reply) });
      }
      await options.extend?.(app);
    },
    htmlPage: options.htmlPage ?? (explorer ? (request, reply) => sendExplorer(explorer, request, reply) : undefined),
    // 200 while the gateway itself can serve: one subgraph down must not take every gateway out of the load
    // balancer (the other subgraphs' fields still answer). The body says which subgraphs cannot be reached.
    ready: async () => ({ ready: true, detail: { subgraphs: await subgraphReadiness(options.subgraphUrls) } }),
    // A bad token is refused here, before any planning or subgraph call.
    context: async (request, _rawBody, _deadline, log) => {
      const subgraphTimings: GatewayContext['subgraphTimings'] = [];
      log.fields.subgraphs = subgraphTimings;
      const token = bearerToken(request);
      if (!token) return { caller: ANONYMOUS, token: null, requestId: log.id, subgraphTimings };
      return { caller: { ...(await verify(token)), viaGateway: false }, token, requestId: log.id, subgraphTimings };
    },
  });
  return {
    url: http.url,
    port: http.port,
    logger,
    stop: () => http.stop(),
  };
}

/**
 * A subgraph's errors reach the client as that subgraph wrote them: it formats them with the same rules (no stack,
 * no SQL outside development), so even its INTERNAL_SERVER_ERRORs, such as "the database is unavailable", keep
 * their message here. The gateway only drops what it adds itself (the subgraph's URL and raw response).
 */
export function gatewayFormatError(development: boolean, logUnexpected?: (message: string, error: unknown) => void) {
  const base = makeFormatError(development, logUnexpected);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (typeof extensions.serviceName === 'string' && extensions.code === 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _s, response: _r, exception: _e, ...kept } = extensions;
      return { message: formatted.message, path: formatted.path, extensions: development ? extensions : kept };
    }
    const result = base(formatted, error);
    if (!development && result.extensions && 'response' in result.extensions) {
      const { response: _r, ...kept } = result.extensions as Record<string, unknown>;
      return { ...result, extensions: kept };
    }
    return result;
  };
}

/** An explorer answer as it is (its assets come compressed already, with their own content-encoding and ETag). */
async function sendExplorer(explorer: ReturnType<typeof lazyExplorer>, request: FastifyRequest, reply: FastifyReply) {
  const answer = await explorer.respond({ method: request.method, path: request.url.split('?')[0]!, headers: request.headers });
  if (!answer) return reply.code(404).send({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  return reply.code(answer.status).headers(answer.headers).send(answer.body);
}

/** Each subgraph's own /ready, asked in parallel with a short deadline. */
async function subgraphReadiness(urls: Record<string, string>) {
  const entries = await Promise.all(Object.entries(urls).map(async ([name, url]) => {
    const target = new URL('/ready', url);
    const started = Date.now();
    try {
      const response = await fetch(target, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      return { name, reachable: response.ok, status: response.status, ms: Date.now() - started };
    } catch (error) {
      return { name, reachable: false, error: (error as Error).name === 'TimeoutError' ? 'no answer within 2 s' : 'cannot be reached', ms: Date.now() - started };
    }
  }));
  return entries;
}

export function loadSupergraph(path: string) {
  return readFileSync(path, 'utf8');
}
