import type { JWK } from 'jose';
import type { AuthSettings } from './auth/tokens.js';

/** Everything a service reads from its environment; that is how each one deploys on its own. */
export const DEFAULT_ISSUER = 'https://auth.par.haiphong.local/dev';
export const DEFAULT_AUDIENCE = 'par-platform';

export function isProduction(env: NodeJS.ProcessEnv = process.env) {
  return env.NODE_ENV === 'production';
}

/**
 * Safe by default: introspection, stack traces, SQL in errors, the explorer and locally minted tokens exist only when
 * NODE_ENV=development says so (`pnpm start` and the tests do). Unset, misspelt or `production`: production.
 */
export function isDevelopment(env: NodeJS.ProcessEnv = process.env) {
  return env.NODE_ENV === 'development';
}

export function authSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const algorithm = (env.AUTH_ALGORITHM ?? 'ES256') as AuthSettings['algorithm'];
  if (algorithm !== 'ES256' && algorithm !== 'RS256') throw new Error('AUTH_ALGORITHM must be ES256 or RS256');
  return {
    issuer: env.AUTH_ISSUER ?? DEFAULT_ISSUER,
    audience: env.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE,
    algorithm,
    jwksUrl: env.AUTH_JWKS_URL || undefined,
    publicJwk: env.AUTH_PUBLIC_JWK ? (JSON.parse(env.AUTH_PUBLIC_JWK) as JWK) : undefined,
    servicePublicJwks: env.SERVICE_PUBLIC_JWKS ? parseJwks(env.SERVICE_PUBLIC_JWKS) : undefined,
  };
}

/** SERVICE_PUBLIC_JWKS: a JWK Set (`{"keys":[…]}`) or a bare array of JWKs. */
function parseJwks(text: string): JWK[] {
  const parsed = JSON.parse(text) as { keys?: unknown } | unknown[];
  const keys = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(keys)) throw new Error('SERVICE_PUBLIC_JWKS must be a JWK Set or an array of JWKs');
  return keys as JWK[];
}

/** `reform-index` → `REFORM_INDEX`: how a subgraph's name appears in environment variable names. */
export const envName = (subgraph: string) => subgraph.toUpperCase().replace(/-/g, '_');

/**
 * The gateway's signing secret for each subgraph: GATEWAY_SECRET_<SUBGRAPH> (e.g. GATEWAY_SECRET_REFORM_INDEX), so
 * a secret leaked from one subgraph signs for none of the others; GATEWAY_SECRET for those without their own.
 */
export function gatewaySecretsFromEnv(subgraphs: readonly string[], env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const secrets: Record<string, string> = Object.create(null);
  for (const name of subgraphs) {
    const secret = env[`GATEWAY_SECRET_${envName(name)}`] || env.GATEWAY_SECRET;
    if (!secret) throw new Error(`GATEWAY_SECRET_${envName(name)} or GATEWAY_SECRET must be set`);
    secrets[name] = secret;
  }
  return secrets;
}

/**
 * A service started by the platform launcher (an IPC channel to its parent) stops when that parent dies, even
 * by SIGKILL: an orphaned gateway or subgraph would otherwise keep its port and block the next `pnpm start`.
 */
export function stopWithParent(stop: () => unknown) {
  if (!process.connected) return;
  process.once('disconnect', () => void stop());
  process.channel?.unref(); // the channel alone must not keep the process alive
}

export function requireEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

import type { JWK as Jwk } from 'jose';
import { serviceTokenProvider } from './auth/service-token.js';
import type { SubgraphRunOptions } from './index.js';

/**
 * A subgraph's settings from its environment alone:
 *   PORT, HOST;
 *   <NAME>_DATABASE_URL (its own database, ideally as a role owning only it) or DATABASE_URL (a server; the
 *     database `par_<name>` is created in it);
 *   GATEWAY_SECRET: the secret this subgraph shares with the gateway (the gateway's GATEWAY_SECRET_<NAME>);
 *   GATEWAY_SECRET_PREVIOUS: during a rotation, the old secret, accepted too. Rotate by giving the subgraph the
 *     new secret with the old one as previous, then the gateway the new one, then dropping the previous;
 *   GATEWAY_URL: the gateway, for reads of other subgraphs;
 *   AUTH_ISSUER, AUTH_AUDIENCE, AUTH_ALGORITHM, AUTH_JWKS_URL or AUTH_PUBLIC_JWK: how user tokens are verified;
 *   SERVICE_PUBLIC_JWKS: public keys of the services' own keys, trusted for SERVICE tokens only (kid
 *     `service:<name>`, sub `service:<name>`, roles exactly SERVICE);
 *   SERVICE_TOKEN (production: from the identity provider) or SERVICE_PRIVATE_JWK (this service's own key, kid
 *     `service:<name>`): how this service identifies itself to the gateway. No service holds the user-token key;
 *   SEED=1 to load demo data; REQUEST_TIMEOUT_MS: how long a request may run (default 30 s).
 */
export function subgraphOptionsFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): SubgraphRunOptions {
  const own = env[`${envName(name)}_DATABASE_URL`];
  const server = env.DATABASE_URL;
  if (!own && !server) throw new Error(`Set ${envName(name)}_DATABASE_URL or DATABASE_URL`);
  const auth = authSettingsFromEnv(env);
  return {
    port: Number(env.PORT ?? 0),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: own ?? server!,
    dbName: own ? undefined : `${env.DB_PREFIX ?? 'par'}_${name.replace(/-/g, '_')}`,
    auth,
    gatewaySecret: requireEnv(env, 'GATEWAY_SECRET'),
    previousGatewaySecret: env.GATEWAY_SECRET_PREVIOUS || undefined,
    gatewayUrl: env.GATEWAY_URL,
    serviceToken: serviceTokenProvider({
      subgraph: name,
      auth,
      staticToken: env.SERVICE_TOKEN,
      privateJwk: env.SERVICE_PRIVATE_JWK ? (JSON.parse(env.SERVICE_PRIVATE_JWK) as Jwk) : undefined,
    }),
    development: isDevelopment(env),
    seed: env.SEED === '1' || env.SEED === 'true',
    timeoutMs: env.REQUEST_TIMEOUT_MS ? Number(env.REQUEST_TIMEOUT_MS) : undefined,
  };
}
