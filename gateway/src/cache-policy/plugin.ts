import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { CACHE_HINTS, type CacheHints } from './hints.js';
import { cacheControl, entityTag, ifNoneMatchHits, mergeVary } from './http-headers.js';
import { cachePolicy, holdsPendingNull, type CachePolicy } from './policy.js';

/**
 * The body of a single GraphQL answer. Given to ApolloServer as `stringifyResult` and used here for the ETag, so
 * the tag is computed over the very bytes sent (Apollo's own serializer, which this mirrors, is not exported).
 */
export function serializeResult(result: FormattedExecutionResult): string {
  return `${JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions })}\n`;
}

/**
 * HTTP caching of public answers, decided in one place for every HTTP front: Cache-Control from the fields the
 * operation touches (see hints.ts and policy.ts), Vary on every answer, and for a cacheable GET an ETag and a 304
 * when `If-None-Match` names it. The 304 is set as the answer's status; Node's HTTP server (and fastify, which
 * writes through it) sends no body with a 304, so the body is only emptied here to spare its serialization.
 *
 * The gateway must not also run Apollo's cache-control plugin (ApolloServerPluginCacheControlDisabled), which
 * would write its own header from the subgraphs' `no-store`.
 */
export function httpCachePlugin<TContext extends BaseContext>(hints: CacheHints = CACHE_HINTS): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, document, operationName, schema }) {
          const headers = response.http.headers;
          headers.set('vary', mergeVary(headers.get('vary')));
          const single = response.body.kind === 'single' ? response.body.singleResult : null;
          const method = (request.http?.method ?? 'POST').toUpperCase();
          const authorized = Boolean(request.http?.headers.get('authorization'));
          let policy: CachePolicy | null = null;
          try {
            // With a token the answer is private whatever it touches: no walk of the operation is needed.
            policy = !authorized && document && single ? cachePolicy(document, operationName, schema, hints) : null;
          } catch {
            // Not knowing is private (policy null): a fault here must cost the answer its cacheability, not the answer.
          }
          const decision = cacheControl(policy, {
            method,
            authorized,
            hasErrors: !single || Boolean(single.errors?.length) || single.data == null,
            // Only a GET can be kept, so only then is the answer's data walked for nulls that are pending.
            pendingNull: method === 'GET' && Boolean(policy && single && holdsPendingNull(single.data, policy.pendingPaths)),
          });
          headers.set('cache-control', decision.value);
          if (!decision.cacheable || !single || response.body.kind !== 'single') return;
          const tag = entityTag(serializeResult(single));
          headers.set('etag', tag);
          if (ifNoneMatchHits(request.http?.headers.get('if-none-match'), tag)) {
            response.http.status = 304;
            response.body.singleResult = {};
          }
        },
      };
    },
  };
}
