import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';
import { ANONYMOUS, armor, bearerToken, createTokenVerifier, makeFormatError, PUBLIC_LIMITS, startHttpServer, type AuthSettings, type QueryLimits } from 'subgraph-kit/edge';
import type { GatewayContext } from './context.js';
import { SignedDataSource } from './signed-data-source.js';

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
}

export interface GatewayHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function createGateway(options: GatewayOptions): Promise<GatewayHandle> {
  const development = options.development ?? process.env.NODE_ENV !== 'production';
  const gateway = new ApolloGateway({
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
    plugins: limits.plugins as never[],
    validationRules: limits.validationRules,
    formatError: gatewayFormatError(development),
    includeStacktraceInErrorResponses: development,
    introspection: development,
    allowBatchedHttpRequests: false,
    csrfPrevention: false,
  });
  await apollo.start();
  const verify = createTokenVerifier(options.auth);
  const http = await startHttpServer<GatewayContext>({
    apollo,
    port: options.port ?? 0,
    host: options.host,
    maxBodyBytes: options.maxBodyBytes ?? 256_000,
    timeoutMs: options.timeoutMs ?? 30_000,
    // A bad token is refused here, before any planning or subgraph call.
    context: async (request) => {
      const token = bearerToken(request);
      if (!token) return { caller: ANONYMOUS, token: null };
      return { caller: { ...(await verify(token)), viaGateway: false }, token };
    },
  });
  return {
    url: http.url,
    port: http.port,
    stop: () => http.stop(),
  };
}

/**
 * A subgraph's errors reach the client as that subgraph wrote them: it formats them with the same rules (no stack,
 * no SQL outside development), so even its INTERNAL_SERVER_ERRORs, such as "the database is unavailable", keep
 * their message here. The gateway only drops what it adds itself (the subgraph's URL and raw response).
 */
export function gatewayFormatError(development: boolean) {
  const base = makeFormatError(development);
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

export function loadSupergraph(path: string) {
  return readFileSync(path, 'utf8');
}
