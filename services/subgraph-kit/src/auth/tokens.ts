import { createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
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
}

export type TokenVerifier = (token: string) => Promise<Omit<Caller, 'viaGateway'>>;

export function createTokenVerifier(settings: AuthSettings): TokenVerifier {
  const keys = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl))
    : settings.publicJwk
      ? createLocalJWKSet({ keys: [{ ...settings.publicJwk, alg: settings.algorithm }] })
      : null;
  if (!keys) throw new Error('auth: set AUTH_JWKS_URL (production) or AUTH_PUBLIC_JWK (development)');
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
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

export async function generateSigningKey(algorithm: 'ES256' | 'RS256' = 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(algorithm, { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
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

/** Signs a token with the local key (development tokens, service tokens, tests). */
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
