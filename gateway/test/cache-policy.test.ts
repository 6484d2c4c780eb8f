import { readFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  CACHE_HINTS, cacheControl, cachePolicy, entityTag, holdsPendingNull, ifNoneMatchHits, mergeVary, serializeResult, type CacheHint,
} from '../src/cache-policy/index.js';

const supergraph = buildSchema(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'), { assumeValidSDL: true });
const policy = (query: string, operationName?: string) => cachePolicy(parse(query), operationName, supergraph, CACHE_HINTS);

describe('cachePolicy: the most restrictive field of the operation decides', () => {
  it('a published ranking with ids and codes is immutable (a day), its null pending', () => {
    expect(policy('{ ranking(year: 2025, block: "DEPARTMENTS") { year average publication { decisionNumber } entries { rank indexValue band organization { id code } } } }'))
      .toEqual({ maxAge: 86_400, scope: 'PUBLIC', cache: 'immutable', pendingPaths: [['ranking']], privateBecause: null });
  });

  it('one short field makes the whole answer short: a renamed organization must show within a minute', () => {
    const p = policy('{ ranking(year: 2025, block: "D") { entries { rank organization { name } } } }');
    expect([p.cache, p.maxAge, p.scope]).toEqual(['short', 60, 'PUBLIC']);
  });

  it('one private field makes it private, wherever it hides', () => {
    expect(policy('{ organizationByCode(code: "STC") { reformIndex(year: 2025) { indexValue scores { selfScore } } } }').privateBecause).toBe('Assessment.scores');
    expect(policy('{ headEvaluation(id: "x") { finalLevel dutyNotes } }').scope).toBe('PRIVATE');
    expect(policy('{ organizations { edges { node { auditTrail { action } } } } }').privateBecause).toBe('Organization.auditTrail');
    expect(policy('{ annualSummary(year: 2025) { year } }').privateBecause).toBe('Query.annualSummary');
  });

  it('follows named fragments, nested fragments and inline fragments', () => {
    const viaFragments = `
      query Q { organizationByCode(code: "STC") { ...Org } }
      fragment Org on Organization { id ...Index }
      fragment Index on Organization { reformIndex(year: 2025) { ... on Assessment { rank } ...Scores } }
      fragment Scores on Assessment { scores { finalScore } }`;
    expect(policy(viaFragments).privateBecause).toBe('Assessment.scores');
    const publicFragments = `
      { organizationByCode(code: "STC") { ...Org } }
      fragment Org on Organization { code ... on Organization { reformIndex(year: 2025) { indexValue } } }`;
    expect(policy(publicFragments)).toMatchObject({ cache: 'short', pendingPaths: [['organizationByCode'], ['organizationByCode', 'reformIndex']] });
  });

  it('pending paths are the response keys as sent: aliases, each alias of the same field', () => {
    const p = policy('{ a: ranking(year: 2024, block: "D") { year } b: ranking(year: 2025, block: "D") { year } org: organizationByCode(code: "X") { idx: reformIndex(year: 2025) { indexValue } } }');
    expect(p.pendingPaths).toEqual([['a'], ['b'], ['org'], ['org', 'idx']]);
  });

  it('an alias cannot disguise a private field as a public one', () => {
    expect(policy('{ organizations { totalCount edges { node { name: auditTrail { action } } } } }').scope).toBe('PRIVATE');
  });

  it('introspection: __typename changes nothing, the schema itself is short', () => {
    expect(policy('{ __typename }').cache).toBe('immutable');
    expect(policy('{ ranking(year: 2025, block: "D") { __typename year } }').cache).toBe('immutable');
    expect(policy('{ __schema { types { name fields { name } } } }')).toMatchObject({ cache: 'short', scope: 'PUBLIC' });
    expect(policy('{ __type(name: "Ranking") { name } ranking(year: 2025, block: "D") { year } }').cache).toBe('short');
  });

  it('mutations, an unknown or ambiguous operation and unknown fields are private', () => {
    expect(policy('mutation { createPerson(fullName: "A") { id } }').privateBecause).toBe('mutation');
    const two = 'query A { ranking(year: 2025, block: "D") { year } } query B { annualSummary(year: 2025) { year } }';
    expect(policy(two, 'A').cache).toBe('immutable');
    expect(policy(two, 'B').scope).toBe('PRIVATE');
    expect(policy(two).scope).toBe('PRIVATE');
    expect(policy(two, 'C').scope).toBe('PRIVATE');
    expect(policy('{ _service { sdl } }').scope).toBe('PRIVATE');
    expect(policy('{ ranking(year: 2025, block: "D") { noSuchField } }').scope).toBe('PRIVATE');
  });

  it('a field missing from the hints is private', () => {
    const hints = new Map(CACHE_HINTS);
    hints.delete('RankingEntry.indexValue');
    expect(cachePolicy(parse('{ ranking(year: 2025, block: "D") { entries { indexValue } } }'), null, supergraph, hints).privateBecause).toBe('RankingEntry.indexValue');
  });

  it('interfaces and unions: each possible type counts, one without a hint makes it private', () => {
    const schema = buildSchema(`
      type Query { node(id: ID!): Node  search: [Result!]! }
      interface Node { id: ID! label: String }
      type A implements Node { id: ID! label: String secret: String }
      type B implements Node { id: ID! label: String }
      union Result = A | B`);
    const hints = new Map<string, CacheHint>([
      ['Query.node', { cache: 'immutable', nullMeansPending: true }], ['Query.search', { cache: 'short' }],
      ['A.id', { cache: 'immutable' }], ['B.id', { cache: 'immutable' }], ['A.label', { cache: 'immutable' }], ['B.label', { cache: 'short' }],
      ['A.secret', { cache: 'private' }],
    ]);
    const p = (q: string) => cachePolicy(parse(q), null, schema, hints);
    expect(p('{ node(id: "1") { id } }')).toMatchObject({ cache: 'immutable', pendingPaths: [['node']] });
    expect(p('{ node(id: "1") { label } }').cache).toBe('short');
    expect(p('{ node(id: "1") { ... on A { secret } } }').privateBecause).toBe('A.secret');
    expect(p('{ search { __typename ... on B { id } } }').cache).toBe('short');
    expect(p('{ search { ... on A { secret } } }').scope).toBe('PRIVATE');
    hints.delete('B.label');
    expect(p('{ node(id: "1") { label } }').privateBecause).toBe('Node.label');
  });
});

describe('holdsPendingNull', () => {
  it('finds a null at a pending path, through lists, and nowhere else', () => {
    expect(holdsPendingNull({ ranking: null }, [['ranking']])).toBe(true);
    expect(holdsPendingNull({ ranking: { year: 2025 } }, [['ranking']])).toBe(false);
    const data = { a: [{ idx: { v: 1 } }, { idx: null }], b: null };
    expect(holdsPendingNull(data, [['a', 'idx']])).toBe(true);
    expect(holdsPendingNull({ a: [{ idx: { v: 1 } }] }, [['a', 'idx']])).toBe(false);
    // A parent that is null, or absent (skipped), holds no pending null below it.
    expect(holdsPendingNull(data, [['b', 'idx']])).toBe(false);
    expect(holdsPendingNull({}, [['ranking']])).toBe(false);
    expect(holdsPendingNull({ list: [null, { x: 1 }] }, [['list']])).toBe(true);
  });

  it('reads own keys only (a response key is the client\'s alias)', () => {
    expect(holdsPendingNull({}, [['__proto__'], ['constructor'], ['toString']])).toBe(false);
    expect(holdsPendingNull(JSON.parse('{"__proto__": null}'), [['__proto__']])).toBe(true);
  });
});

describe('the headers', () => {
  const pub = policy('{ ranking(year: 2025, block: "D") { year } }');
  const short = policy('{ organizations { totalCount } }');
  const priv = policy('{ annualSummary(year: 2025) { year } }');
  const get = { method: 'GET', authorized: false, hasErrors: false, pendingNull: false };

  it('public GETs: a day for published results, a minute revalidated for the rest', () => {
    expect(cacheControl(pub, get)).toEqual({ value: 'public, max-age=86400', cacheable: true });
    expect(cacheControl(short, get)).toEqual({ value: 'public, max-age=60, must-revalidate', cacheable: true });
  });

  it('a token or a private field: private, no-store; a POST, an error or a pending null: no-store', () => {
    expect(cacheControl(pub, { ...get, authorized: true }).value).toBe('private, no-store');
    expect(cacheControl(priv, get).value).toBe('private, no-store');
    expect(cacheControl(null, get).value).toBe('private, no-store');
    expect(cacheControl(priv, { ...get, method: 'POST' }).value).toBe('private, no-store');
    expect(cacheControl(pub, { ...get, method: 'POST' })).toEqual({ value: 'no-store', cacheable: false });
    expect(cacheControl(pub, { ...get, hasErrors: true }).value).toBe('no-store');
    expect(cacheControl(pub, { ...get, pendingNull: true }).value).toBe('no-store');
  });

  it('ETag: sha256 of the exact body, base64url, quoted; If-None-Match compared weakly, * matches', () => {
    const body = serializeResult({ data: { ranking: { year: 2025 } } });
    expect(body).toBe('{"data":{"ranking":{"year":2025}}}\n');
    const tag = entityTag(body);
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(entityTag(Buffer.from(body))).toBe(tag);
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits('*', tag)).toBe(true);
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(tag.slice(0, -2) + '"', tag)).toBe(false);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
  });

  it('Vary adds Accept, Authorization and Accept-Encoding once to what is there', () => {
    expect(mergeVary(undefined)).toBe('Accept, Authorization, Accept-Encoding');
    expect(mergeVary('accept-encoding, Origin')).toBe('accept-encoding, Origin, Accept, Authorization');
  });
});
