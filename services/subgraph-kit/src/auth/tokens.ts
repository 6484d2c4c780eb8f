import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { mkdirSync, readFileSync, writeFileSync, existsSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { ROLES, type Caller, type Role } from './caller.js';
import { unauthenticated } from '../errors.js';

export interface AuthSettings {
  issuer: string;
  audience: string;
  /** Pinned algorithm: tokens signed with anything else (including `none`) are refused. */
  algorithm: 'ES256' | 'RS256';
  /** Production: the identity provider's key set. */
  jwksUrl?: string;
  /** Development and tests: the public half of the local signing key. */
  publicJwk?: JWK;
  /**
   * Public keys of the services' own signing keys (development, tests, or a deployment without an identity
   * provider for service identities). A key here proves a SERVICE token only: see `serviceNameOfKid`.
   */
  servicePublicJwks?: JWK[];
}

/**
 * A service key's `kid` names the one service it speaks for: `service:<name>`, optionally followed by `#<anything>`
 * (a generation, for rotation). A token signed with it is accepted only as `{ sub: "service:<name>", roles:
 * ["SERVICE"] }`, with no `org` and no `scope`: a leaked service key never yields a user's powers.
 */
export const SERVICE_KID_PREFIX = 'service:';
export function serviceNameOfKid(kid: string | undefined): string | null {
  if (!kid?.startsWith(SERVICE_KID_PREFIX)) return null;
  const name = kid.slice(SERVICE_KID_PREFIX.length).split('#')[0]!;
  return /^[a-z][a-z0-9-]{0,62}$/.test(name) ? name : null;
}

export type TokenVerifier = (token: string) => Promise<Omit<Caller, 'viaGateway'>>;

export function createTokenVerifier(settings: AuthSettings): TokenVerifier {
  const keys = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl))
    : settings.publicJwk
      ? createLocalJWKSet({ keys: [{ ...settings.publicJwk, alg: settings.algorithm }] })
      : null;
  if (!keys) throw new Error('auth: set AUTH_JWKS_URL (production) or AUTH_PUBLIC_JWK (development)');
  const serviceJwks = (settings.servicePublicJwks ?? []).filter((k) => serviceNameOfKid(k.kid) !== null);
  const serviceKids = new Set(serviceJwks.map((k) => k.kid!));
  const serviceKeys = serviceJwks.length ? createLocalJWKSet({ keys: serviceJwks.map((k) => ({ ...k, alg: settings.algorithm })) }) : null;
  return async (token) => {
    let payload: JWTPayload;
    let serviceName: string | null;
    try {
      // A token naming a service key is checked against the service keys alone, never the user keys, so the
      // claim rules below cannot be dodged by picking the key set.
      const kid = serviceKeys ? decodeProtectedHeader(token).kid : undefined;
      serviceName = kid !== undefined && serviceKids.has(kid) ? serviceNameOfKid(kid) : null;
      ({ payload } = await jwtVerify(token, serviceName ? serviceKeys! : keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: [settings.algorithm],
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      const reason = (error as { code?: string }).code ?? 'ERR_JWT_INVALID';
      throw unauthenticated(`The bearer token was refused (${reason})`);
    }
    const roles = Array.isArray(payload.roles) ? payload.roles : [];
    if (!roles.every((r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r))) {
      throw unauthenticated('The bearer token names an unknown role');
    }
    if (serviceName !== null && (payload.sub !== `service:${serviceName}` || roles.length !== 1 || roles[0] !== 'SERVICE'
        || payload.org !== undefined || payload.scope !== undefined)) {
      throw unauthenticated('A service key signs only its own service\'s SERVICE token');
    }
    const scope = typeof payload.scope === 'string' ? payload.scope.split(/\s+/).filter(Boolean) : [];
    return {
      sub: String(payload.sub),
      org: typeof payload.org === 'string' ? payload.org : null,
      roles,
      scopes: scope,
      anonymous: false,
      token,
    };
  };
}

export interface SigningKey {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function generateSigningKey(algorithm: 'ES256' | 'RS256' = 'ES256', kid = `dev-${Date.now().toString(36)}`): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(algorithm, { extractable: true });
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: algorithm },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: algorithm },
  };
}

/** Development: the local key pair is made on first start and kept (owner-readable only) in `dir`. */
export async function loadOrCreateSigningKey(dir: string): Promise<SigningKey> {
  const file = path.join(dir, 'dev-signing-key.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SigningKey;
  mkdirSync(dir, { recursive: true });
  const key = await generateSigningKey();
  writeFileSync(file, JSON.stringify(key, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

export interface TokenClaims {
  sub: string;
  roles: Role[];
  org?: string | null;
  scope?: string | null;
  expiresIn?: string;
}

/** Signs a token with a local key (development tokens, a service's own SERVICE tokens, tests). */
export async function mintToken(key: SigningKey, settings: Pick<AuthSettings, 'issuer' | 'audience' | 'algorithm'>, claims: TokenClaims) {
  const privateKey = await importJWK(key.privateJwk, settings.algorithm);
  const body: JWTPayload = { roles: claims.roles };
  if (claims.org) body.org = claims.org;
  if (claims.scope) body.scope = claims.scope;
  return new SignJWT(body)
    .setProtectedHeader({ alg: settings.algorithm, kid: key.privateJwk.kid })
    .setSubject(claims.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '8h')
    .sign(privateKey);
}
