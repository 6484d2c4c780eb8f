import { createHash } from 'node:crypto';
import type { CachePolicy } from './policy.js';

/**
 * Every GraphQL answer varies with the token (public vs private), the compression and the media type asked for
 * (Apollo answers `application/graphql-response+json` to those who prefer it, `application/json` to the others).
 */
export const VARY = ['Accept', 'Authorization', 'Accept-Encoding'];

export const NO_STORE = 'no-store';
export const PRIVATE_NO_STORE = 'private, no-store';

export interface ResponseFacts {
  method: string;
  /** The request carried an Authorization header (valid or not). */
  authorized: boolean;
  hasErrors: boolean;
  /** The data holds a null at one of the policy's pending paths. */
  pendingNull: boolean;
}

/**
 * The Cache-Control of one answer. A token or a private field: `private, no-store`. Only a GET is cacheable (a
 * POST is not a cacheable request in practice, and its answer is `no-store`); an error or a "not yet" null is never
 * kept. Otherwise the policy's class: published results a day, everything else a minute, revalidated after.
 */
export function cacheControl(policy: CachePolicy | null, facts: ResponseFacts): { value: string; cacheable: boolean } {
  if (facts.authorized || !policy || policy.scope === 'PRIVATE') return { value: PRIVATE_NO_STORE, cacheable: false };
  if (facts.method !== 'GET' || facts.hasErrors || facts.pendingNull) return { value: NO_STORE, cacheable: false };
  if (policy.cache === 'immutable') return { value: `public, max-age=${policy.maxAge}`, cacheable: true };
  return { value: `public, max-age=${policy.maxAge}, must-revalidate`, cacheable: true };
}

/** A strong validator of the exact body: sha256, base64url, quoted. */
export function entityTag(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/**
 * Whether an `If-None-Match` header names `tag`. Comparison is weak (RFC 9110 §13.1.2): a compressing proxy may
 * have turned the tag into `W/"…"`, and that is still the same body.
 */
export function ifNoneMatchHits(header: string | null | undefined, tag: string): boolean {
  if (!header) return false;
  const opaque = tag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const t = candidate.trim();
    return t === '*' || t.replace(/^W\//, '') === opaque;
  });
}

/** `Vary` with ours added to whatever another layer set, each name once. */
export function mergeVary(existing: string | null | undefined): string {
  const names = (existing ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  for (const name of VARY) if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  return names.join(', ');
}
