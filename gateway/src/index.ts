import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway } from '@apollo/gateway';
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
  gatewaySecret: string;
  auth: AuthSettings;
  development?: boolean;
  limits?: QueryLimits;
  maxBodyBytes?: number;
  timeoutMs?: number;
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
      return new SignedDataSource(target, options.gatewaySecret);
    },
    experimental_approximateQueryPlanStoreMiB: 64,
  });
  const limits = armor(options.limits ?? PUBLIC_LIMITS);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: limits.plugins as never[],
    validationRules: limits.validationRules,
    formatError: makeFormatError(development),
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

export function loadSupergraph(path: string) {
  return readFileSync(path, 'utf8');
}
