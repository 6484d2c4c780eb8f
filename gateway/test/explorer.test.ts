import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExplorer, explorerEnabled, lazyExplorer, README_EXAMPLES, type Explorer } from '../src/explorer/index.js';

/** What the gateway's front sends for the explorer, request by request (the browser side: test/browser/explorer.test.ts). */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
let explorer: Explorer;
let scriptName: string;
let styleName: string;

describe('the explorer', () => {
  beforeAll(async () => {
    explorer = await createExplorer({ graphqlPath: '/graphql' });
    scriptName = /<script src="\/explorer\/([^"]+)"/.exec(explorer.page())![1]!;
    styleName = /<link rel="stylesheet" href="\/explorer\/([^"]+)"/.exec(explorer.page())![1]!;
  });

  it('is on in development and, in production, only with GRAPHIQL=on', () => {
    expect(explorerEnabled({ development: true, env: {} })).toBe(true);
    expect(explorerEnabled({ development: false, env: {} })).toBe(false);
    expect(explorerEnabled({ development: false, env: { GRAPHIQL: 'true' } })).toBe(false);
    expect(explorerEnabled({ development: false, env: { GRAPHIQL: 'on' } })).toBe(true);
  });

  it('answers a browser opening /graphql with the page, and leaves GraphQL clients to the API', () => {
    const page = explorer.respond({ method: 'GET', path: '/graphql', headers: { accept: BROWSER_ACCEPT } });
    expect(page?.status).toBe(200);
    expect(page?.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page?.headers.vary).toBe('Accept');
    for (const accept of [undefined, '*/*', 'application/json', 'application/graphql-response+json, application/json', 'application/json, text/html;q=0.5']) {
      expect(explorer.respond({ method: 'GET', path: '/graphql', headers: { accept } })).toBeUndefined();
    }
    expect(explorer.respond({ method: 'POST', path: '/graphql', headers: { accept: BROWSER_ACCEPT } })).toBeUndefined();
    expect(explorer.respond({ method: 'GET', path: '/other', headers: { accept: BROWSER_ACCEPT } })).toBeUndefined();
  });

  it('runs no inline script and loads nothing from another host, under a strict policy', () => {
    const html = explorer.page();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const policy = explorer.contentSecurityPolicy;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe');
    expect(explorer.pageHeaders['content-security-policy']).toBe(policy);
  });

  it('carries the README examples, escaped into an attribute', () => {
    const config = /data-config="([^"]*)"/.exec(explorer.page())![1]!;
    const decoded = JSON.parse(config.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    expect(decoded).toEqual({ graphqlPath: '/graphql', examples: README_EXAMPLES });
    expect(README_EXAMPLES.map((example) => example.query).join('\n')).toContain('organizationByCode(code: "STC")');
  });

  it('escapes what examples hold, so no example text can open a tag', async () => {
    const hostile = await createExplorer({ graphqlPath: '/graphql', examples: [{ title: '"><script>alert(1)</script>', query: '{ __typename }' }] });
    expect(hostile.page()).not.toContain('<script>alert');
    expect(hostile.page().match(/<script/g)).toHaveLength(1);
  });

  it('serves its assets compressed as the client accepts, named by content, cached for good and revalidated', () => {
    for (const name of [scriptName, styleName]) {
      const asset = explorer.asset(name)!;
      const br = explorer.respond({ method: 'GET', path: `/explorer/${name}`, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } })!;
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.headers.vary).toBe('Accept-Encoding');
      expect(brotliDecompressSync(br.body).equals(asset.body)).toBe(true);
      // The stylesheet holds GraphiQL's fonts as base64, which compresses little; the script compresses well.
      expect(br.body.length).toBeLessThan(asset.body.length * (name === scriptName ? 0.4 : 0.8));

      const gzip = explorer.respond({ method: 'GET', path: `/explorer/${name}`, headers: { 'accept-encoding': 'gzip' } })!;
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.body).equals(asset.body)).toBe(true);

      const plain = explorer.respond({ method: 'GET', path: `/explorer/${name}`, headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } })!;
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(asset.body)).toBe(true);

      const again = explorer.respond({ method: 'GET', path: `/explorer/${name}`, headers: { 'if-none-match': br.headers.etag } })!;
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
    expect(explorer.asset(scriptName)!.contentType).toBe('text/javascript; charset=utf-8');
    expect(explorer.asset(styleName)!.contentType).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for any other name under its path, whatever it is called', () => {
    for (const name of ['explorer.js', '__proto__', 'constructor', '../package.json', `${scriptName}x`]) {
      expect(explorer.respond({ method: 'GET', path: `/explorer/${name}`, headers: {} })?.status).toBe(404);
    }
    expect(explorer.asset('__proto__')).toBeUndefined();
  });

  it('built lazily, says "not mine" without building and serves the same page once built', async () => {
    const lazy = lazyExplorer({ graphqlPath: '/graphql' });
    expect(await lazy.respond({ method: 'POST', path: '/graphql', headers: {} })).toBeUndefined();
    const page = await lazy.respond({ method: 'GET', path: '/graphql', headers: { accept: BROWSER_ACCEPT } });
    expect(page?.body.toString()).toBe(explorer.page());
  });
});
