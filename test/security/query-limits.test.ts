import { afterAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createGateway } from 'gateway';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, PUBLIC_LIMITS, SUBGRAPH_LIMITS, startHttpServer } from 'subgraph-kit';
import { ROOT } from '../../scripts/platform.js';
import { direct, expectError, gql, ok, platform, token, unique, viaGateway, type GraphQLResponse } from '../support/client.js';

const SUBGRAPHS = ['organizations', 'reform-index', 'evaluations'] as const;

/**
 * The deepest query a reporting tool legitimately sends (12 levels, the gateway's limit; cost about 72,000 of 100,000): every department's parent,
 * that parent's head, the head's whole career, and for each post held the published index by area and the head
 * evaluations with the level bands of the rule used.
 */
const DEEPEST_REPORT = `query DeepestReport {
  organizations(filter: { kinds: [DEPARTMENT] }, first: 50) {
    totalCount
    edges { node {
      code name
      parent {
        code
        head(on: "2025-12-31") {
          title startDate
          person {
            fullName
            assignments {
              title startDate endDate
              organization {
                code name
                reformIndex(year: 2025) { indexValue rank rankOf band areaResults { areaCode points maxPoints percent } publication { decisionNumber } }
                headEvaluations(year: 2025) { year finalLevel rule { name bands { level minIndex } } }
              }
            }
          }
        }
      }
    } }
  }
}`;

/** One level deeper than the deepest legitimate report: a chain of parents. */
const nestedParents = (levels: number) => `{ organizationByCode(code: "NONE") { ${'parent { '.repeat(levels - 2)}id${' }'.repeat(levels - 2)} } }`;

const firstError = (response: GraphQLResponse) => response.errors?.[0];

describe('query limits at the gateway', () => {
  it('passes the deepest legitimate reporting query', async () => {
    const data = ok(await viaGateway(DEEPEST_REPORT));
    expect(data.organizations.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('refuses a query one level deeper than allowed, saying so', async () => {
    ok(await viaGateway(nestedParents(PUBLIC_LIMITS.maxDepth)));
    const response = await viaGateway(nestedParents(PUBLIC_LIMITS.maxDepth + 1));
    expect(response.data ?? null).toBeNull();
    expect(firstError(response)).toMatchObject({
      message: `Query depth limit of ${PUBLIC_LIMITS.maxDepth} exceeded, found ${PUBLIC_LIMITS.maxDepth + 1}.`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth' },
    });
  });

  it('refuses an over-costly query within the depth limit: 500 organizations, each with its whole tree', async () => {
    const tree = 'children { code children { code children { code children { code } } } }';
    const response = await viaGateway(`{ organizations(first: 500) { edges { node { code ${tree} parent { ${tree} } } } } }`);
    expect(firstError(response)?.message).toMatch(/^Query Cost limit of \d+ exceeded, found \d+\.$/);
    expect(firstError(response)?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost' });
  });

  it('refuses a fragment bomb (few tokens, exponential cost)', async () => {
    const fragments = ['fragment F0 on Organization { id code name }'];
    for (let i = 1; i <= 8; i++) fragments.push(`fragment F${i} on Organization { parent { ...F${i - 1} } children { ...F${i - 1} } }`);
    const response = await viaGateway(`{ organizationByCode(code: "NONE") { ...F8 } } ${fragments.join(' ')}`);
    expect(response.data ?? null).toBeNull();
    expect(firstError(response)?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(firstError(response)?.extensions?.limit).toMatch(/maxDepth|maxCost/);
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: organizationByCode(code: "NONE") { id }`).join(' ');
    const response = await viaGateway(`{ ${aliases} }`);
    expect(firstError(response)).toMatchObject({
      message: `Aliases limit of ${PUBLIC_LIMITS.maxAliases} exceeded, found 200.`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases' },
    });
  });

  it('refuses a query of too many tokens before planning it', async () => {
    const response = await viaGateway(`{ ${'__typename '.repeat(PUBLIC_LIMITS.maxTokens)} }`);
    expect(firstError(response)?.message).toMatch(new RegExp(`^Token limit of ${PUBLIC_LIMITS.maxTokens} exceeded`));
    expect(firstError(response)?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxTokens' });
  });

  it('refuses a directive flood', async () => {
    const fields = Array.from({ length: PUBLIC_LIMITS.maxDirectives + 1 }, () => '__typename @skip(if: false)').join(' ');
    const response = await viaGateway(`{ ${fields} }`);
    expect(firstError(response)).toMatchObject({
      message: `Directives limit of ${PUBLIC_LIMITS.maxDirectives} exceeded, found ${PUBLIC_LIMITS.maxDirectives + 1}.`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDirectives' },
    });
  });

  it('refuses an oversized request body with 413 before reading it all', async () => {
    const response = await viaGateway('query($name: String!) { organizationByCode(code: $name) { id } }', { name: 'x'.repeat(300_000) });
    expect(response.status).toBe(413);
    expect(firstError(response)).toMatchObject({ message: 'The request body is larger than 256000 bytes', extensions: { code: 'BAD_REQUEST' } });
  });

  it('refuses batched requests (one operation per request, each one limited)', async () => {
    const response = await fetch(platform().gatewayUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });
});

/** A query of exactly `levels` levels through each subgraph's own recursive paths. */
const DEEP_DIRECT: Record<(typeof SUBGRAPHS)[number], (levels: number) => string> = {
  organizations: nestedParents,
  'reform-index': (levels) => `{ criteriaSet(year: 2025, block: "NONE") { areas { criteria { ${'children { '.repeat(levels - 4)}code${' }'.repeat(levels - 4)} } } } }`,
  evaluations: (levels) => {
    const pairs = Math.ceil((levels - 2) / 2);
    return `{ headEvaluation(id: "00000000-0000-4000-8000-000000000000") { ${'organization { headEvaluations { '.repeat(pairs)}id${' } }'.repeat(pairs)} } }`;
  },
};

const ROOT_FIELD: Record<(typeof SUBGRAPHS)[number], string> = {
  organizations: 'organizationByCode(code: "NONE") { id }',
  'reform-index': 'criteriaSets(year: 1900) { year }',
  evaluations: 'headEvaluation(id: "00000000-0000-4000-8000-000000000000") { id }',
};

describe('query limits at every subgraph called directly', () => {
  for (const subgraph of SUBGRAPHS) {
    it(`${subgraph}: refuses over-deep, alias-bomb, token-flood and oversized requests from a valid token`, async () => {
      const caller = await token('HOME_AFFAIRS');
      const deepQuery = DEEP_DIRECT[subgraph](SUBGRAPH_LIMITS.maxDepth + 1);
      const deepResponse = await direct(subgraph, deepQuery, {}, caller);
      expect(firstError(deepResponse)?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth' });

      const aliases = Array.from({ length: SUBGRAPH_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: ${ROOT_FIELD[subgraph]}`).join(' ');
      expect(firstError(await direct(subgraph, `{ ${aliases} }`, {}, caller))?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases' });

      expect(firstError(await direct(subgraph, `{ ${'__typename '.repeat(SUBGRAPH_LIMITS.maxTokens)} }`, {}, caller))?.extensions)
        .toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxTokens' });

      const big = await direct(subgraph, 'query($v: String) { __typename }', { v: 'x'.repeat(1_100_000) }, caller);
      expect(big.status).toBe(413);
      expectError(big, 'BAD_REQUEST');
    });
  }
});

describe('a per-request deadline', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => { for (const close of closers) await close(); });

  it('a subgraph request that runs too long is answered 504 TIMEOUT, and the server keeps serving', async () => {
    // An operation that never finishes (a runaway resolver), behind the kit's HTTP front.
    let release: () => void = () => {};
    const apollo = {
      executeHTTPGraphQLRequest: ({ httpGraphQLRequest }: { httpGraphQLRequest: { body: { query: string } } }) =>
        httpGraphQLRequest.body.query.includes('slow')
          ? new Promise((r) => { release = () => r({ status: 200, headers: new Map(), body: { kind: 'complete', string: '{"data":{"slow":"late"}}' } }); })
          : Promise.resolve({ status: 200, headers: new Map(), body: { kind: 'complete', string: '{"data":{"fast":"ok"}}' } }),
      stop: async () => {},
      assertStarted: () => {},
    };
    const server = await startHttpServer({ apollo: apollo as never, port: 0, timeoutMs: 300, context: async () => ({}) });
    closers.push(async () => { release(); await server.stop(); });
    const started = Date.now();
    const slow = await gql(server.url, '{ slow }');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(slow.status).toBe(504);
    expect(firstError(slow)).toMatchObject({ message: 'The request took longer than 300 ms and was stopped; nothing it would have changed was saved', extensions: { code: 'TIMEOUT' } });
    expect(ok(await gql(server.url, '{ fast }'))).toEqual({ fast: 'ok' });
  });

  it('the gateway gives up on a subgraph that does not answer, and answers the client in time', async () => {
    // A "subgraph" that accepts connections and never answers (a hung process).
    const hung = http.createServer(() => {});
    await new Promise<void>((r) => hung.listen(0, '127.0.0.1', () => r()));
    const hungUrl = `http://127.0.0.1:${(hung.address() as AddressInfo).port}/graphql`;
    closers.push(async () => { hung.closeAllConnections(); await new Promise((r) => hung.close(r)); });
    const gateway = await createGateway({
      supergraphSdl: readFileSync(path.join(ROOT, 'schema', 'supergraph.graphql'), 'utf8'),
      subgraphUrls: { organizations: hungUrl, 'reform-index': hungUrl, evaluations: hungUrl },
      gatewaySecret: 'unused',
      auth: { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, algorithm: 'ES256', publicJwk: JSON.parse(platform().publicJwk) },
      development: false,
      timeoutMs: 5_000,
      subgraphTimeoutMs: 400,
    });
    closers.push(() => gateway.stop());
    const started = Date.now();
    const response = await gql(gateway.url, '{ organizationByCode(code: "NONE") { id } }');
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(response.data).toEqual({ organizationByCode: null });
    expect(firstError(response)).toMatchObject({
      message: 'The organizations service is unavailable (no answer within 400 ms); the fields it serves are missing from this answer. Retry later.',
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'organizations' },
    });
  });
});

describe('limits do not get in the way of ordinary work', () => {
  it('a mutation and a read of ordinary size pass through the gateway', async () => {
    const code = unique('LIM');
    ok(await viaGateway('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { code, name: 'Đơn vị kiểm tra giới hạn', kind: 'DEPARTMENT', validFrom: '2020-01-01' } }, await token('HOME_AFFAIRS')));
    expect(ok(await viaGateway(`{ organizationByCode(code: "${code}") { code name } }`)).organizationByCode.code).toBe(code);
  });
});
