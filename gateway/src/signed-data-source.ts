import http from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import nodeFetch, { Response as NodeResponse } from 'node-fetch';
import { DomainError, REQUEST_ID_HEADER, SIGNATURE_HEADER, signRequest } from 'subgraph-kit/edge';
import type { GatewayContext } from './context.js';

/**
 * Every subgraph request carries the caller's token (subgraphs verify it again) and the gateway's signature over
 * the exact request sent (method, subgraph, path and query, token, body, time: see kit auth/gateway-signature.ts)
 * with that subgraph's own secret, through keep-alive connections (a new TCP connection per fetch costs more than the
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
  constructor(url: string, secret: string, private readonly serviceName: string, timeoutMs = 25_000) {
    super({
      url,
      fetcher: (async (input: string, init: { body?: string; headers?: unknown; method?: string }) => {
        const headers: Record<string, string> = {};
        const given = init.headers as { forEach?: (fn: (v: string, k: string) => void) => void } | Record<string, string> | undefined;
        if (given && typeof (given as { forEach?: unknown }).forEach === 'function') (given as { forEach: (fn: (v: string, k: string) => void) => void }).forEach((v, k) => { headers[k.toLowerCase()] = v; });
        else if (given) for (const [k, v] of Object.entries(given)) headers[k.toLowerCase()] = v;
        const target = new URL(input);
        const method = (init.method ?? 'POST').toUpperCase();
        headers[SIGNATURE_HEADER] = signRequest(secret, {
          method, subgraph: serviceName, target: `${target.pathname}${target.search}`, authorization: headers.authorization, body: init.body ?? '',
        });
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), timeoutMs);
        try {
          const response = await nodeFetch(input, { method, body: init.body, headers, agent, signal: controller.signal as never });
          if (response.status === 502 || response.status === 503 || response.status === 504) {
            throw subgraphUnavailable(serviceName, `it answered HTTP ${response.status}`);
          }
          // A subgraph refuses some requests with a 4xx and a GraphQL body (a literal its scalar rejects, a token it
          // refuses): hand the body on as an answer, so the client gets the subgraph's code and message rather than
          // the gateway's bare "400: Bad Request".
          if (response.status >= 400 && response.status < 500) {
            const text = await response.text();
            let graphql = false;
            try { graphql = Array.isArray((JSON.parse(text) as { errors?: unknown }).errors); } catch { /* not GraphQL */ }
            return new NodeResponse(text, { status: graphql ? 200 : response.status, headers: response.headers });
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
    const { token, requestId } = context as Partial<GatewayContext>;
    if (token) request.http?.headers.set('authorization', `Bearer ${token}`);
    // Not covered by the signature, and need not be: it only ties log lines together, and the subgraph accepts
    // only a short id of safe characters.
    if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }

  /** Each fetch timed into the request's log line (see GatewayContext.subgraphTimings). */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]> {
    const timings = (options.context as Partial<GatewayContext> | undefined)?.subgraphTimings;
    if (!timings) return super.process(options);
    const started = performance.now();
    let failed = false;
    try {
      return await super.process(options);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      timings.push({ subgraph: this.serviceName, ms: Math.round((performance.now() - started) * 10) / 10, ...(failed ? { failed: true as const } : {}) });
    }
  }
}
