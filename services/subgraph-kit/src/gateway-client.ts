import { DomainError } from './errors.js';

/**
 * Calls the gateway's public API with a SERVICE token, inside the request that needs the data (never at start-up,
 * so services start in any order). When the gateway cannot answer, the calling request fails clearly and, being
 * one transaction, writes nothing.
 */
export interface GatewayClient {
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export function createGatewayClient(options: { url?: string; serviceToken: () => Promise<string | null>; timeoutMs?: number }): GatewayClient {
  return {
    async query<T>(query: string, variables?: Record<string, unknown>) {
      if (!options.url) throw new DomainError('INTERNAL_SERVER_ERROR', 'This service has no GATEWAY_URL configured; it cannot read other subgraphs');
      const token = await options.serviceToken();
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        throw new DomainError('INTERNAL_SERVER_ERROR', `The platform gateway is unreachable (${(error as Error).name}); nothing was changed, retry later`, { dependency: 'gateway' });
      }
      const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | null;
      if (!body || body.errors?.length || !body.data) {
        const first = body?.errors?.[0];
        throw new DomainError('INTERNAL_SERVER_ERROR', `The platform gateway could not answer (${first?.extensions?.code ?? response.status}: ${first?.message ?? 'no data'}); nothing was changed, retry later`, { dependency: 'gateway' });
      }
      return body.data;
    },
  };
}
