import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type GatewayHandle } from 'gateway';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, SIGNATURE_HEADER, SIGNATURE_WINDOW_MS, signRequest } from 'subgraph-kit';
import { ROOT, startService, type ServiceProcess } from '../../scripts/platform.js';
import { gql, ok, platform, token } from '../support/client.js';

/**
 * The gateway's signature is captured off the wire and replayed. A gateway of this file's own (the real code,
 * `createGateway`, with the platform's per-subgraph secrets) sends its subgraph requests through a recorder that
 * keeps each request as sent and forwards it to the real subgraph; then every way of reusing a capture is tried
 * against the real subgraphs. Only the untouched request, within its minute, is answered.
 */
type Subgraph = 'organizations' | 'reform-index' | 'evaluations';
const SUBGRAPHS: Subgraph[] = ['organizations', 'reform-index', 'evaluations'];

interface Captured { method: string; target: string; headers: Record<string, string>; body: string }
interface Recorder { url: string; forwardTo: string | null; captured: Captured[]; close(): Promise<void> }

async function recorder(forwardTo: string | null): Promise<Recorder> {
  const state: Recorder = { url: '', forwardTo, captured: [], close: async () => {} };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    state.captured.push({ method: req.method!, target: req.url!, headers, body });
    if (!state.forwardTo) {
      res.writeHead(503, { 'content-type': 'application/json' });
      return res.end('{"errors":[{"message":"recorder only"}]}');
    }
    const answer = await send(state.forwardTo, { method: req.method!, target: req.url!, headers, body });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.text);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  state.close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
  return state;
}

interface Answer { status: number; text: string; json: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] } }

/** Sends a request exactly as given (a GET may carry a body, as in the original attack) to the server of `base`. */
function send(base: string, request: Captured): Promise<Answer> {
  const url = new URL(base);
  const headers = { ...request.headers };
  for (const name of ['host', 'content-length', 'connection', 'transfer-encoding']) delete headers[name];
  if (request.body) headers['content-length'] = String(Buffer.byteLength(request.body));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: request.method, path: request.target, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Answer['json'] = {};
        try { json = JSON.parse(text) as Answer['json']; } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, text, json });
      });
    });
    req.on('error', reject);
    if (request.body) req.write(request.body);
    req.end();
  });
}

const SERVICE_SDL = '{ _service { sdl } }';
const ENTITIES = '{ _entities(representations: [{ __typename: "Organization", id: "00000000-0000-4000-8000-000000000000" }]) { __typename } }';
const withQuery = (query: string) => `/graphql?query=${encodeURIComponent(query)}`;

function expectRefused(answer: Answer, what: string) {
  expect(answer.text, `${what}: _service must not be answered`).not.toContain('"sdl"');
  expect(answer.json.data?._service ?? null, what).toBeNull();
  expect(answer.json.data?._entities ?? null, what).toBeNull();
  const code = answer.json.errors?.[0]?.extensions?.code;
  expect(['UNAUTHENTICATED', 'FORBIDDEN'], `${what}: got ${answer.status} ${answer.text.slice(0, 300)}`).toContain(code);
}

const supergraphSdl = readFileSync(path.join(ROOT, 'schema', 'supergraph.graphql'), 'utf8');
const auth = () => ({ issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, algorithm: 'ES256' as const, publicJwk: JSON.parse(platform().publicJwk) });
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => { for (const close of closers.reverse()) await close().catch(() => {}); });

let recorders: Record<Subgraph, Recorder>;
let gateway: GatewayHandle;
/** The organizations request the gateway sent for a HOME_AFFAIRS caller, and the one for an anonymous caller. */
let signedWithToken: Captured;
let signedAnonymous: Captured;
let original: Answer;

beforeAll(async () => {
  recorders = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s, await recorder(platform().subgraphUrls[s])]))) as Record<Subgraph, Recorder>;
  for (const r of Object.values(recorders)) closers.push(r.close);
  gateway = await createGateway({
    supergraphSdl,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s, recorders[s].url])),
    gatewaySecrets: platform().gatewaySecrets,
    auth: auth(),
    development: false,
  });
  closers.push(gateway.stop);
  const homeAffairs = await token('HOME_AFFAIRS', { sub: 'replay-victim' });
  ok(await gql(gateway.url, '{ organizationByCode(code: "NONE") { id } }', {}, homeAffairs));
  ok(await gql(gateway.url, '{ organizationByCode(code: "NONE-ANON") { id } }'));
  [signedWithToken, signedAnonymous] = recorders.organizations.captured;
  expect(signedWithToken!.headers.authorization).toBe(`Bearer ${homeAffairs}`);
  expect(signedWithToken!.headers[SIGNATURE_HEADER]).toMatch(/^v2,t=\d+,s=/);
  expect(signedAnonymous!.headers.authorization).toBeUndefined();
  original = await send(platform().subgraphUrls.organizations, signedWithToken!);
});

describe('a captured gateway request cannot be reused for anything else', () => {
  const organizations = () => platform().subgraphUrls.organizations;

  it('the untouched request, within its window, is still answered', async () => {
    expect(original.status).toBe(200);
    expect(original.json).toEqual({ data: { organizationByCode: null } });
    expect(await send(organizations(), signedAnonymous)).toMatchObject({ status: 200, json: { data: { organizationByCode: null } } });
  });

  it('refuses it re-sent as GET with the attacker\'s query in the URL (the body kept, as in the original attack)', async () => {
    for (const capture of [signedWithToken, signedAnonymous]) {
      for (const query of [SERVICE_SDL, ENTITIES]) {
        expectRefused(await send(organizations(), { ...capture, method: 'GET', target: withQuery(query) }), `GET ${query}`);
        expectRefused(await send(organizations(), { ...capture, method: 'GET', target: withQuery(query), body: '' }), `GET ${query} without body`);
      }
    }
  });

  it('refuses it with another body, another path or another query string', async () => {
    for (const capture of [signedWithToken, signedAnonymous]) {
      expectRefused(await send(organizations(), { ...capture, body: JSON.stringify({ query: SERVICE_SDL }) }), 'another body');
      expectRefused(await send(organizations(), { ...capture, body: JSON.stringify({ query: ENTITIES }) }), 'another body (_entities)');
      // GraphQL answers on /graphql only: another path is not even GraphQL.
      for (const target of ['/', '/graphql/', '/GRAPHQL']) {
        const elsewhere = await send(organizations(), { ...capture, target });
        expect(elsewhere.status, `path ${target} instead of /graphql`).toBe(404);
        expect(elsewhere.text).not.toContain('"sdl"');
      }
      expectRefused(await send(organizations(), { ...capture, target: withQuery(SERVICE_SDL) }), 'a query string added');
    }
  });

  it('refuses it at another subgraph', async () => {
    for (const subgraph of ['reform-index', 'evaluations'] as const) {
      for (const capture of [signedWithToken, signedAnonymous]) {
        expectRefused(await send(platform().subgraphUrls[subgraph], capture), `replayed at ${subgraph}`);
        expectRefused(await send(platform().subgraphUrls[subgraph], { ...capture, body: JSON.stringify({ query: SERVICE_SDL }) }), `_service at ${subgraph}`);
      }
    }
  });

  it('refuses it with another Authorization header, or with none', async () => {
    const others = [await token('CITY_CHAIR', { sub: 'replay-attacker' }), await token('HOME_AFFAIRS', { sub: 'replay-attacker' }), await token('PARTNER', { scope: 'organizations:read' })];
    for (const other of others) {
      const answer = await send(organizations(), { ...signedWithToken, headers: { ...signedWithToken.headers, authorization: `Bearer ${other}` } });
      expectRefused(answer, 'another token');
      expect(answer.status).toBe(401);
    }
    const { authorization: _dropped, ...anonymousHeaders } = signedWithToken.headers;
    expectRefused(await send(organizations(), { ...signedWithToken, headers: anonymousHeaders }), 'the token removed');
    const homeAffairs = await token('HOME_AFFAIRS');
    expectRefused(await send(organizations(), { ...signedAnonymous, headers: { ...signedAnonymous.headers, authorization: `Bearer ${homeAffairs}` } }), 'a token added');
  });

  it('refuses a signature outside its window, either side; accepts one inside it', async () => {
    const secret = platform().gatewaySecrets.organizations;
    const request = { method: 'POST', subgraph: 'organizations', target: '/graphql', authorization: null, body: JSON.stringify({ query: SERVICE_SDL }) };
    const at = (ms: number): Captured => ({
      method: 'POST', target: '/graphql', body: request.body,
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signRequest(secret, request, Date.now() + ms) },
    });
    expectRefused(await send(organizations(), at(-SIGNATURE_WINDOW_MS - 5_000)), 'signed a minute ago and more');
    expectRefused(await send(organizations(), at(-60 * 60 * 1000)), 'signed an hour ago');
    expectRefused(await send(organizations(), at(SIGNATURE_WINDOW_MS + 5_000)), 'signed in the future');
    // Signed exactly as the gateway signs, inside the window: the gateway's own `_service` is answered.
    const fresh = await send(organizations(), at(-SIGNATURE_WINDOW_MS / 2));
    expect(fresh.status).toBe(200);
    expect(fresh.json.data?._service?.sdl).toContain('type Organization');
  });

  it('refuses the old body-only format and a v2 signature with an unknown version or trailing data', async () => {
    const header = signedWithToken.headers[SIGNATURE_HEADER]!;
    for (const variant of [header.replace(/^v2,/, ''), header.replace(/^v2,/, 'v3,'), `${header},x=1`, `${header} ${header}`]) {
      expectRefused(await send(organizations(), { ...signedWithToken, headers: { ...signedWithToken.headers, [SIGNATURE_HEADER]: variant } }), `header ${variant.slice(0, 20)}`);
    }
  });
});

describe('each subgraph has its own secret, and a secret can be rotated', () => {
  const newSecret = randomBytes(32).toString('base64url');
  let child: ServiceProcess;
  let rotating: string;

  beforeAll(async () => {
    // A second organizations process, configured as during a rotation: the new secret, and the platform's
    // (previous) one still accepted.
    child = await startService('organizations-rotating', path.join(ROOT, 'services/organizations/src/main.ts'), 0, {
      NODE_ENV: 'production', ORGANIZATIONS_DATABASE_URL: platform().databaseUrls.organizations,
      GATEWAY_SECRET: newSecret, GATEWAY_SECRET_PREVIOUS: platform().gatewaySecrets.organizations,
      AUTH_ISSUER: DEFAULT_ISSUER, AUTH_AUDIENCE: DEFAULT_AUDIENCE, AUTH_ALGORITHM: 'ES256', AUTH_PUBLIC_JWK: platform().publicJwk,
    }, () => {});
    closers.push(() => child.kill());
    rotating = child.url;
  }, 120_000);

  const sdlRequest = (secret: string, subgraph = 'organizations'): Captured => {
    const body = JSON.stringify({ query: SERVICE_SDL });
    return {
      method: 'POST', target: '/graphql', body,
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signRequest(secret, { method: 'POST', subgraph, target: '/graphql', authorization: null, body }) },
    };
  };

  it('the platform gives every subgraph a different secret', () => {
    const secrets = SUBGRAPHS.map((s) => platform().gatewaySecrets[s]);
    expect(new Set(secrets).size).toBe(3);
    // A secret of one subgraph signs for none of the others.
    for (const subgraph of SUBGRAPHS) {
      for (const other of SUBGRAPHS.filter((s) => s !== subgraph)) {
        expect(platform().gatewaySecrets[other]).not.toBe(platform().gatewaySecrets[subgraph]);
      }
    }
  });

  it('accepts both the new and the previous secret during a rotation, and no other', async () => {
    expect((await send(rotating, sdlRequest(newSecret))).json.data?._service?.sdl).toContain('type Organization');
    expect((await send(rotating, sdlRequest(platform().gatewaySecrets.organizations))).json.data?._service?.sdl).toContain('type Organization');
    expectRefused(await send(rotating, sdlRequest(randomBytes(32).toString('base64url'))), 'a third secret');
    expectRefused(await send(rotating, sdlRequest(platform().gatewaySecrets['reform-index'])), 'another subgraph\'s secret');
  });

  it('a gateway still signing with the previous secret is answered through the rotation', async () => {
    recorders.organizations.forwardTo = rotating;
    try {
      const response = await gql(gateway.url, '{ organizationByCode(code: "NONE") { id } }', {}, await token('HOME_AFFAIRS'));
      expect(ok(response)).toEqual({ organizationByCode: null });
    } finally {
      recorders.organizations.forwardTo = platform().subgraphUrls.organizations;
    }
  });

  it('with one secret shared by all subgraphs, a request signed for one is still refused by another', async () => {
    // The fallback configuration: one GATEWAY_SECRET for every subgraph. A real gateway signs a reform-index request
    // with it; the organizations process, which accepts that very secret, refuses the capture.
    const reformIndex = await recorder(null);
    closers.push(reformIndex.close);
    const shared = await createGateway({
      supergraphSdl,
      subgraphUrls: { organizations: rotating, 'reform-index': reformIndex.url, evaluations: reformIndex.url },
      gatewaySecret: newSecret,
      auth: auth(),
      development: false,
    });
    closers.push(shared.stop);
    const homeAffairs = await token('HOME_AFFAIRS');
    ok(await gql(shared.url, '{ organizationByCode(code: "NONE") { id } }', {}, homeAffairs));
    await gql(shared.url, '{ criteriaSets(year: 1999) { block } }', {}, homeAffairs);
    const capture = reformIndex.captured[0]!;
    expect(capture.headers[SIGNATURE_HEADER]).toMatch(/^v2,/);
    expectRefused(await send(rotating, capture), 'a reform-index request at organizations');
    expectRefused(await send(rotating, { ...capture, body: JSON.stringify({ query: SERVICE_SDL }) }), '_service at organizations');
    expectRefused(await send(rotating, sdlRequest(newSecret, 'reform-index')), 'signed for reform-index');
  });
});
