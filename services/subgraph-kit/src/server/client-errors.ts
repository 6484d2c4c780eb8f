import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { DomainError } from '../errors.js';

/** Codes that always mean the request itself was wrong, never the server. */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'BAD_REQUEST', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'UNAUTHENTICATED', 'FORBIDDEN']);

/**
 * A client's mistake is answered 4xx with its code, whatever part of the pipeline caught it. Without this, a
 * subscription (no schema here has any) reached graphql-js and came back as a masked INTERNAL_SERVER_ERROR, and a
 * limit refused while parsing (graphql-armor's token count) came back with HTTP 500.
 */
export const clientErrors: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
          throw new DomainError('BAD_USER_INPUT', 'query: subscriptions are not offered by this API; use a query', { field: 'query', http: { status: 400 } });
        }
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { errors, data } = response.body.singleResult;
        const status = response.http.status ?? 200;
        if (status >= 500 && data == null && errors?.length && errors.every((e) => CLIENT_CODES.has(String(e.extensions?.code)))) {
          const code = String(errors[0]!.extensions?.code);
          response.http.status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 400;
        }
      },
    };
  },
};
