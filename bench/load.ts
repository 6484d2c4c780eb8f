/**
 * The load generator: a process of its own (pinned by `bench/run.ts` to a core the servers do not use), driven
 * by one JSON spec in BENCH_SPEC; prints one JSON result line. Loopback only.
 *
 *   http     autocannon for `seconds`: the bodies are sent in order on every connection, round and round (a
 *            report's pages in order, so each connection pages through the report to the end, again and again);
 *            every response is checked (status 200, no GraphQL `errors`).
 *   report   one client pulling the whole report, page after page, following `endCursor`: time per report.
 *   floor    the same report from one hand-written SQL query per database (bench/floor.ts): time per report at
 *            concurrency 1, or reports per second with `connections` concurrent clients.
 */
import http from 'node:http';
import autocannon from 'autocannon';
import { runFloor } from './floor.js';

export interface HttpSpec {
  kind: 'http';
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  connections: number;
  seconds: number;
}
export interface ReportSpec {
  kind: 'report';
  url: string;
  headers: Record<string, string>;
  query: string;
  variables: Record<string, unknown>;
  seconds: number;
  minRuns: number;
}
export interface FloorSpec {
  kind: 'floor';
  databaseUrls: Record<'organizations' | 'reform-index' | 'evaluations', string>;
  year: number;
  connections: number;
  seconds: number;
  minRuns: number;
}
/** `connections` clients at once, each sending `pagesPerConnection` of the report's pages in order, from its own offset. */
export interface PagesSpec {
  kind: 'pages';
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  connections: number;
  pagesPerConnection: number;
}
export type LoadSpec = HttpSpec | ReportSpec | FloorSpec | PagesSpec;

export interface HttpResult {
  kind: 'http';
  seconds: number;
  responses: number;
  perSecond: number;
  latencyMedianMs: number;
  latencyP99Ms: number;
  failures: number;
  firstFailure?: string;
}
export interface RunsResult {
  kind: 'report' | 'floor';
  runs: number;
  medianMs: number;
  perSecond: number;
  rows: number;
  pages?: number;
}

export const median = (values: number[]) => {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const percentile = (values: number[], p: number) => {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function runHttp(spec: HttpSpec): Promise<HttpResult> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const check = (status: number, body: string) => {
    if (status !== 200 || body.includes('"errors"')) {
      failures++;
      firstFailure ??= `${status} ${body.slice(0, 400)}`;
    }
  };
  const started = process.hrtime.bigint();
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    pipelining: 1,
    duration: spec.seconds,
    timeout: 60,
    requests: spec.bodies.map((body) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...spec.headers }, body, onResponse: check })) as never,
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => { latencies.push(ms); });
  const result = await instance;
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const responses = result.requests.total;
  return {
    kind: 'http',
    seconds: elapsed,
    responses,
    perSecond: (responses - failures) / elapsed,
    latencyMedianMs: median(latencies),
    latencyP99Ms: percentile(latencies, 99),
    failures: failures + result.errors + result.timeouts,
    ...(firstFailure ? { firstFailure } : {}),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function post(url: string, headers: Record<string, string>, body: string, via = agent): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent: via, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

interface ReportPage {
  data?: { organizations: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  errors?: unknown[];
}

/** Pulls the whole report once, page after page; returns its rows and pages. */
export async function pullReport(url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>) {
  let after: string | null = null;
  let rows = 0;
  let pages = 0;
  for (;;) {
    const { status, text } = await post(url, headers, JSON.stringify({ query, variables: { ...variables, after } }));
    const page = JSON.parse(text) as ReportPage;
    if (status !== 200 || page.errors || !page.data) throw new Error(`report page ${pages + 1} failed: ${status} ${text.slice(0, 600)}`);
    pages++;
    rows += page.data.organizations.edges.length;
    if (!page.data.organizations.pageInfo.hasNextPage) return { rows, pages };
    after = page.data.organizations.pageInfo.endCursor;
  }
}

async function runPages(spec: PagesSpec): Promise<HttpResult> {
  const pool = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: spec.connections }, async (_, worker) => {
    const offset = Math.floor((worker * spec.bodies.length) / spec.connections);
    for (let k = 0; k < spec.pagesPerConnection; k++) {
      const t = process.hrtime.bigint();
      const { status, text } = await post(spec.url, spec.headers, spec.bodies[(offset + k) % spec.bodies.length]!, pool);
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (status !== 200 || text.includes('"errors"')) { failures++; firstFailure ??= `${status} ${text.slice(0, 400)}`; }
    }
  }));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  pool.destroy();
  return {
    kind: 'http', seconds: elapsed, responses: latencies.length, perSecond: (latencies.length - failures) / elapsed,
    latencyMedianMs: median(latencies), latencyP99Ms: percentile(latencies, 99), failures, ...(firstFailure ? { firstFailure } : {}),
  };
}

async function runReport(spec: ReportSpec): Promise<RunsResult> {
  const times: number[] = [];
  let rows = 0;
  let pages = 0;
  const until = Date.now() + spec.seconds * 1000;
  while (Date.now() < until || times.length < spec.minRuns) {
    const t = process.hrtime.bigint();
    ({ rows, pages } = await pullReport(spec.url, spec.headers, spec.query, spec.variables));
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const ms = median(times);
  return { kind: 'report', runs: times.length, medianMs: ms, perSecond: 1000 / ms, rows, pages };
}

const spec = JSON.parse(process.env.BENCH_SPEC ?? 'null') as LoadSpec | null;
if (spec) {
  const result = spec.kind === 'http' ? await runHttp(spec) : spec.kind === 'pages' ? await runPages(spec) : spec.kind === 'report' ? await runReport(spec) : await runFloor(spec);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
