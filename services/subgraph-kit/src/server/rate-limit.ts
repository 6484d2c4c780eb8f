import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * A per-client budget for anonymous requests (a token bucket per client address). Callers with a token are known
 * to the identity provider and are not counted; anonymous traffic is the only kind anyone can send in bulk.
 *
 * Behind an ingress or load balancer every request comes from the proxy's address, so the client is read from
 * X-Forwarded-For — but only when the direct peer is a proxy we trust (`trustProxy`), otherwise anyone could name
 * any address. The table of clients is bounded: when full, the least recently seen client is forgotten (a
 * forgotten client starts again with a full bucket, which errs on the side of serving).
 */
export interface RateLimitOptions {
  /** Sustained requests a minute per client. */
  perMinute: number;
  /** Requests a client may send at once before the sustained rate applies. */
  burst: number;
  /**
   * Which peers are proxies whose X-Forwarded-For is believed: a number of hops (the client is that many entries
   * from the right), or a list of proxy addresses (the client is the right-most entry not in the list).
   */
  trustProxy?: number | string[];
  /** Clients remembered at once. */
  maxClients?: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perMinute: 1_200, burst: 300, maxClients: 100_000 };

/** `RATE_LIMIT=off`, `RATE_LIMIT_PER_MINUTE`, `RATE_LIMIT_BURST`, `TRUST_PROXY` (hops, or a comma-separated list). */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitOptions | null {
  if (/^(off|false|0|no)$/i.test(env.RATE_LIMIT ?? '')) return null;
  const number = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
    return value;
  };
  const trust = env.TRUST_PROXY?.trim();
  return {
    perMinute: number('RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT.perMinute),
    burst: number('RATE_LIMIT_BURST', DEFAULT_RATE_LIMIT.burst),
    maxClients: DEFAULT_RATE_LIMIT.maxClients,
    trustProxy: !trust ? undefined : /^\d+$/.test(trust) ? Number(trust) : trust.split(',').map((a) => a.trim()).filter(Boolean),
  };
}

const normalize = (address: string) => {
  const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  // One IPv6 subscriber holds a whole /64: counting each address apart would let it mint fresh budgets at will.
  if (isIP(plain) === 6) return plain.split(':').slice(0, 4).join(':') + '::/64';
  return plain;
};

/** The address of the client that sent the request, as far as the trusted proxies vouch for it. */
export function clientAddress(request: IncomingMessage, trustProxy: RateLimitOptions['trustProxy']): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (trustProxy === undefined) return normalize(peer);
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((a) => a.trim()).filter((a) => isIP(a));
  if (typeof trustProxy === 'number') {
    // The peer is the nearest proxy; each trusted hop appended the address it saw.
    if (trustProxy < 1 || forwarded.length === 0) return normalize(peer);
    return normalize(forwarded[Math.max(0, forwarded.length - trustProxy)]!);
  }
  const trusted = new Set(trustProxy.map(normalize));
  if (!trusted.has(normalize(peer))) return normalize(peer);
  for (let i = forwarded.length - 1; i >= 0; i--) if (!trusted.has(normalize(forwarded[i]!))) return normalize(forwarded[i]!);
  return normalize(forwarded[0] ?? peer);
}

export interface RateLimiter {
  /** Takes one request from the client's budget: null when allowed, else the seconds until the next is. */
  take(request: IncomingMessage, now?: number): number | null;
  /** Clients currently remembered (bounded by maxClients). */
  size(): number;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const perMs = options.perMinute / 60_000;
  const maxClients = options.maxClients ?? DEFAULT_RATE_LIMIT.maxClients!;
  // A Map iterates in insertion order: re-inserting on each visit keeps the least recently seen client first.
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(request, now = Date.now()) {
      const key = clientAddress(request, options.trustProxy);
      const bucket = buckets.get(key) ?? { tokens: options.burst, at: now };
      buckets.delete(key);
      bucket.tokens = Math.min(options.burst, bucket.tokens + (now - bucket.at) * perMs);
      bucket.at = now;
      let wait: number | null = null;
      if (bucket.tokens >= 1) bucket.tokens -= 1;
      else wait = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      buckets.set(key, bucket);
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
      return wait;
    },
    size: () => buckets.size,
  };
}
