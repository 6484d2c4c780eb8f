import { afterAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import type { GatewayHandle } from 'gateway';
import { clientAddress, createRateLimiter, rateLimitFromEnv, type RateLimitOptions } from 'subgraph-kit';
import { token } from '../support/client.js';
import { testGateway } from '../support/gateway.js';

/**
 * Anonymous traffic is budgeted per client address at the gateway. The suite's shared gateway runs with the limit
 * off (it sends thousands of anonymous requests from one address); these tests start gateways of their own over
 * the same subgraphs, with small budgets.
 */
const gateways: GatewayHandle[] = [];
afterAll(async () => { for (const g of gateways) await g.stop(); });

async function gatewayWith(rateLimit: RateLimitOptions) {
  const gateway = await testGateway({ rateLimit });
  gateways.push(gateway);
  return gateway;
}

const ask = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ __typename }' }) });

describe('the anonymous rate limit', () => {
  it('serves a burst, then answers 429 RATE_LIMITED with Retry-After; a caller with a token is not counted', async () => {
    const { url } = await gatewayWith({ perMinute: 6, burst: 5 });
    for (let i = 0; i < 5; i++) expect((await ask(url)).status).toBe(200);
    const refused = await ask(url);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
    expect((await ask(url, { authorization: `Bearer ${await token('PARTNER', { scope: 'organizations:read' })}` })).status).toBe(200);
  });

  it('does not believe X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const { url } = await gatewayWith({ perMinute: 6, burst: 2 });
    for (let i = 0; i < 2; i++) expect((await ask(url, { 'x-forwarded-for': `203.0.113.${i}` })).status).toBe(200);
    expect((await ask(url, { 'x-forwarded-for': '203.0.113.99' })).status).toBe(429);
  });

  it('behind a trusted proxy, budgets each forwarded client apart', async () => {
    const { url } = await gatewayWith({ perMinute: 6, burst: 2, trustProxy: ['127.0.0.1'] });
    for (let i = 0; i < 2; i++) expect((await ask(url, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(200);
    expect((await ask(url, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(429);
    expect((await ask(url, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(200);
    // A client cannot forge its way out by prepending addresses: the proxy's own entry is the one believed.
    expect((await ask(url, { 'x-forwarded-for': '10.9.9.9, 198.51.100.7' })).status).toBe(429);
  });
});

describe('the client table', () => {
  const request = (peer: string, forwarded?: string) =>
    ({ socket: { remoteAddress: peer }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as unknown as IncomingMessage;

  it('stays bounded however many addresses strangers use', () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 1, maxClients: 1_000, trustProxy: 1 });
    for (let i = 0; i < 20_000; i++) limiter.take(request('127.0.0.1', `192.0.${i >> 8}.${i & 255}`));
    expect(limiter.size()).toBe(1_000);
  });

  it('counts one IPv6 /64 as one client, and IPv4-mapped addresses as IPv4', () => {
    expect(clientAddress(request('2001:db8:1:2:aaaa::1'), undefined)).toBe(clientAddress(request('2001:db8:1:2:bbbb::9'), undefined));
    expect(clientAddress(request('::ffff:192.0.2.1'), undefined)).toBe('192.0.2.1');
    expect(clientAddress(request('127.0.0.1', '203.0.113.5, 198.51.100.1'), 2)).toBe('203.0.113.5');
  });

  it('is configured from the environment, and can be switched off', () => {
    expect(rateLimitFromEnv({ RATE_LIMIT: 'off' })).toBeNull();
    expect(rateLimitFromEnv({ RATE_LIMIT_PER_MINUTE: '100', TRUST_PROXY: '10.0.0.1, 10.0.0.2' })).toMatchObject({ perMinute: 100, trustProxy: ['10.0.0.1', '10.0.0.2'] });
    expect(() => rateLimitFromEnv({ RATE_LIMIT_BURST: 'lots' })).toThrow(/RATE_LIMIT_BURST/);
  });
});
