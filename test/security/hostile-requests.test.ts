import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import pg from 'pg';
import path from 'node:path';
import { createDocumentStore, documentWeight } from 'subgraph-kit';
import { ROOT, startService } from '../../scripts/platform.js';
import { direct, expectError, gql, ok, platform, sql, token, unique, viaGateway } from '../support/client.js';

/**
 * Requests shaped to hurt rather than to ask: documents padded to exhaust memory, nesting that overflows a
 * recursive parser, operations the API does not offer, and work that outlives its deadline. Each is answered 4xx
 * with a code (never a 5xx), and the server stays up and small.
 */

/** The gateway and the subgraphs must stay under this resident size while flooded (they idle at 100–200 MB). */
const MEMORY_CEILING_MB = 400;
const FLOOD_REQUESTS = 1_200;
const FLOOD_CONCURRENCY = 16;

const metricsOf = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '/metrics');
async function residentMb(graphqlUrl: string) {
  const text = await (await fetch(metricsOf(graphqlUrl))).text();
  return Number(/process_resident_memory_bytes (\d+)/.exec(text)![1]) / 1_048_576;
}

/**
 * The attack as it was found: `{ __typename }` made unique by a ~240 kB comment (the gateway's body limit is 256 kB),
 * sent as fast as the connections allow, and the peak resident memory seen on the way.
 */
async function paddedFlood(url: string, headers: Record<string, string>) {
  const padding = '#'.repeat(240 * 1024);
  const statuses = new Map<number, number>();
  let next = 0;
  let peak = await residentMb(url);
  const worker = async () => {
    while (next < FLOOD_REQUESTS) {
      const n = next++;
      const query = `{ __typename } ${padding}${String(n).padStart(8, '0')}`;
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string; limit?: string } }[] };
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxPadding' });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (n % 100 === 0) peak = Math.max(peak, await residentMb(url));
    }
  };
  await Promise.all(Array.from({ length: FLOOD_CONCURRENCY }, worker));
  return { statuses: Object.fromEntries(statuses), peak: Math.max(peak, await residentMb(url)) };
}

describe('documents padded to exhaust memory', () => {
  it(`the gateway refuses ${FLOOD_REQUESTS} anonymous 240 kB padded documents, stays under ${MEMORY_CEILING_MB} MB and keeps answering`, async () => {
    const url = platform().gatewayUrl;
    const { statuses, peak } = await paddedFlood(url, {});
    expect(statuses).toEqual({ 400: FLOOD_REQUESTS });
    expect(peak).toBeLessThan(MEMORY_CEILING_MB);
    expect(ok(await viaGateway('{ __typename }'))).toEqual({ __typename: 'Query' });
  });

  it('a subgraph called directly with a token refuses them the same way', async () => {
    const url = platform().subgraphUrls.organizations;
    const { statuses, peak } = await paddedFlood(url, { authorization: `Bearer ${await token('PARTNER', { scope: 'organizations:read' })}` });
    expect(statuses).toEqual({ 400: FLOOD_REQUESTS });
    expect(peak).toBeLessThan(MEMORY_CEILING_MB);
  });

  it('ordinary formatting and a few comments pass', async () => {
    const query = `# The directory's first page\nquery Directory {\n  ${'# a comment line\n  '.repeat(40)}organizations(first: 1) {\n    totalCount\n  }\n}`;
    expect(ok(await viaGateway(query)).organizations.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('the parsed-document cache weighs an entry by its source text, so it holds a bounded number of bytes', async () => {
    const store = createDocumentStore(1_000_000);
    const padded = (n: number) => parse(`{ __typename } #${'x'.repeat(50_000)}${n}`);
    // Apollo's own store weighed such a document at ~500 bytes: 2,000 of them would be kept, 100 MB of text.
    expect(documentWeight(padded(0))).toBeGreaterThan(50_000);
    for (let n = 0; n < 200; n++) await store.set(`k${n}`, padded(n));
    const kept = (await Promise.all(Array.from({ length: 200 }, (_, n) => store.get(`k${n}`)))).filter(Boolean).length;
    expect(kept).toBeLessThanOrEqual(20);
    expect(await store.get('k199')).toBeDefined(); // the newest stay, the oldest go
  });
});

describe('nesting that would overflow a recursive parser', () => {
  const DEFINE = 'mutation($input: CriteriaSetInput!) { defineCriteriaSet(input: $input) { id } }';
  // JSON.stringify itself recurses: the hostile body is written by hand, as an attacker would.
  const nestedCriteriaBody = (depth: number) => {
    let node = '{"code":"X","name":"n","maxPoints":1}';
    for (let i = 0; i < depth; i++) node = `{"code":"C${i}","name":"n","maxPoints":1,"children":[${node}]}`;
    return `{"query":${JSON.stringify(DEFINE)},"variables":{"input":{"year":2031,"block":"B","name":"n","areas":[{"code":"A","name":"a","maxPoints":1,"criteria":[${node}]}]}}}`;
  };
  const post = async (url: string, body: string, bearer?: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body });
    return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  };

  it('3,000 nested criteria are BAD_USER_INPUT naming the variables, through the gateway and directly', async () => {
    const homeAffairs = await token('HOME_AFFAIRS');
    for (const url of [platform().gatewayUrl, platform().subgraphUrls['reform-index']]) {
      const { status, body } = await post(url, nestedCriteriaBody(3_000), homeAffairs);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables', limit: 'maxNesting' });
    }
  });

  it('a 400,000-deep variable sent straight to a subgraph is BAD_USER_INPUT, not a 500', async () => {
    const deep = '['.repeat(400_000) + ']'.repeat(400_000);
    const body = `{"query":"query($k: [OrganizationKind!]) { organizations(filter: { kinds: $k }, first: 1) { totalCount } }","variables":{"k":${deep}}}`;
    const { status, body: answer } = await post(platform().subgraphUrls.organizations, body, await token('HOME_AFFAIRS'));
    expect(status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables' });
  });

  it('a literal nested thousands deep in the document is BAD_USER_INPUT naming the query', async () => {
    const response = await viaGateway(`{ organizations(filter: ${'{ kinds: ['.repeat(3_000)}${']}'.repeat(3_000)}) { totalCount } }`);
    expect(response.status).toBe(400);
    expect(expectError(response, 'BAD_USER_INPUT', 'query').extensions).toMatchObject({ limit: 'maxNesting' });
  });

  it('a legitimate criteria tree four levels deep passes the shape check', async () => {
    const response = await viaGateway(DEFINE, {
      input: { year: 2031, block: unique('NEST'), name: 'Cây bốn tầng', areas: [{ code: 'A', name: 'a', maxPoints: 10, criteria: [
        { code: 'A.1', name: 'b', maxPoints: 10, children: [{ code: 'A.1.1', name: 'c', maxPoints: 10, children: [{ code: 'A.1.1.1', name: 'd', maxPoints: 10 }] }] },
      ] }] },
    }, await token('HOME_AFFAIRS'));
    expect(response.errors?.find((e) => e.extensions?.field === 'variables')).toBeUndefined();
    expect(response.status).toBeLessThan(500);
  });
});

describe('operations and extensions the API does not offer', () => {
  it('a subscription is BAD_USER_INPUT with HTTP 400, at the gateway and at a subgraph', async () => {
    const atGateway = await viaGateway('subscription { organizations { totalCount } }');
    expect(atGateway.status).toBe(400);
    expectError(atGateway, 'BAD_USER_INPUT', 'query');
    const atSubgraph = await direct('organizations', 'subscription { organizations { totalCount } }', {}, await token('HOME_AFFAIRS'));
    expect(atSubgraph.status).toBe(400);
    expectError(atSubgraph, 'BAD_USER_INPUT', 'query');
  });

  it('a persisted-query hash that does not match its text is BAD_REQUEST, an unknown one PERSISTED_QUERY_NOT_FOUND', async () => {
    const wrong = await fetch(platform().gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }) });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
    const unknown = await fetch(platform().gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }) });
    expect(((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('a flat flood of tokens is refused with HTTP 400, not 500', async () => {
    const response = await viaGateway(`{ ${'__typename '.repeat(5_000)} }`);
    expect(response.status).toBe(400);
    expectError(response, 'GRAPHQL_VALIDATION_FAILED');
  });
});

describe('cross-site requests a browser would send unasked', () => {
  it('a text/plain POST and a GET without a preflight header are refused; JSON and the preflight header pass', async () => {
    const url = platform().gatewayUrl;
    const plain = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toMatch(/Cross-Site Request Forgery/);
    const simpleGet = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(simpleGet.status).toBe(400);
    const preflighted = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await preflighted.json()).toEqual({ data: { __typename: 'Query' } });
    expect(ok(await gql(url, '{ __typename }'))).toEqual({ __typename: 'Query' });
  });
});

describe('a mutation that outlives its deadline', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => { for (const close of closers.reverse()) await close(); });

  it('is answered 504 and rolls back: the change and its audit record are not saved', async () => {
    const homeAffairs = await token('HOME_AFFAIRS');
    const code = unique('LATE');
    const created = ok(await viaGateway<{ createOrganization: { id: string; version: number } }>(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id version } }',
      { input: { code, name: 'Đơn vị chậm', kind: 'DEPARTMENT', validFrom: '2020-01-01' } }, homeAffairs)).createOrganization;

    // The same subgraph and database in a process of its own, with a 700 ms deadline.
    const subgraph = await startService('organizations-short-deadline', path.join(ROOT, 'services', 'organizations', 'src', 'main.ts'), 0, {
      NODE_ENV: 'production',
      ORGANIZATIONS_DATABASE_URL: platform().databaseUrls.organizations,
      AUTH_PUBLIC_JWK: platform().publicJwk,
      GATEWAY_SECRET: 'unused-here',
      REQUEST_TIMEOUT_MS: '700',
    }, () => {});
    closers.push(() => subgraph.kill());

    // Another session holds the row, so the mutation's UPDATE waits past the deadline.
    const blocker = new pg.Client({ connectionString: platform().databaseUrls.organizations });
    await blocker.connect();
    closers.push(() => blocker.end());
    await blocker.query('begin');
    await blocker.query('select id from organization where id = $1 for update', [created.id]);

    const pending = gql(subgraph.url, 'mutation($id: ID!, $v: Int!) { updateOrganization(id: $id, expectedVersion: $v, input: { name: "Tên mới" }) { name version } }',
      { id: created.id, v: created.version }, homeAffairs);
    const answer = await pending;
    expect(answer.status).toBe(504);
    expect(answer.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
    await blocker.query('commit'); // the UPDATE goes through now, inside a transaction the deadline has doomed

    // Give the doomed transaction time to reach its commit and roll back.
    let row: { name: string; version: number } | undefined;
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const busy = await sql<{ n: number }>('organizations', `select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'idle in transaction'`);
      row = (await sql<{ name: string; version: number }>('organizations', 'select name, version from organization where id = $1', [created.id]))[0];
      if (busy[0]!.n === 0 && i > 4) break;
    }
    expect(row).toEqual({ name: 'Đơn vị chậm', version: created.version });
    const audits = await sql<{ n: number }>('organizations', `select count(*)::int as n from audit_record where entity_id = $1 and action <> 'createOrganization'`, [created.id]);
    expect(audits[0]!.n).toBe(0);
    // The subgraph still serves, and the same change goes through when nothing holds the row.
    const retried = ok(await gql<{ updateOrganization: { name: string } }>(subgraph.url,
      'mutation($id: ID!, $v: Int!) { updateOrganization(id: $id, expectedVersion: $v, input: { name: "Tên mới" }) { name } }',
      { id: created.id, v: created.version }, homeAffairs));
    expect(retried.updateOrganization.name).toBe('Tên mới');
  });
});
