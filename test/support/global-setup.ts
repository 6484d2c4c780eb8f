import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { launchPlatform, type Platform } from '../../scripts/platform.js';

/** What every test file can `inject('platform')`. */
export interface PlatformInfo {
  gatewayUrl: string;
  subgraphUrls: Record<'organizations' | 'reform-index' | 'evaluations', string>;
  metricsUrls: Record<'organizations' | 'reform-index' | 'evaluations' | 'gateway', string>;
  /** Each subgraph's database as its own role (what the subgraph connects with). */
  databaseUrls: Record<'organizations' | 'reform-index' | 'evaluations', string>;
  /** The same databases as the server's admin: for checks and fixtures that a subgraph's role may not do. */
  adminDatabaseUrls: Record<'organizations' | 'reform-index' | 'evaluations', string>;
  /** The secret the gateway shares with each subgraph (a test's own gateway signs with these). */
  gatewaySecrets: Record<'organizations' | 'reform-index' | 'evaluations', string>;
  /** The user-token key (the identity provider's role): tests sign with it; no service process holds it. */
  privateJwk: string;
  publicJwk: string;
  usesExternalDatabase: boolean;
  /** Serves the last lines each service wrote (`GET <logsUrl>?service=gateway`): see `serviceLogs` in client.ts. */
  logsUrl: string;
  /** Process id of each service as started (to check what each process was given). */
  pids: Record<'organizations' | 'reform-index' | 'evaluations' | 'gateway', number>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    platform: PlatformInfo;
  }
}

let platform: Platform | undefined;
let logServer: http.Server | undefined;

/** The last lines of each service's output (`[name] line` from the platform), kept for tests to read. */
const KEPT_LINES = 5_000;
const serviceLines = new Map<string, string[]>();
function keep(line: string) {
  const match = /^\[([a-z-]+)\] (.*)$/s.exec(line);
  if (!match) return;
  let lines = serviceLines.get(match[1]!);
  if (!lines) serviceLines.set(match[1]!, (lines = []));
  lines.push(match[2]!);
  if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES);
}

export async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL || undefined;
  const lines: string[] = [];
  platform = await launchPlatform({
    databaseUrl: external,
    dbPrefix: external ? `t${randomBytes(4).toString('hex')}` : 'par',
    fast: true,
    // The suite sends thousands of anonymous requests from one address (the fuzz test alone 10,000); the rate limit
    // is tested on its own gateway in test/security/rate-limit.test.ts.
    env: { RATE_LIMIT: 'off' },
    log: (line) => { keep(line); lines.push(line); if (lines.length > 400) lines.shift(); },
  }).catch((error) => {
    console.error(lines.join('\n'));
    throw error;
  });
  logServer = http.createServer((request, response) => {
    const service = new URL(request.url ?? '/', 'http://localhost').searchParams.get('service') ?? '';
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(serviceLines.get(service) ?? []));
  });
  await new Promise<void>((resolve) => logServer!.listen(0, '127.0.0.1', () => resolve()));
  const s = platform.services;
  project.provide('platform', {
    logsUrl: `http://127.0.0.1:${(logServer.address() as AddressInfo).port}/logs`,
    gatewayUrl: platform.gatewayUrl,
    subgraphUrls: { organizations: s.organizations.url, 'reform-index': s['reform-index'].url, evaluations: s.evaluations.url },
    metricsUrls: {
      organizations: s.organizations.url.replace('/graphql', '/metrics'),
      'reform-index': s['reform-index'].url.replace('/graphql', '/metrics'),
      evaluations: s.evaluations.url.replace('/graphql', '/metrics'),
      gateway: s.gateway.url.replace('/graphql', '/metrics'),
    },
    databaseUrls: platform.databaseUrls,
    adminDatabaseUrls: platform.adminDatabaseUrls,
    gatewaySecrets: platform.gatewaySecrets,
    privateJwk: JSON.stringify(platform.signingKey.privateJwk),
    publicJwk: JSON.stringify(platform.signingKey.publicJwk),
    usesExternalDatabase: Boolean(external),
    pids: {
      organizations: s.organizations.process.pid!, 'reform-index': s['reform-index'].process.pid!,
      evaluations: s.evaluations.process.pid!, gateway: s.gateway.process.pid!,
    },
  });
}

export async function teardown() {
  await new Promise((resolve) => (logServer ? logServer.close(resolve) : resolve(undefined)));
  await platform?.stop();
}
