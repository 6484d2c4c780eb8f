import http from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import nodeFetch from 'node-fetch';
import { SIGNATURE_HEADER, signBody } from 'subgraph-kit/edge';
import type { GatewayContext } from './context.js';

/**
 * Every subgraph request carries the caller's token (subgraphs verify it again) and the gateway's HMAC signature
 * over the exact body sent, through keep-alive connections (a new TCP connection per fetch costs more than the
 * query on a small page).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 });

export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, secret: string) {
    super({
      url,
      fetcher: (async (input: string, init: { body?: string; headers?: unknown; method?: string }) => {
        const headers: Record<string, string> = {};
        const given = init.headers as { forEach?: (fn: (v: string, k: string) => void) => void } | Record<string, string> | undefined;
        if (given && typeof (given as { forEach?: unknown }).forEach === 'function') (given as { forEach: (fn: (v: string, k: string) => void) => void }).forEach((v, k) => { headers[k] = v; });
        else if (given) Object.assign(headers, given);
        headers[SIGNATURE_HEADER] = signBody(secret, init.body ?? '');
        return nodeFetch(input, { method: init.method, body: init.body, headers, agent });
      }) as never,
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const token = (context as Partial<GatewayContext>).token;
    if (token) request.http?.headers.set('authorization', `Bearer ${token}`);
  }
}
