import { inject } from 'vitest';
import pg from 'pg';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, mintToken, type Role, type TokenClaims } from 'subgraph-kit';

/** Test helpers: real HTTP to the running platform, real tokens signed with its key, real SQL for checks. */
export const platform = () => inject('platform');

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

export async function gql<T = Record<string, any>>(url: string, query: string, variables?: Record<string, unknown>, token?: string | null, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  return { ...body, status: response.status };
}

/** Through the gateway, as frontends and reporting tools call it. */
export const viaGateway = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null) =>
  gql<T>(platform().gatewayUrl, query, variables, token);

/** Straight to one subgraph, as a partner agency may. */
export const direct = <T = Record<string, any>>(subgraph: 'organizations' | 'reform-index' | 'evaluations', query: string, variables?: Record<string, unknown>, token?: string | null) =>
  gql<T>(platform().subgraphUrls[subgraph], query, variables, token);

export async function token(roles: Role | Role[], claims: Partial<TokenClaims> = {}) {
  const key = { privateJwk: JSON.parse(platform().privateJwk), publicJwk: JSON.parse(platform().publicJwk) };
  return mintToken(key, { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, algorithm: 'ES256' }, {
    sub: claims.sub ?? `test-${Array.isArray(roles) ? roles.join('-') : roles}`.toLowerCase(),
    roles: Array.isArray(roles) ? roles : [roles],
    org: claims.org ?? null,
    scope: claims.scope ?? null,
    expiresIn: claims.expiresIn ?? '1h',
  });
}

/** Asserts a GraphQL error of the given code (and field, if given) and returns it. */
export function expectError(response: GraphQLResponse, code: string, field?: string) {
  const error = response.errors?.find((e) => e.extensions?.code === code);
  if (!error) throw new Error(`expected ${code}${field ? ` on ${field}` : ''}, got ${JSON.stringify(response.errors ?? response.data).slice(0, 600)}`);
  if (field && !(error.extensions?.field === field || String(error.extensions?.field ?? '').endsWith(field) || error.message.includes(field))) {
    throw new Error(`expected the ${code} error to name ${field}, got ${JSON.stringify(error)}`);
  }
  return error;
}

/** Data of a response that must have succeeded. */
export function ok<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(`expected success, got ${response.status} ${JSON.stringify(response.errors).slice(0, 1500)}`);
  return response.data;
}

/** SQL statements run so far by a subgraph (its /metrics). */
export async function sqlStatements(subgraph: 'organizations' | 'reform-index' | 'evaluations'): Promise<number> {
  const text = await (await fetch(platform().metricsUrls[subgraph])).text();
  return Number(/sql_statements_total (\d+)/.exec(text)?.[1] ?? NaN);
}

/** Runs SQL on a subgraph's own database as the server's admin (to check what was, or was not, written). */
export async function sql<R extends Record<string, any> = Record<string, any>>(subgraph: 'organizations' | 'reform-index' | 'evaluations', text: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: platform().adminDatabaseUrls[subgraph] });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as R[];
  } finally {
    await client.end();
  }
}

/** Row counts of every table of a subgraph's database: "nothing was written" is these staying equal. */
export async function tableCounts(subgraph: 'organizations' | 'reform-index' | 'evaluations'): Promise<Record<string, number>> {
  const tables = await sql<{ tablename: string }>(subgraph, `select tablename from pg_tables where schemaname = 'public' and tablename <> 'mikro_orm_migrations' order by 1`);
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) counts[tablename] = Number((await sql(subgraph, `select count(*)::int as n from "${tablename}"`))[0]!.n);
  return counts;
}

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();

/** The last lines a service wrote (JSON log lines, and anything else it printed), oldest first. */
export async function serviceLogs(service: 'organizations' | 'reform-index' | 'evaluations' | 'gateway'): Promise<string[]> {
  return (await (await fetch(`${platform().logsUrl}?service=${service}`)).json()) as string[];
}

/** The JSON log lines of a service that satisfy `match`, waiting up to `ms` for them to arrive (output is piped). */
export async function logLinesOf(service: 'organizations' | 'reform-index' | 'evaluations' | 'gateway', match: (line: Record<string, any>) => boolean, ms = 5_000) {
  const until = Date.now() + ms;
  for (;;) {
    const found = (await serviceLogs(service)).flatMap((text) => {
      try { return [JSON.parse(text) as Record<string, any>]; } catch { return []; }
    }).filter(match);
    if (found.length || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
}
