import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import zlib from 'node:zlib';
import { corsFromEnv, createLogger, startHttpServer } from 'subgraph-kit';
import { logLinesOf, ok, platform, serviceLogs, token } from '../support/client.js';
import { testGateway } from '../support/gateway.js';

/**
 * The gateway's and subgraphs' HTTP front as a browser, a log reader and a client on a slow network meet it: CORS,
 * request ids that tie the gateway's log line to each subgraph's, no secret in any line, compression, the paths
 * it answers, and the extension points other modules build on. Real HTTP throughout.
 */
const closers: (() => Promise<void>)[] = [];
afterAll(async () => { for (const close of closers.reverse()) await close(); });

/** A raw HTTP exchange: what fetch would hide (the compressed bytes, the exact headers). */
function exchange(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

const preflight = (url: string, origin: string) => exchange(url, {
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-request-id' },
});

describe('CORS', () => {
  it('the gateway answers a preflight from an allowed origin (development: a localhost page) with the headers a browser needs', async () => {
    const answer = await preflight(platform().gatewayUrl, 'http://localhost:5173');
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const allowed = String(answer.headers['access-control-allow-headers']).split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'apollo-require-preflight', 'x-request-id']));
    expect(String(answer.headers['access-control-allow-methods'])).toMatch(/POST/);
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();

    const actual = await exchange(platform().gatewayUrl, {
      method: 'POST', headers: { origin: 'http://127.0.0.1:8080', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(actual.status).toBe(200);
    expect(actual.headers['access-control-allow-origin']).toBe('http://127.0.0.1:8080');
    expect(actual.headers['access-control-expose-headers']).toMatch(/x-request-id/);
  });

  it('a page on an origin not allowed gets no Access-Control-Allow-Origin, for the preflight or the request', async () => {
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'null']) {
      const answer = await preflight(platform().gatewayUrl, origin);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      const actual = await exchange(platform().gatewayUrl, {
        method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(actual.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('in production only CORS_ORIGINS are allowed, localhost pages no longer', async () => {
    const gateway = await testGateway({
      cors: corsFromEnv({ CORS_ORIGINS: 'https://app.example.gov.vn, https://dashboard.example.gov.vn' }, false),
    });
    closers.push(() => gateway.stop());
    const allowed = await preflight(gateway.url, 'https://dashboard.example.gov.vn');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://dashboard.example.gov.vn');
    const local = await preflight(gateway.url, 'http://localhost:5173');
    expect(local.headers['access-control-allow-origin']).toBeUndefined();
    expect(() => corsFromEnv({ CORS_ORIGINS: 'app.example.gov.vn/path' }, false)).toThrow(/CORS_ORIGINS/);
  });

  it('a subgraph answers no browser origin: no CORS header, the preflight refused', async () => {
    for (const url of Object.values(platform().subgraphUrls)) {
      const answer = await preflight(url, 'http://localhost:5173');
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      const actual = await exchange(url, { method: 'POST', headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(actual.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});

describe('one request id ties the log lines together, and no line holds a secret', () => {
  it('the id a client sends comes back, is in the gateway line and in the subgraph line, with roles and org but no token', async () => {
    const requestId = `front-door-${randomBytes(6).toString('hex')}`;
    const bearer = await token('ORG_STAFF', { org: '00000000-0000-4000-8000-00000000f00d' });
    const response = await fetch(platform().gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: 'query FrontDoorProbe { organizationByCode(code: "NO-SUCH-CODE") { id name } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe(requestId);
    expect(ok(await response.json() as never)).toEqual({ organizationByCode: null });

    const [gatewayLine] = await logLinesOf('gateway', (l) => l.requestId === requestId && l.msg === 'request');
    expect(gatewayLine).toMatchObject({
      service: 'gateway', method: 'POST', path: '/graphql', status: 200, operation: 'FrontDoorProbe',
      roles: ['ORG_STAFF'], org: '00000000-0000-4000-8000-00000000f00d',
    });
    expect(gatewayLine!.ms).toBeGreaterThan(0);
    expect(gatewayLine!.subgraphs).toEqual([expect.objectContaining({ subgraph: 'organizations', ms: expect.any(Number) })]);

    const [subgraphLine] = await logLinesOf('organizations', (l) => l.requestId === requestId && l.msg === 'request');
    expect(subgraphLine).toMatchObject({ service: 'organizations', status: 200, roles: ['ORG_STAFF'], via: 'gateway' });

    const everything = (await Promise.all((['gateway', 'organizations', 'reform-index', 'evaluations'] as const).map(serviceLogs))).flat();
    expect(everything.length).toBeGreaterThan(10);
    const signature = bearer.split('.')[2]!;
    expect(everything.filter((line) => line.includes(signature) || line.includes(bearer))).toEqual([]);
  });

  it('an unsafe or oversized id is replaced by a fresh one, never printed', async () => {
    for (const sent of ['two words', 'x'.repeat(200), 'line\\nbreak', '<script>']) {
      const response = await fetch(platform().gatewayUrl, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': sent }, body: JSON.stringify({ query: '{ __typename }' }),
      });
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(id).not.toBe(sent);
    }
  });

  it('the capability in a /files/ path never reaches a log line', async () => {
    const capability = `cap${randomBytes(16).toString('hex')}`;
    const answer = await fetch(platform().gatewayUrl.replace('/graphql', `/files/${capability}/report.pdf?download=1`));
    const requestId = answer.headers.get('x-request-id')!;
    const [line] = await logLinesOf('gateway', (l) => l.requestId === requestId);
    expect(line).toMatchObject({ path: '/files/[redacted]', status: answer.status });
    expect((await serviceLogs('gateway')).filter((l) => l.includes(capability))).toEqual([]);
  });

  it('a 5xx is logged with its stack, and the client gets none', async () => {
    const lines: string[] = [];
    const server = await startHttpServer({
      apollo: { assertStarted: () => {}, executeHTTPGraphQLRequest: async () => { throw new Error('the resolver layer broke'); }, stop: async () => {} } as never,
      port: 0,
      context: async () => ({}),
      logger: createLogger('probe', { level: 'info', pretty: false }, { write: (line) => void lines.push(line) }),
    });
    closers.push(() => server.stop());
    const answer = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ broken }"}' });
    expect(answer.status).toBe(500);
    const text = await answer.text();
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(text).not.toMatch(/resolver layer|at /);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, any>);
    expect(logged.find((l) => l.err)?.err.stack).toMatch(/the resolver layer broke\n\s+at /);
    expect(logged.find((l) => l.msg === 'request failed')).toMatchObject({ status: 500, level: 50, requestId: answer.headers.get('x-request-id') });
  });
});

describe('compression and paths', () => {
  it('an answer over 1 kB comes back gzip or br when asked, and decodes to the same JSON', async () => {
    const body = JSON.stringify({ query: '{ __schema { types { name kind } } }' });
    const send = (encoding?: string) => exchange(platform().gatewayUrl, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(encoding ? { 'accept-encoding': encoding } : {}) }, body,
    });
    const plain = await send();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const expected = JSON.parse(plain.body.toString('utf8'));
    const gzip = await send('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.length).toBeLessThan(plain.body.length);
    expect(JSON.parse(zlib.gunzipSync(gzip.body).toString('utf8'))).toEqual(expected);
    const br = await send('br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(br.body).toString('utf8'))).toEqual(expected);
    // A short answer is not worth compressing.
    const small = await exchange(platform().gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' }, body: '{"query":"{ __typename }"}' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('GraphQL answers on /graphql only; /health, /ready and /metrics answer beside it', async () => {
    const base = platform().gatewayUrl.replace(/\/graphql$/, '');
    const atRoot = await fetch(`${base}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(atRoot.status).toBe(404);
    expect(((await atRoot.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { subgraphs: { name: string; reachable: boolean }[] }).subgraphs.map((s) => s.reachable)).toEqual([true, true, true]);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^http_requests_total \d+$/m);
    expect(metrics).toMatch(/^http_request_duration_seconds_bucket\{route="\/graphql",status="200",le="0.1"\} \d+$/m);
  });

  it('other modules can add routes, and take GET /graphql from a browser away from Apollo', async () => {
    const apollo = {
      assertStarted: () => {},
      executeHTTPGraphQLRequest: async () => ({ status: 200, headers: new Map([['content-type', 'application/json']]), body: { kind: 'complete', string: '{"data":{"ok":true}}' } }),
      stop: async () => {},
    };
    const server = await startHttpServer({
      apollo: apollo as never,
      port: 0,
      context: async () => ({}),
      compress: true,
      extend: (app) => { app.get('/explorer/app.js', async (_request, reply) => reply.type('text/javascript').send(`// ${'x'.repeat(4000)}`)); },
      htmlPage: (_request, reply) => reply.type('text/html').send('<!doctype html><title>explorer</title>'),
    });
    closers.push(() => server.stop());
    const page = await fetch(server.url, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<title>explorer</title>');
    const graphql = await fetch(`${server.url}?query=${encodeURIComponent('{ ok }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await graphql.json()).toEqual({ data: { ok: true } });
    const asset = await exchange(server.url.replace('/graphql', '/explorer/app.js'), { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
  });
});
