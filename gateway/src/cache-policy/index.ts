export { CACHE_HINTS, type CacheClass, type CacheHint, type CacheHints } from './hints.js';
export { cachePolicy, holdsPendingNull, MAX_AGE, type CachePolicy } from './policy.js';
export { cacheControl, entityTag, ifNoneMatchHits, mergeVary, NO_STORE, PRIVATE_NO_STORE, VARY, type ResponseFacts } from './http-headers.js';
export { httpCachePlugin, serializeResult } from './plugin.js';
