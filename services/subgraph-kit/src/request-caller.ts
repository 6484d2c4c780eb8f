import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, type Caller } from './auth/caller.js';
import { SIGNATURE_HEADER, verifyRequestSignature } from './auth/gateway-signature.js';
import type { TokenVerifier } from './auth/tokens.js';
import { forbidden, unauthenticated } from './errors.js';

export function bearerToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  return match[1]!;
}

/**
 * Who is calling a subgraph. A subgraph answers only the gateway (a signature over this very request) or a caller
 * with a valid token; a bad token is refused even through the gateway; a partner may call directly only the
 * subgraphs its scopes name. A signature that does not match the request is refused outright rather than ignored:
 * it is a replayed, altered or misdirected gateway request (or a gateway with the wrong secret), never a caller
 * who simply has a token.
 */
export async function resolveSubgraphCaller(options: {
  request: IncomingMessage;
  rawBody: string;
  subgraph: string;
  verify: TokenVerifier;
  /** The current gateway secret first; during a rotation also the previous one. */
  gatewaySecrets: readonly string[];
}): Promise<Caller> {
  const signature = options.request.headers[SIGNATURE_HEADER];
  let viaGateway = false;
  if (signature !== undefined) {
    viaGateway = verifyRequestSignature(options.gatewaySecrets, {
      method: options.request.method ?? '',
      subgraph: options.subgraph,
      target: options.request.url ?? '',
      authorization: options.request.headers.authorization,
      body: options.rawBody,
    }, Array.isArray(signature) ? undefined : signature);
    if (!viaGateway) throw unauthenticated('The gateway signature does not match this request (expired, altered, or meant for another service)');
  }
  const token = bearerToken(options.request);
  if (!token) {
    if (!viaGateway) throw unauthenticated('Anonymous callers go through the gateway; call this subgraph with a bearer token');
    return { ...ANONYMOUS, viaGateway: true };
  }
  const caller: Caller = { ...(await options.verify(token)), viaGateway };
  if (!viaGateway && caller.roles.includes('PARTNER') && !caller.roles.some((r) => r !== 'PARTNER')
      && !caller.scopes.includes(`${options.subgraph}:read`)) {
    throw forbidden(`This partner token has no ${options.subgraph}:read scope`);
  }
  return caller;
}
