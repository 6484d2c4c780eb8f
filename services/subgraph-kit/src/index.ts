import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Constructor, EntityManager } from '@mikro-orm/postgresql';
import type { Migration } from '@mikro-orm/migrations';
import type { NonEmptyArray } from 'type-graphql';
import type { Logger } from 'pino';
import type { AuthSettings } from './auth/tokens.js';
import { createTokenVerifier } from './auth/tokens.js';
import type { KitContext } from './context.js';
import { makeFormatError } from './errors.js';
import { createGatewayClient } from './gateway-client.js';
import { LoaderRegistry } from './loaders.js';
import { openDatabase, sqlTotals } from './database/orm.js';
import { buildFederatedSchema, type ReferenceResolvers } from './schema/build-federated-schema.js';
import { federationGuard } from './server/federation-guard.js';
import { startHttpServer } from './server/http-server.js';
import { announce, createLogger } from './server/logger.js';
import { armor, SUBGRAPH_LIMITS, textGuard } from './server/limits.js';
import { clientErrors } from './server/client-errors.js';
import { createDocumentStore } from './server/document-store.js';
import { resolveSubgraphCaller } from './request-caller.js';
import { isDevelopment } from './config.js';
import { auditMigration } from './audit/audit.js';
import { AuditRecord } from './audit/audit-record.entity.js';

export * from './errors.js';
export * from './auth/caller.js';
export * from './auth/headships.js';
export * from './auth/tokens.js';
export * from './auth/gateway-signature.js';
export * from './auth/auth-checker.js';
export * from './config.js';
export * from './auth/service-token.js';
export * from './context.js';
export * from './loaders.js';
export * from './gateway-client.js';
export * from './shared-types.js';
export * from './schema/scalars.js';
export * from './schema/build-federated-schema.js';
export * from './server/http-server.js';
export * from './server/logger.js';
export * from './server/cors.js';
export * from './server/metrics.js';
export * from './server/limits.js';
export * from './server/client-errors.js';
export * from './server/document-store.js';
export * from './server/rate-limit.js';
export * from './server/request-deadline.js';
export * from './server/request-shape.js';
export * from './server/federation-guard.js';
export * from './database/orm.js';
export * from './database/roles.js';
export * from './database/embedded-postgres.js';
export * from './audit/audit.js';
export * from './audit/audit-record.entity.js';
export * from './audit/audit-subscriber.js';
export * from './request-caller.js';
export * from './transactions.js';
export * from './subgraph-wiring.js';

/** What a subgraph is: its name, its classes and its migrations. */
export interface SubgraphDefinition {
  name: string;
  entities: Constructor<object>[];
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
  migrations: { name: string; class: Constructor<Migration> }[];
  /** Demo data for `pnpm start`; must be idempotent. */
  seed?: (em: EntityManager) => Promise<void>;
}

/** How to run it: every value comes from the environment in production (see `subgraphOptionsFromEnv`). */
export interface SubgraphRunOptions {
  port?: number;
  host?: string;
  /** This subgraph's database, or a server URL combined with `dbName`. */
  databaseUrl: string;
  dbName?: string;
  auth: AuthSettings;
  /** The secret this subgraph shares with the gateway (see auth/gateway-signature.ts). */
  gatewaySecret: string;
  /** During a rotation: the secret being retired, still accepted until every gateway signs with the new one. */
  previousGatewaySecret?: string;
  gatewayUrl?: string;
  serviceToken?: () => Promise<string | null>;
  development?: boolean;
  seed?: boolean;
  poolMax?: number;
  /** How long a request may run before it is stopped (a mutation not yet committing rolls back); default 30 s. */
  timeoutMs?: number;
}

export interface SubgraphHandle {
  name: string;
  url: string;
  port: number;
  orm: Awaited<ReturnType<typeof openDatabase>>;
  logger: Logger;
  stop(): Promise<void>;
}

/** Prints nothing and opens nothing: the schema alone, for `pnpm schema`. */
export function buildSubgraphSchemaOf(definition: SubgraphDefinition) {
  return buildFederatedSchema({ resolvers: definition.resolvers, orphanedTypes: definition.orphanedTypes, referenceResolvers: definition.referenceResolvers });
}

export async function startSubgraph(definition: SubgraphDefinition, options: SubgraphRunOptions): Promise<SubgraphHandle> {
  const development = options.development ?? isDevelopment();
  const orm = await openDatabase({
    url: options.databaseUrl,
    dbName: options.dbName,
    entities: [AuditRecord, ...definition.entities],
    migrations: [auditMigration, ...definition.migrations],
    poolMax: options.poolMax,
  });
  if (options.seed && definition.seed) {
    const em = orm.em.fork();
    await definition.seed(em);
  }
  const schema = await buildSubgraphSchemaOf(definition);
  const limits = armor(SUBGRAPH_LIMITS);
  const logger = createLogger(definition.name);
  const apollo = new ApolloServer<KitContext>({
    // Apollo's own warnings go into the same JSON lines as everything else.
    logger,
    schema,
    // No inline tracing (ftv1): no usage reporting here, and it costs on every entity fetch.
    plugins: [...(limits.plugins as never[]), federationGuard, textGuard as never, clientErrors as never, ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(), ...(development ? [] : [ApolloServerPluginLandingPageDisabled()])],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    documentStore: createDocumentStore(),
    formatError: makeFormatError(development, (message, error) => logger.error({ err: error }, message)),
    includeStacktraceInErrorResponses: development,
    introspection: development,
    allowBatchedHttpRequests: false,
    // A malformed variable (e.g. a Date of 2025-02-30) is answered 200 with BAD_USER_INPUT, not HTTP 400: the gateway
    // turns a subgraph's 400 into a bare "400: Bad Request" and the client would lose the code and the field.
    status400ForVariableCoercionErrors: false,
    // Requests are authenticated by token or gateway signature, never by cookie; refusing the content types a browser
    // may send cross-site without asking (text/plain, forms) still keeps a page from spending a partner's network.
    csrfPrevention: true,
  });
  await apollo.start();
  const verify = createTokenVerifier(options.auth);
  const gatewaySecrets = [options.gatewaySecret, ...(options.previousGatewaySecret ? [options.previousGatewaySecret] : [])];
  const gateway = createGatewayClient({ url: options.gatewayUrl, serviceToken: options.serviceToken ?? (async () => null) });

  const http = await startHttpServer<KitContext>({
    apollo,
    name: definition.name,
    logger,
    port: options.port ?? 0,
    host: options.host,
    timeoutMs: options.timeoutMs,
    // No CORS: a subgraph answers the gateway and partners' servers, never a page in a browser. No compression:
    // the gateway asks for gzip on every fetch, and compressing the internal hop costs both ends CPU to save bytes
    // on loopback or the local network.
    cors: null,
    compress: false,
    context: async (request, rawBody, deadline) => {
      const caller = await resolveSubgraphCaller({ request, rawBody, subgraph: definition.name, verify, gatewaySecrets });
      return { em: orm.em.fork() as EntityManager, caller, loaders: new LoaderRegistry(), gateway, subgraph: definition.name, development, deadline };
    },
    ready: async () => orm.isConnected(),
    metrics: () => `sql_statements_total ${sqlTotals.statements}\n`,
  });
  return {
    name: definition.name,
    url: http.url,
    port: http.port,
    orm,
    logger,
    async stop() {
      await http.stop();
      await orm.close(true);
    },
  };
}

/** A subgraph's process entry: settings from the environment, stop cleanly on SIGINT/SIGTERM. */
export async function runSubgraphMain(definition: SubgraphDefinition) {
  const { subgraphOptionsFromEnv, stopWithParent } = await import('./config.js');
  const handle = await startSubgraph(definition, subgraphOptionsFromEnv(definition.name));
  // scripts/platform.ts reads the URL from this line (the port may have been chosen by the system).
  announce(handle.logger, `${definition.name} subgraph ready at ${handle.url}`);
  const stop = async () => {
    await handle.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  stopWithParent(stop);
  return handle;
}
