import { describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair, importJWK } from 'jose';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, signRequest } from 'subgraph-kit';
import { direct, expectError, gql, platform, token, viaGateway } from '../support/client.js';
import { chairToken } from '../support/heads.js';

const QUERY = '{ organizationByCode(code: "NONE") { id } }';

async function signed(claims: Record<string, unknown>, options: { issuer?: string; audience?: string; exp?: number | string; key?: Parameters<SignJWT['sign']>[0] } = {}) {
  const key = options.key ?? (await importJWK(JSON.parse(platform().privateJwk), 'ES256'));
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('intruder')
    .setIssuer(options.issuer ?? DEFAULT_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '1h')
    .sign(key);
}

const unsigned = (claims: Record<string, unknown>) => {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: 'x', roles: ['HOME_AFFAIRS'], iss: DEFAULT_ISSUER, aud: DEFAULT_AUDIENCE, exp: Math.floor(Date.now() / 1000) + 3600, ...claims })}.`;
};

describe('tokens are verified at the gateway and again at every subgraph', async () => {
  const { privateKey: strangerKey } = await generateKeyPair('ES256');
  const bad: Record<string, () => Promise<string>> = {
    'a bad signature': () => signed({ roles: ['HOME_AFFAIRS'] }, { key: strangerKey }),
    'a wrong issuer': () => signed({ roles: ['HOME_AFFAIRS'] }, { issuer: 'https://evil.example' }),
    'a wrong audience': () => signed({ roles: ['HOME_AFFAIRS'] }, { audience: 'someone-else' }),
    'an expired token': () => signed({ roles: ['HOME_AFFAIRS'] }, { exp: Math.floor(Date.now() / 1000) - 60 }),
    'alg: none': async () => unsigned({}),
    'an unknown role': () => signed({ roles: ['SUPERUSER'] }),
  };
  for (const [what, make] of Object.entries(bad)) {
    it(`refuses ${what} with UNAUTHENTICATED at the gateway`, async () => {
      const response = await viaGateway(QUERY, {}, await make());
      expect(response.status).toBe(401);
      expectError(response, 'UNAUTHENTICATED');
    });
    it(`refuses ${what} with UNAUTHENTICATED at a subgraph called directly`, async () => {
      for (const subgraph of ['organizations', 'reform-index', 'evaluations'] as const) {
        expectError(await direct(subgraph, QUERY.replace('organizationByCode(code: "NONE") { id }', '__typename'), {}, await make()), 'UNAUTHENTICATED');
      }
    });
  }

  it('lets anonymous callers read public data through the gateway', async () => {
    const response = await viaGateway(QUERY);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ organizationByCode: null });
  });
});

describe('a subgraph answers only the gateway or a caller with a valid token', () => {
  it('refuses an anonymous direct call', async () => {
    const response = await direct('organizations', QUERY);
    expect(response.status).toBe(401);
    expectError(response, 'UNAUTHENTICATED');
  });

  it('answers a direct call with a valid token', async () => {
    const response = await direct('organizations', QUERY, {}, await token('HOME_AFFAIRS'));
    expect(response.errors).toBeUndefined();
  });

  const ENTITIES = '{ _entities(representations: [{ __typename: "Organization", id: "00000000-0000-4000-8000-000000000000" }]) { __typename } }';
  it('refuses _entities and _service without the gateway signature, even with a valid non-service token', async () => {
    for (const subgraph of ['organizations', 'reform-index', 'evaluations'] as const) {
      expectError(await direct(subgraph, ENTITIES, {}, await token('HOME_AFFAIRS')), 'FORBIDDEN');
      expectError(await direct(subgraph, '{ _service { sdl } }', {}, await chairToken()), 'FORBIDDEN');
      expectError(await direct(subgraph, 'query { ...F } fragment F on Query { _service { sdl } }', {}, await token('PARTNER', { scope: 'organizations:read reform-index:read evaluations:read' })), 'FORBIDDEN');
      expectError(await direct(subgraph, ENTITIES), 'UNAUTHENTICATED');
    }
  });

  it('answers _entities for a SERVICE token', async () => {
    const response = await direct('organizations', ENTITIES, {}, await token('SERVICE'));
    expect(response.errors).toBeUndefined();
  });

  it('refuses a forged or replayed gateway signature', async () => {
    const url = platform().subgraphUrls.organizations;
    const body = JSON.stringify({ query: QUERY });
    const request = { method: 'POST', subgraph: 'organizations', target: '/graphql', authorization: null, body };
    const forged = signRequest('not-the-secret', request);
    expectError(await gql(url, QUERY, undefined, null, { 'x-gateway-signature': forged }), 'UNAUTHENTICATED');
    const stale = signRequest(platform().gatewaySecrets.organizations, request, Date.now() - 60 * 60 * 1000);
    expectError(await gql(url, QUERY, undefined, null, { 'x-gateway-signature': stale }), 'UNAUTHENTICATED');
  });
});
