import type { JWK } from 'jose';
import type { AuthSettings } from './tokens.js';
import { mintToken } from './tokens.js';

/**
 * The token a service presents when it reads another subgraph through the gateway. Production hands it in
 * (SERVICE_TOKEN, from the identity provider); development mints short-lived ones with the local key.
 */
export function serviceTokenProvider(options: { subgraph: string; auth: AuthSettings; staticToken?: string; privateJwk?: JWK }) {
  if (options.staticToken) return async () => options.staticToken!;
  if (!options.privateJwk) return async () => null;
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
