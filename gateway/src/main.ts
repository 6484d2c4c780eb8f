import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { announce, authSettingsFromEnv, corsFromEnv, gatewaySecretsFromEnv, isDevelopment, rateLimitFromEnv, requireEnv, stopWithParent } from 'subgraph-kit/edge';
import { createGateway, loadSupergraph } from './index.js';

/**
 * Gateway process entry, configured by environment only: PORT, HOST, SUPERGRAPH_PATH; ORGANIZATIONS_URL,
 * REFORM_INDEX_URL, EVALUATIONS_URL; GATEWAY_SECRET_<SUBGRAPH> (each subgraph's own signing secret, e.g.
 * GATEWAY_SECRET_REFORM_INDEX) with GATEWAY_SECRET for those without one; AUTH_* and SERVICE_PUBLIC_JWKS as every
 * service (kit config.ts); CORS_ORIGINS (a comma-separated list of browser origins allowed to call; in development
 * also any localhost page); LOG_LEVEL and LOG_FORMAT (kit server/logger.ts).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
const handle = await createGateway({
  port: Number(env.PORT ?? 4000),
  host: env.HOST ?? '127.0.0.1',
  supergraphSdl: loadSupergraph(env.SUPERGRAPH_PATH ?? path.join(here, '..', '..', 'schema', 'supergraph.graphql')),
  subgraphUrls: {
    organizations: requireEnv(env, 'ORGANIZATIONS_URL'),
    'reform-index': requireEnv(env, 'REFORM_INDEX_URL'),
    evaluations: requireEnv(env, 'EVALUATIONS_URL'),
  },
  gatewaySecrets: gatewaySecretsFromEnv(['organizations', 'reform-index', 'evaluations'], env),
  auth: authSettingsFromEnv(env),
  development: isDevelopment(env),
  rateLimit: rateLimitFromEnv(env),
  cors: corsFromEnv(env, isDevelopment(env)),
});
// scripts/platform.ts reads the URL from this line.
announce(handle.logger, `gateway ready at ${handle.url}`);
const stop = async () => { await handle.stop(); process.exit(0); };
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
stopWithParent(stop);
