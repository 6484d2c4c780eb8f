import { randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import type { AuthSettings, SigningKey } from './tokens.js';
import { generateSigningKey, mintToken, SERVICE_KID_PREFIX, serviceNameOfKid } from './tokens.js';

/**
 * The token a service presents when it reads another subgraph through the gateway. Production hands it in
 * (SERVICE_TOKEN, from the identity provider); otherwise the service mints short-lived ones with a key of its own
 * (SERVICE_PRIVATE_JWK), never with the key that signs user tokens, which no service holds.
 */
export function serviceTokenProvider(options: { subgraph: string; auth: AuthSettings; staticToken?: string; privateJwk?: JWK }) {
  if (options.staticToken) return async () => options.staticToken!;
  if (!options.privateJwk) return async () => null;
  if (serviceNameOfKid(options.privateJwk.kid) !== options.subgraph) {
    throw new Error(`SERVICE_PRIVATE_JWK: its kid must be "${SERVICE_KID_PREFIX}${options.subgraph}" (optionally followed by #generation)`);
  }
  let cached: { token: string; until: number } | null = null;
  return async () => {
    if (cached && cached.until > Date.now()) return cached.token;
    const token = await mintToken({ privateJwk: options.privateJwk!, publicJwk: {} }, options.auth, {
      sub: `service:${options.subgraph}`, roles: ['SERVICE'], expiresIn: '10m',
    });
    cached = { token, until: Date.now() + 8 * 60 * 1000 };
    return token;
  };
}

/** A fresh key pair for one service's own SERVICE tokens; its public half goes into every SERVICE_PUBLIC_JWKS. */
export function generateServiceKey(subgraph: string, algorithm: 'ES256' | 'RS256' = 'ES256'): Promise<SigningKey> {
  return generateSigningKey(algorithm, `${SERVICE_KID_PREFIX}${subgraph}#${randomBytes(6).toString('base64url')}`);
}
