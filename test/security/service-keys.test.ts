import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, generateServiceKey, mintToken, type Role, type SigningKey } from 'subgraph-kit';
import { ROOT, startService, type ServiceProcess } from '../../scripts/platform.js';
import { expectError, gql, platform } from '../support/client.js';

/**
 * The key that signs user tokens stays with whoever issues them (the identity provider; `pnpm start`'s own process
 * in development). Each service signs its SERVICE tokens with a key of its own, and a service key proves nothing
 * but that one service: a stolen service key yields no user's powers and no other service's identity.
 */
const SETTINGS = { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, algorithm: 'ES256' as const };
const ENTITIES = '{ _entities(representations: [{ __typename: "Organization", id: "00000000-0000-4000-8000-000000000000" }]) { __typename } }';
const PEOPLE = '{ organizationByCode(code: "NONE") { id } }';

describe('no service process holds the key that signs user tokens', () => {
  it.runIf(existsSync('/proc/self/environ'))('each service was given its own service key and not the user-token key', () => {
    const userKey = JSON.parse(platform().privateJwk) as { d: string };
    const seen = new Set<string>();
    for (const [name, pid] of Object.entries(platform().pids)) {
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      expect(environ, name).not.toContain(userKey.d);
      expect(environ, name).not.toContain('AUTH_PRIVATE_JWK=');
      const own = /(?:^|\0)SERVICE_PRIVATE_JWK=([^\0]*)/.exec(environ)?.[1];
      if (name === 'gateway') {
        expect(own, 'the gateway mints nothing').toBeUndefined();
        continue;
      }
      const key = JSON.parse(own!) as { kid: string; d: string };
      expect(key.kid.startsWith(`service:${name}#`), name).toBe(true);
      seen.add(key.d);
    }
    expect(seen.size, 'three different service keys').toBe(3);
  });
});

describe('a service key signs only its own service\'s SERVICE token', () => {
  let child: ServiceProcess;
  let url: string;
  let evaluationsKey: SigningKey;
  const mintWith = (key: SigningKey, sub: string, roles: Role[], extra: { org?: string; scope?: string } = {}) =>
    mintToken(key, SETTINGS, { sub, roles, org: extra.org ?? null, scope: extra.scope ?? null, expiresIn: '5m' });

  beforeAll(async () => {
    // An organizations process of this file's own, trusting one service key that the test holds (the platform's
    // service keys live only in their processes).
    evaluationsKey = await generateServiceKey('evaluations');
    child = await startService('organizations-trusting-a-test-key', path.join(ROOT, 'services/organizations/src/main.ts'), 0, {
      NODE_ENV: 'production', ORGANIZATIONS_DATABASE_URL: platform().databaseUrls.organizations,
      GATEWAY_SECRET: randomBytes(32).toString('base64url'),
      AUTH_ISSUER: DEFAULT_ISSUER, AUTH_AUDIENCE: DEFAULT_AUDIENCE, AUTH_ALGORITHM: 'ES256', AUTH_PUBLIC_JWK: platform().publicJwk,
      SERVICE_PUBLIC_JWKS: JSON.stringify({ keys: [evaluationsKey.publicJwk] }),
    }, () => {});
    url = child.url;
  }, 120_000);
  afterAll(async () => { await child?.kill(); });

  it('accepts the service\'s own SERVICE token (it may read `_entities`)', async () => {
    const response = await gql(url, ENTITIES, {}, await mintWith(evaluationsKey, 'service:evaluations', ['SERVICE']));
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ _entities: [null] });
  });

  it('refuses a user\'s token signed with a service key', async () => {
    for (const roles of [['HOME_AFFAIRS'], ['CITY_CHAIR'], ['SERVICE', 'HOME_AFFAIRS'], ['ORG_HEAD']] as Role[][]) {
      const response = await gql(url, PEOPLE, {}, await mintWith(evaluationsKey, 'service:evaluations', roles, { org: roles.includes('ORG_HEAD') ? randomBytes(4).toString('hex') : undefined }));
      expect(response.status, roles.join()).toBe(401);
      expectError(response, 'UNAUTHENTICATED');
    }
    expectError(await gql(url, PEOPLE, {}, await mintWith(evaluationsKey, 'some-person', ['SERVICE'])), 'UNAUTHENTICATED');
  });

  it('refuses another service\'s identity, and any org or scope, on a service key', async () => {
    expectError(await gql(url, ENTITIES, {}, await mintWith(evaluationsKey, 'service:organizations', ['SERVICE'])), 'UNAUTHENTICATED');
    expectError(await gql(url, ENTITIES, {}, await mintWith(evaluationsKey, 'service:evaluations', ['SERVICE'], { org: '00000000-0000-4000-8000-000000000000' })), 'UNAUTHENTICATED');
    expectError(await gql(url, ENTITIES, {}, await mintWith(evaluationsKey, 'service:evaluations', ['SERVICE'], { scope: 'organizations:read' })), 'UNAUTHENTICATED');
  });

  it('cannot dodge the rules by leaving out the kid or borrowing it', async () => {
    const sign = async (key: SigningKey['privateJwk'], kid: string | undefined, roles: Role[]) =>
      new SignJWT({ roles }).setProtectedHeader({ alg: 'ES256', ...(kid ? { kid } : {}) }).setSubject('service:evaluations')
        .setIssuer(DEFAULT_ISSUER).setAudience(DEFAULT_AUDIENCE).setIssuedAt().setExpirationTime('5m').sign(await importJWK(key, 'ES256'));
    // A service key's token without its kid is checked against the user keys, and fails.
    expectError(await gql(url, PEOPLE, {}, await sign(evaluationsKey.privateJwk, undefined, ['HOME_AFFAIRS'])), 'UNAUTHENTICATED');
    expectError(await gql(url, PEOPLE, {}, await sign(evaluationsKey.privateJwk, 'dev-borrowed', ['HOME_AFFAIRS'])), 'UNAUTHENTICATED');
    // A token naming the service key's kid is checked against that key alone.
    expectError(await gql(url, PEOPLE, {}, await sign(JSON.parse(platform().privateJwk), evaluationsKey.publicJwk.kid, ['HOME_AFFAIRS'])), 'UNAUTHENTICATED');
  });

  it('a user token signed with the user key still works at the same process', async () => {
    const userKey = { privateJwk: JSON.parse(platform().privateJwk), publicJwk: JSON.parse(platform().publicJwk) };
    const response = await gql(url, PEOPLE, {}, await mintToken(userKey, SETTINGS, { sub: 'someone', roles: ['HOME_AFFAIRS'], expiresIn: '5m' }));
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ organizationByCode: null });
  });
});
