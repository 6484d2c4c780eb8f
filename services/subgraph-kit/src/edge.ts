/**
 * What a gateway needs from the kit: tokens, the gateway signature, errors, limits, the HTTP front, settings — and
 * none of the ORM, type-graphql, @apollo/subgraph or the embedded database, which `subgraph-kit` itself loads and a
 * gateway process would otherwise carry in memory for nothing.
 */
export * from './errors.js';
export * from './auth/caller.js';
export * from './auth/tokens.js';
export * from './auth/gateway-signature.js';
export * from './config.js';
export * from './server/http-server.js';
export * from './server/logger.js';
export * from './server/cors.js';
export * from './server/limits.js';
export * from './server/client-errors.js';
export * from './server/document-store.js';
export * from './server/rate-limit.js';
export * from './server/request-deadline.js';
export * from './server/request-shape.js';
export { bearerToken } from './request-caller.js';
