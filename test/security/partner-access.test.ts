import { describe, expect, it } from 'vitest';
import { direct, expectError, ok, platform, token, viaGateway } from '../support/client.js';

/**
 * Partner agencies may call one subgraph directly; what docs/architecture.md allows them is checked by each subgraph
 * itself, since no gateway stands in between. (Token forgery is covered by test/foundation/tokens.test.ts.)
 */
const SUBGRAPHS = ['organizations', 'reform-index', 'evaluations'] as const;
const PUBLIC_READ: Record<(typeof SUBGRAPHS)[number], string> = {
  organizations: '{ organizationByCode(code: "NONE") { id } }',
  'reform-index': '{ ranking(year: 1900, block: "NONE") { year } }',
  evaluations: '{ headEvaluation(id: "00000000-0000-4000-8000-000000000000") { id } }',
};

describe('a partner calls directly only the subgraphs its scopes name', () => {
  for (const scope of SUBGRAPHS) {
    it(`a partner scoped ${scope}:read is answered by ${scope} and refused by the others`, async () => {
      const partner = await token('PARTNER', { scope: `${scope}:read` });
      for (const subgraph of SUBGRAPHS) {
        const response = await direct(subgraph, PUBLIC_READ[subgraph], {}, partner);
        if (subgraph === scope) {
          ok(response);
        } else {
          expect(response.status, `${scope} partner at ${subgraph}`).toBe(403);
          expect(expectError(response, 'FORBIDDEN').message).toBe(`This partner token has no ${subgraph}:read scope`);
        }
      }
    });
  }

  it('a partner with no scope is refused by every subgraph, and reads public data through the gateway', async () => {
    const partner = await token('PARTNER');
    for (const subgraph of SUBGRAPHS) expectError(await direct(subgraph, PUBLIC_READ[subgraph], {}, partner), 'FORBIDDEN');
    for (const subgraph of SUBGRAPHS) ok(await viaGateway(PUBLIC_READ[subgraph], {}, partner));
  });

  it('a scope for one subgraph does not open another one\'s mutations', async () => {
    const partner = await token('PARTNER', { scope: 'organizations:read reform-index:read evaluations:read' });
    const response = await direct('organizations', 'mutation { createPerson(fullName: "Người lạ") { id } }', {}, partner);
    expectError(response, 'FORBIDDEN');
  });
});

describe('anonymous callers go through the gateway', () => {
  it('every subgraph refuses an anonymous direct call, by POST and by GET', async () => {
    for (const subgraph of SUBGRAPHS) {
      const response = await direct(subgraph, PUBLIC_READ[subgraph]);
      expect(response.status).toBe(401);
      expectError(response, 'UNAUTHENTICATED');
      const url = new URL(platform().subgraphUrls[subgraph]);
      url.searchParams.set('query', PUBLIC_READ[subgraph]);
      const get = await fetch(url);
      expect(get.status, `GET ${subgraph}`).toBe(401);
    }
  });
});

describe('_entities and _service answer only the gateway or a SERVICE token, however they are asked for', () => {
  const representations = [{ __typename: 'Organization', id: '00000000-0000-4000-8000-000000000000' }];
  const disguises: [string, string, Record<string, unknown>?, string?][] = [
    ['an alias', '{ e: _entities(representations: [{ __typename: "Organization", id: "00000000-0000-4000-8000-000000000000" }]) { __typename } }'],
    ['variables', 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: representations }],
    ['a nested inline fragment', '{ ... on Query { ... on Query { _service { sdl } } } }'],
    ['a fragment inside an inline fragment', '{ ... on Query { ...S } } fragment S on Query { _service { sdl } }'],
    ['a second operation chosen by operationName', 'query Harmless { __typename } query Sneaky { _service { sdl } }', {}, 'Sneaky'],
    ['next to a harmless field', '{ __typename _service { sdl } }'],
  ];
  for (const [how, query, variables, operationName] of disguises) {
    it(`refuses them asked for through ${how}, on every subgraph, for every non-service token`, async () => {
      for (const subgraph of SUBGRAPHS) {
        for (const caller of [await token('ORG_STAFF', { org: representations[0]!.id }), await token('APPRAISER'), await token('PARTNER', { scope: `${subgraph}:read` })]) {
          const response = await fetch(platform().subgraphUrls[subgraph], {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${caller}` },
            body: JSON.stringify({ query, variables, operationName }),
          });
          const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
          expect(body.errors?.[0]?.extensions?.code, `${how} at ${subgraph}`).toBe('FORBIDDEN');
          expect(JSON.stringify(body.data ?? null)).not.toMatch(/sdl|Organization/);
        }
      }
    });
  }

  it('refuses them by GET too', async () => {
    for (const subgraph of SUBGRAPHS) {
      const url = new URL(platform().subgraphUrls[subgraph]);
      url.searchParams.set('query', '{ _service { sdl } }');
      const response = await fetch(url, { headers: { authorization: `Bearer ${await token('HOME_AFFAIRS')}` } });
      const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      expect(JSON.stringify(body.data ?? null)).not.toMatch(/sdl/);
      expect(body.errors?.length).toBeGreaterThan(0);
    }
  });
});
