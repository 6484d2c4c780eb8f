/**
 * Hive Gateway (npm @graphql-hive/gateway) over the same committed supergraph and the same running subgraphs, for
 * `pnpm bench`'s side-by-side comparison. Configured to pay what our gateway pays: it verifies the caller's token
 * (the same jose verifier), forwards it, and signs every subgraph request as our gateway does (header
 * `x-gateway-signature` = kit `signRequest`: method, subgraph, path and query, token, body, time), with each
 * subgraph's own secret. Production settings: no landing page, GraphiQL,
 * introspection, request ids or logging; no response cache.
 *
 * Environment: PORT, GATEWAY_SECRET_<SUBGRAPH> or GATEWAY_SECRET (as our gateway), AUTH_* (as every service), ORGANIZATIONS_URL, REFORM_INDEX_URL, EVALUATIONS_URL,
 * HIVE_PLANNER=rust|js (rust: @graphql-hive/router-runtime), HIVE_DEDUPE=off|defaults (off: no in-flight
 * deduplication anywhere; defaults: the gateway's own defaults, i.e. subgraph request deduplication on).
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GraphQLError } from 'graphql';
import { authSettingsFromEnv, createTokenVerifier, gatewaySecretsFromEnv, requireEnv, SIGNATURE_HEADER, signRequest } from 'subgraph-kit/edge';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
const planner = env.HIVE_PLANNER ?? 'rust';
const dedupe = env.HIVE_DEDUPE ?? 'off';
const verify = createTokenVerifier(authSettingsFromEnv(env));

// The runtime alone (what @graphql-hive/gateway's CLI serves), without the CLI's optional transports and caches.
const require = createRequire(import.meta.url);
const gatewayEntry = require.resolve('@graphql-hive/gateway');
const runtimeEntry = createRequire(gatewayEntry).resolve('@graphql-hive/gateway-runtime');
const { createGatewayRuntime } = (await import(pathToFileURL(runtimeEntry.replace(/index\.cjs$/, 'index.js')).href)) as typeof import('@graphql-hive/gateway');

let supergraph = readFileSync(env.SUPERGRAPH_PATH ?? path.join(here, '..', 'schema', 'supergraph.graphql'), 'utf8');
const urls: Record<string, string> = {
  organizations: requireEnv(env, 'ORGANIZATIONS_URL'),
  'reform-index': requireEnv(env, 'REFORM_INDEX_URL'),
  evaluations: requireEnv(env, 'EVALUATIONS_URL'),
};
for (const [name, url] of Object.entries(urls)) supergraph = supergraph.replaceAll(`http://${name}.invalid/graphql`, url);
const secrets = gatewaySecretsFromEnv(Object.keys(urls), env);
/** Which subgraph a fetch goes to: the hook sees only the URL, which is one of ours by construction. */
const subgraphAt = new Map(Object.entries(urls).map(([name, url]) => [url, name]));

let unifiedGraphHandler: unknown;
if (planner === 'rust') {
  ({ unifiedGraphHandler } = await import('@graphql-hive/router-runtime'));
}

const signing = {
  onContextBuilding: async ({ context }: { context: { request: Request } }) => {
    const header = context.request.headers.get('authorization');
    if (!header) return;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new GraphQLError('The Authorization header must be "Bearer <token>"', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    await verify(match[1]!);
  },
  onFetch: ({ url, options, setOptions, context }: {
    url: string;
    options: { body?: unknown; headers?: Record<string, string>; method?: string };
    setOptions: (o: unknown) => void;
    context?: { request?: Request };
  }) => {
    const body = typeof options.body === 'string' ? options.body : '';
    const headers: Record<string, string> = {};
    const given = options.headers as Record<string, string> | Headers | undefined;
    if (given instanceof Headers) given.forEach((v, k) => { headers[k.toLowerCase()] = v; });
    else if (given) for (const [k, v] of Object.entries(given)) headers[k.toLowerCase()] = v;
    const authorization = context?.request?.headers.get('authorization');
    if (authorization) headers.authorization = authorization;
    const subgraph = subgraphAt.get(url);
    if (!subgraph) throw new Error(`hive gateway: fetch to an unknown subgraph URL ${url}`);
    const target = new URL(url);
    headers[SIGNATURE_HEADER] = signRequest(secrets[subgraph]!, {
      method: options.method ?? 'POST', subgraph, target: `${target.pathname}${target.search}`, authorization: headers.authorization, body,
    });
    setOptions({ ...options, headers });
  },
};

const runtime = createGatewayRuntime({
  supergraph,
  ...(unifiedGraphHandler ? { unifiedGraphHandler: unifiedGraphHandler as never } : {}),
  transportEntries: dedupe === 'off' ? { '*.http': { options: { deduplicateInflightRequests: false } } } : undefined,
  inboundInflightRequestDeduplication: false,
  landingPage: false,
  graphiql: false,
  disableIntrospection: {},
  requestId: false,
  logging: false,
  plugins: () => [signing as never],
});

const server = http.createServer(runtime);
server.keepAliveTimeout = 65_000;
await new Promise<void>((resolve) => server.listen(Number(env.PORT ?? 0), '127.0.0.1', () => resolve()));
const port = (server.address() as { port: number }).port;
console.log(`hive gateway (${planner} planner, dedupe ${dedupe}) ready at http://127.0.0.1:${port}/graphql`);
const stop = () => server.close(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
