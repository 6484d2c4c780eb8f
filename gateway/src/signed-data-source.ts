import http from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import nodeFetch from 'node-fetch';
import { DomainError, SIGNATURE_HEADER, signBody } from 'subgraph-kit/edge';
import type { GatewayContext } from './context.js';

/**
 * Every subgraph request carries the caller's token (subgraphs verify it again) and the gateway's HMAC signature
 * over the exact body sent, through keep-alive connections (a new TCP connection per fetch costs more than the
 * query on a small page).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 });

/**
 * A subgraph that is down, restarting or hanging costs the client only the fields it serves: the rest of the
 * answer comes back with one clear error naming the missing service (no URL, no socket detail).
 */
export const subgraphUnavailable = (serviceName: string, why: string) =>
  new DomainError('INTERNAL_SERVER_ERROR', `The ${serviceName} service is unavailable (${why}); the fields it serves are missing from this answer. Retry later.`, { serviceName });

export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, secret: string, serviceName: string, timeoutMs = 25_000) {
    super({
      url,
      fetcher: (async (input: string, init: { body?: string; headers?: unknown; method?: string }) => {
        const headers: Record<string, string> = {};
        const given = init.headers as { forEach?: (fn: (v: string, k: string) => void) => void } | Record<string, string> | undefined;
        if (given && typeof (given as { forEach?: unknown }).forEach === 'function') (given as { forEach: (fn: (v: string, k: string) => void) => void }).forEach((v, k) => { headers[k] = v; });
        else if (given) Object.assign(headers, given);
        headers[SIGNATURE_HEADER] = signBody(secret, init.body ?? '');
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), timeoutMs);
        try {
          const response = await nodeFetch(input, { method: init.method, body: init.body, headers, agent, signal: controller.signal as never });
          if (response.status === 502 || response.status === 503 || response.status === 504) {
            throw subgraphUnavailable(serviceName, `it answered HTTP ${response.status}`);
          }
          return response;
        } catch (error) {
          if (error instanceof DomainError) throw error;
          throw subgraphUnavailable(serviceName, controller.signal.aborted ? `no answer within ${timeoutMs} ms` : 'it cannot be reached');
        } finally {
          clearTimeout(timer);
        }
      }) as never,
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const token = (context as Partial<GatewayContext>).token;
    if (token) request.http?.headers.set('authorization', `Bearer ${token}`);
  }
}
