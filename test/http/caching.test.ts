import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { platform, token } from '../support/client.js';
import { testGateway } from '../support/gateway.js';
import { buildWorld, type World } from '../security/fixture.js';

/**
 * HTTP caching at the gateway, over real HTTP against the running platform: what a browser or a shared cache is
 * told to keep, and the 304 that saves sending a published ranking again.
 */
interface Answer { status: number; headers: Headers; text: string; body: any }

async function send(method: 'GET' | 'POST', query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}, gatewayUrl = platform().gatewayUrl): Promise<Answer> {
  const url = new URL(gatewayUrl);
  let init: RequestInit;
  if (method === 'GET') {
    url.searchParams.set('query', query);
    url.searchParams.set('variables', JSON.stringify(variables));
    // Apollo's CSRF prevention: a GET must carry a header a page on another site cannot add unasked.
    init = { method, headers: { 'apollo-require-preflight': 'true', ...headers } };
  } else {
    init = { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) };
  }
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null };
}
const get = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => send('GET', query, variables, headers);

const sha256Tag = (text: string) => `"${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64url')}"`;

function expectVary(answer: Answer) {
  const vary = (answer.headers.get('vary') ?? '').toLowerCase().split(',').map((v) => v.trim());
  expect(vary).toEqual(expect.arrayContaining(['authorization', 'accept-encoding']));
}

const RANKING = `query($y: Int!, $b: String!) { ranking(year: $y, block: $b) {
  year block average publication { decisionNumber publishedAt } entries { rank indexValue band organization { id code } } } }`;

describe('HTTP caching of public answers at the gateway', () => {
  let w: World;
  beforeAll(async () => { w = await buildWorld(); }, 180_000);

  it('a published ranking: public for a day with a strong ETag of the exact body; If-None-Match answers 304 with no body', async () => {
    const first = await get(RANKING, { y: w.year, b: w.publishedBlock });
    expect(first.status).toBe(200);
    expect(first.body.data.ranking.entries).toHaveLength(2);
    expect(first.headers.get('cache-control')).toBe('public, max-age=86400');
    const tag = first.headers.get('etag');
    expect(tag).toBe(sha256Tag(first.text));
    expectVary(first);

    const again = await get(RANKING, { y: w.year, b: w.publishedBlock }, { 'if-none-match': tag! });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    expect(again.headers.get('cache-control')).toBe('public, max-age=86400');
    expectVary(again);

    // A compressing proxy's weak form of the tag, among others, still matches; another tag does not.
    expect((await get(RANKING, { y: w.year, b: w.publishedBlock }, { 'if-none-match': `"stale", W/${tag}` })).status).toBe(304);
    const other = await get(RANKING, { y: w.year, b: w.publishedBlock }, { 'if-none-match': '"c3RhbGU"' });
    expect([other.status, other.text]).toEqual([200, first.text]);
  });

  it('an approved evaluation asked for by id is public for a day; one not yet approved is a null and is not cached', async () => {
    const q = 'query($id: ID!) { headEvaluation(id: $id) { id year finalLevel status indexValue organization { id } } }';
    const approved = await get(q, { id: w.approvedEvaluationId });
    expect(approved.body.data.headEvaluation.status).toBe('APPROVED');
    expect(approved.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(approved.headers.get('etag')).toBe(sha256Tag(approved.text));

    const proposed = await get(q, { id: w.evaluation.id });
    expect(proposed.body).toEqual({ data: { headEvaluation: null } });
    expect(proposed.headers.get('cache-control')).toBe('no-store');
    expect(proposed.headers.get('etag')).toBeNull();
  });

  it('the directory and its heads: public for a minute, revalidated, with an ETag that answers 304', async () => {
    const q = 'query($id: ID!) { organization(id: $id) { code name head { title startDate person { fullName } } } organizations(first: 3) { totalCount edges { node { code name } } } }';
    const first = await get(q, { id: w.x.id });
    expect(first.body.data.organization.head.person.fullName).toBe('Người đứng đầu X');
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    const tag = first.headers.get('etag')!;
    expect(tag).toBe(sha256Tag(first.text));
    const again = await get(q, { id: w.x.id }, { 'if-none-match': tag });
    expect([again.status, again.text]).toEqual([304, '']);
    expectVary(first);
  });

  it('an organization\'s evaluations of a year grow: short, even though each approved one is final', async () => {
    const a = await get('query($id: ID!, $y: Int) { organization(id: $id) { headEvaluations(year: $y) { finalLevel } } }', { id: w.y.id, y: w.year });
    expect(a.body.data.organization.headEvaluations).toHaveLength(1);
    expect(a.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
  });

  it('a ranking or an index not yet published is a null: no-store, no ETag, and never a 304', async () => {
    const ranking = await get(RANKING, { y: w.draftYear, b: w.draftBlock }, { 'if-none-match': '*' });
    expect([ranking.status, ranking.body]).toEqual([200, { data: { ranking: null } }]);
    expect(ranking.headers.get('cache-control')).toBe('no-store');
    expect(ranking.headers.get('etag')).toBeNull();
    expectVary(ranking);

    const index = await get('query($id: ID!, $y: Int!) { organization(id: $id) { code reformIndex(year: $y) { indexValue rank } } }', { id: w.x.id, y: w.draftYear });
    expect(index.body.data.organization.reformIndex).toBeNull();
    expect(index.headers.get('cache-control')).toBe('no-store');

    // The same question about a published year is cacheable: a minute, because the organization is directory data.
    const published = await get('query($id: ID!, $y: Int!) { organization(id: $id) { code reformIndex(year: $y) { indexValue rank } } }', { id: w.x.id, y: w.year });
    expect(published.body.data.organization.reformIndex.indexValue).toBe(91.5);
    expect(published.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
  });

  it('with a token, anything is private, no-store: no ETag, no 304', async () => {
    const anonymous = await get(RANKING, { y: w.year, b: w.publishedBlock });
    const withToken = await get(RANKING, { y: w.year, b: w.publishedBlock }, { authorization: `Bearer ${await token('HOME_AFFAIRS')}`, 'if-none-match': anonymous.headers.get('etag')! });
    expect(withToken.status).toBe(200);
    expect(withToken.body.data.ranking.entries).toHaveLength(2);
    expect(withToken.headers.get('cache-control')).toBe('private, no-store');
    expect(withToken.headers.get('etag')).toBeNull();
    expectVary(withToken);
  });

  it('a query touching private data is private, no-store, anonymous or not', async () => {
    // Anonymous callers get an empty score sheet of a published assessment: still private data, never kept.
    const scores = await get('query($id: ID!, $y: Int!) { organization(id: $id) { reformIndex(year: $y) { indexValue scores { finalScore } } } }', { id: w.x.id, y: w.year });
    expect(scores.body.errors).toBeUndefined();
    expect(scores.headers.get('cache-control')).toBe('private, no-store');
    expect(scores.headers.get('etag')).toBeNull();

    const summary = await get('query($y: Int!) { annualSummary(year: $y) { year levelCounts { level count } } }', { y: w.year }, { authorization: `Bearer ${await token('HOME_AFFAIRS')}` });
    expect(summary.body.data.annualSummary.year).toBe(w.year);
    expect(summary.headers.get('cache-control')).toBe('private, no-store');

    const trail = await get('query($id: ID!) { organization(id: $id) { auditTrail { action } } }', { id: w.x.id });
    expect(trail.body.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    expect(trail.headers.get('cache-control')).toBe('private, no-store');
  });

  it('POST answers are no-store, even of a published ranking, and carry no ETag', async () => {
    const post = await send('POST', RANKING, { y: w.year, b: w.publishedBlock }, { 'if-none-match': '*' });
    expect(post.status).toBe(200);
    expect(post.body.data.ranking.entries).toHaveLength(2);
    expect(post.headers.get('cache-control')).toBe('no-store');
    expect(post.headers.get('etag')).toBeNull();
    expectVary(post);
  });

  it('errors are never kept: bad input, an unknown field, a mutation over GET', async () => {
    const bad = await get(RANKING, { y: w.year, b: 'no such block!' });
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.headers.get('cache-control')).toBe('no-store');
    expect(bad.headers.get('etag')).toBeNull();

    const invalid = await get('{ ranking(year: 2025, block: "X") { noSuchField } }');
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('cache-control')).toMatch(/no-store/);
    expectVary(invalid);

    const mutation = await get('mutation { createPerson(fullName: "Qua GET") { id } }');
    expect(mutation.status).toBeGreaterThanOrEqual(400);
    expect(mutation.headers.get('cache-control')).toBe('private, no-store');
    expect(mutation.headers.get('etag')).toBeNull();
  });

  it('refusals made before GraphQL runs (a bad token, a GET without the CSRF header) are not kept either', async () => {
    const badToken = await get('{ __typename }', {}, { authorization: 'Bearer not-a-token' });
    expect(badToken.status).toBe(401);
    expect(badToken.headers.get('cache-control')).toBe('no-store');
    expectVary(badToken);
    const url = new URL(platform().gatewayUrl);
    url.searchParams.set('query', '{ __typename }');
    const unasked = await fetch(url);
    expect(unasked.status).toBe(400);
    expect(unasked.headers.get('cache-control')).toBe('no-store');
  });

  it('a gateway made inside this test process, where Apollo\'s copy of graphql is not this module\'s, decides the same', async () => {
    const gateway = await testGateway();
    try {
      const ranking = await send('GET', RANKING, { y: w.year, b: w.publishedBlock }, {}, gateway.url);
      expect(ranking.body.data.ranking.entries).toHaveLength(2);
      expect(ranking.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(ranking.headers.get('etag')).toBe(sha256Tag(ranking.text));
      const directory = await send('GET', '{ organizations(first: 1) { edges { node { name } } } }', {}, {}, gateway.url);
      expect(directory.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    } finally {
      await gateway.stop();
    }
  });
});
