import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The gateway signs every request it sends a subgraph; a subgraph trusts `_entities`/`_service` and anonymous
 * traffic only when the signature checks out. A signature over the body alone could be replayed as a GET carrying
 * another query in its URL, with another caller's token, or at another subgraph, so it binds the whole request.
 *
 * Header: `x-gateway-signature: v2,t=<unix ms>,s=<base64url HMAC-SHA256>`. The HMAC key is the secret shared by
 * the gateway and that one subgraph; the message is the canonical string, these lines joined by "\n":
 *
 *   par-gateway-signature/v2
 *   <t>                        the same milliseconds as in the header
 *   <METHOD>                   upper case; the gateway only POSTs, and subgraphs refuse any other signed method
 *   <subgraph>                 the target's name in the supergraph (`organizations`, `reform-index`, `evaluations`)
 *   <path>                     the request target's path, exactly as sent (`/graphql`)
 *   <query>                    the request target's query string without `?`, exactly as sent (usually empty)
 *   <authorization>            base64url SHA-256 of the Authorization header's value, or `-` when there is none
 *   <body>                     base64url SHA-256 of the body's bytes
 *
 * No field can hold a newline (the method, the name and the hashes cannot; an HTTP request target cannot), so the
 * string reads one way only. A signature is good for SIGNATURE_WINDOW_MS either side of its timestamp (the clocks
 * of gateway and subgraphs must agree to within a few seconds). A proxy between them must pass the path, query
 * string, Authorization header and body on unchanged.
 */
export const SIGNATURE_HEADER = 'x-gateway-signature';
export const SIGNATURE_WINDOW_MS = 60_000;
const VERSION = 'v2';

export interface SignedRequest {
  method: string;
  /** The subgraph the request is meant for. */
  subgraph: string;
  /** Path and query string as on the request line: `/graphql` or `/graphql?x=1`. */
  target: string;
  authorization: string | null | undefined;
  body: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url');

export function canonicalRequest(request: SignedRequest, timestamp: number): string {
  const at = request.target.indexOf('?');
  const path = at < 0 ? request.target : request.target.slice(0, at);
  const query = at < 0 ? '' : request.target.slice(at + 1);
  return [
    `par-gateway-signature/${VERSION}`,
    String(timestamp),
    request.method.toUpperCase(),
    request.subgraph,
    path,
    query,
    request.authorization ? sha256(request.authorization) : '-',
    sha256(request.body),
  ].join('\n');
}

const mac = (secret: string, request: SignedRequest, timestamp: number) =>
  createHmac('sha256', secret).update(canonicalRequest(request, timestamp)).digest('base64url');

export function signRequest(secret: string, request: SignedRequest, now = Date.now()): string {
  if (!secret) throw new Error('gateway signature: no secret');
  return `${VERSION},t=${now},s=${mac(secret, request, now)}`;
}

/**
 * True when the header is a current signature of exactly this request under one of the secrets (the current one
 * and, during a rotation, the previous one).
 */
export function verifyRequestSignature(secrets: readonly string[], request: SignedRequest, header: string | undefined, now = Date.now()): boolean {
  if (!header || request.method.toUpperCase() !== 'POST') return false;
  const match = /^v2,t=(\d{1,16}),s=([A-Za-z0-9_-]{43})$/.exec(header.trim());
  if (!match) return false;
  const t = Number(match[1]);
  if (Math.abs(now - t) > SIGNATURE_WINDOW_MS) return false;
  const given = Buffer.from(match[2]!);
  let good = false;
  // Every secret is tried (no early exit), so the time taken does not tell which one matched.
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = Buffer.from(mac(secret, request, t));
    if (expected.length === given.length && timingSafeEqual(expected, given)) good = true;
  }
  return good;
}
