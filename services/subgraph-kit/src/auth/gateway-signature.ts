import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The gateway signs every subgraph request: HMAC-SHA256 over "<timestamp>.<body>" with a secret shared by the
 * gateway and the subgraphs. Subgraphs trust `_entities`/`_service` and anonymous traffic only when it checks out;
 * the timestamp bounds replay of a captured request to a few minutes.
 */
export const SIGNATURE_HEADER = 'x-gateway-signature';
const MAX_SKEW_MS = 5 * 60 * 1000;

export function signBody(secret: string, body: string, now = Date.now()): string {
  const mac = createHmac('sha256', secret).update(`${now}.${body}`).digest('base64url');
  return `t=${now},s=${mac}`;
}

export function verifyBodySignature(secret: string, body: string, header: string | undefined, now = Date.now()): boolean {
  if (!header || !secret) return false;
  const match = /^t=(\d{1,16}),s=([A-Za-z0-9_-]{43})$/.exec(header.trim());
  if (!match) return false;
  const t = Number(match[1]);
  if (Math.abs(now - t) > MAX_SKEW_MS) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('base64url'));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
