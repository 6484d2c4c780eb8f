/**
 * `pnpm bench [--quick] [--regenerate] [--profile]`: the platform at national scale, side by side, in one run on one
 * machine. Starts the whole platform in production mode on the bench's own data (bench/.data: generated once,
 * reused while the generator and the migrations stay the same), pins the servers to one set of cores and the load
 * generator (autocannon, a second process, loopback only, bounded in time) to another, and measures:
 *
 *   a. a 50-row page of organizations through the gateway vs straight to the organizations subgraph
 *      (latency at concurrency 1, throughput at concurrency 32);
 *   b. the combined report (every organization, page after page to the end, with parent, current head, index value
 *      and rank, approved evaluation level) through our gateway vs Hive Gateway on the same supergraph and
 *      subgraphs, signing its subgraph requests as ours does;
 *   c. the same report from one hand-written SQL query per database (the floor);
 *   d. SQL statements per request at 10, 100 and 500 rows;
 *   e. peak memory of the gateways and subgraphs under load.
 *
 * Writes bench/RESULTS.md (medians of interleaved rounds, ratios, the machine, the command).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { envName } from 'subgraph-kit/edge';
import { launchPlatform, ROOT, type Platform } from '../scripts/platform.js';
import { floorRows, type ReportRow } from './floor.js';
import { fingerprint, loadAll, REPORT_YEAR, type LoadReport } from './generate.js';
import { median, type HttpResult, type LoadSpec, type RunsResult } from './load.js';
import { hasTaskset, LOAD_CPUS, machine, pinTree, SERVER_CPUS, sqlStatements, watchCpu, watchMemory } from './procs.js';
import { writeResults, type Results } from './report.js';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const REGENERATE = argv.includes('--regenerate');
const PROFILE = argv.includes('--profile');
const GENERATE_ONLY = argv.includes('--generate-only');
/** `--only=single,report,floor,statements`: some sections only (while working on one of them). */
const ONLY = new Set((argv.find((a) => a.startsWith('--only='))?.slice(7) ?? 'single,report,floor,statements').split(','));

const HIVE_JS = argv.includes('--hive-js');

/**
 * Rounds alternate the targets (order rotating) so drift hits every side alike. The 50-row page runs for fixed
 * seconds; a report page takes longer than a short window at concurrency 32, so for the report's
 * throughput each of the 32 clients pulls `reportPagesPerConnection` pages in order from its own place in the report
 * (all pages equally represented), and the pages are divided by the time they took.
 */
const T = QUICK
  ? { rounds: 1, reportRounds: 1, warm: 2, latency: 3, throughput: 4, reportPagesPerConnection: 1, floor: 3 }
  : { rounds: 3, reportRounds: 2, warm: 3, latency: 5, throughput: 8, reportPagesPerConnection: 2, floor: 5 };

export const PAGE_QUERY = `query Page($first: Int!, $after: String) {
  organizations(first: $first, after: $after) {
    edges { node { id code name kind validFrom parent { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const REPORT_QUERY = `query Report($first: Int!, $after: String, $year: Int!) {
  organizations(first: $first, after: $after) {
    edges { node { id code name parent { name } head { title person { fullName } } reformIndex(year: $year) { indexValue rank rankOf } headEvaluations(year: $year) { finalLevel } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
/** 100 rows a page: at concurrency 32 a 500-row page waits longer than the gateway's 30 s request deadline on a shared 2-core machine. */
const REPORT_PAGE = 100;

const dataDir = path.join(ROOT, 'bench', '.data');
mkdirSync(dataDir, { recursive: true });
const logFile = createWriteStream(path.join(dataDir, 'bench.log'), { flags: 'w' });
const tsxLoader = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
const say = (line: string) => { const text = `[bench ${new Date().toISOString().slice(11, 19)}] ${line}`; console.log(text); logFile.write(`${text}\n`); };

// ───────────────────────────── processes ─────────────────────────────

const children: ChildProcess[] = [];
process.once('exit', () => { for (const c of children) c.kill('SIGKILL'); });

/** Runs one load spec in the load-generator process (pinned to its own core) and returns its result. */
function load<R>(spec: LoadSpec): Promise<R> {
  const args = ['--import', tsxLoader, path.join(ROOT, 'bench', 'load.ts')];
  const [cmd, cmdArgs] = pinned ? ['taskset', ['-c', LOAD_CPUS, process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs as string[], { cwd: ROOT, env: { ...process.env, BENCH_SPEC: JSON.stringify(spec) }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => { out += c.toString('utf8'); });
    child.stderr!.on('data', (c: Buffer) => { err += c.toString('utf8'); });
    child.once('exit', (code) => {
      children.splice(children.indexOf(child), 1);
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) return reject(new Error(`load generator failed (${code}): ${err.slice(-2000)}${out.slice(-500)}`));
      resolve(JSON.parse(last) as R);
    });
  });
}

const profileEnv = (name: string) => ({
  NODE_OPTIONS: `--import=${path.join(ROOT, 'bench', 'cpu-profile.mjs')}`, CPU_PROFILE_DIR: path.join(dataDir, 'profiles', name),
});

interface Hive { name: string; label: string; url: string; process: ChildProcess }

async function startHive(platform: Platform, name: string, label: string, env: Record<string, string>): Promise<Hive> {
  const child = spawn(process.execPath, ['--enable-source-maps', '--import', tsxLoader, path.join(ROOT, 'bench', 'hive-gateway.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, ...env, ...(PROFILE ? profileEnv(name) : {}),
      NODE_ENV: 'production', PORT: '0',
      ...Object.fromEntries(Object.entries(platform.gatewaySecrets).map(([n, secret]) => [`GATEWAY_SECRET_${envName(n)}`, secret])),
      AUTH_PUBLIC_JWK: JSON.stringify(platform.signingKey.publicJwk),
      ORGANIZATIONS_URL: platform.services.organizations.url, REFORM_INDEX_URL: platform.services['reform-index'].url, EVALUATIONS_URL: platform.services.evaluations.url,
    },
  });
  children.push(child);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output}`)), 60_000);
    const onData = (c: Buffer) => {
      output += c.toString('utf8');
      for (const line of c.toString('utf8').split('\n')) if (line.trim()) logFile.write(`[${name}] ${line}\n`);
      const match = /ready at (\S+)/.exec(output);
      if (match) { clearTimeout(timer); resolve(match[1]!); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited (${code}):\n${output}`)); });
  });
  child.removeAllListeners('exit');
  return { name, label, url, process: child };
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); setTimeout(() => child.kill('SIGKILL'), 10_000).unref(); });
}

// ───────────────────────────── GraphQL helpers ─────────────────────────────

async function gql(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (response.status !== 200 || body.errors || !body.data) throw new Error(`${url}: ${response.status} ${JSON.stringify(body).slice(0, 1500)}`);
  return body.data;
}

interface ReportNode {
  id: string; code: string; name: string; parent: { name: string } | null; head: { title: string; person: { fullName: string } } | null;
  reformIndex: { indexValue: number | null; rank: number | null; rankOf: number | null } | null; headEvaluations: { finalLevel: string | null }[];
}

/** The whole report through one gateway: its rows, and the request body of every page (cursors in order). */
async function pullWholeReport(url: string, token: string) {
  const bodies: string[] = [];
  const rows: ReportRow[] = [];
  let after: string | null = null;
  for (;;) {
    const variables = { first: REPORT_PAGE, after, year: REPORT_YEAR };
    bodies.push(JSON.stringify({ query: REPORT_QUERY, variables }));
    const data = await gql(url, token, REPORT_QUERY, variables);
    for (const { node } of data.organizations.edges as { node: ReportNode }[]) {
      rows.push({
        code: node.code, name: node.name, parent: node.parent?.name ?? null, head: node.head?.person.fullName ?? null,
        indexValue: node.reformIndex?.indexValue ?? null, rank: node.reformIndex?.rank ?? null, rankOf: node.reformIndex?.rankOf ?? null,
        levels: node.headEvaluations.map((e) => e.finalLevel ?? ''),
      });
    }
    if (!data.organizations.pageInfo.hasNextPage) return { rows, bodies };
    after = data.organizations.pageInfo.endCursor;
  }
}

function sameRows(a: ReportRow[], b: ReportRow[]): string | null {
  if (a.length !== b.length) return `${a.length} rows vs ${b.length}`;
  const key = (r: ReportRow) => JSON.stringify([r.code, r.name, r.parent, r.head, r.indexValue, r.rank, r.rankOf, [...r.levels].sort()]);
  const left = new Map(a.map((r) => [r.code, key(r)]));
  for (const r of b) {
    if (left.get(r.code) !== key(r)) return `first difference at ${r.code}: ${left.get(r.code)} vs ${key(r)}`;
  }
  return null;
}

// ───────────────────────────── measuring ─────────────────────────────

let pinned = false;
/** The server processes whose CPU a round accounts: the target gateway (if any), the subgraphs, PostgreSQL. */
let cpuPids: (t: Target) => Record<string, number> = () => ({});
/** With --profile: the server processes, told by SIGUSR2 to start and stop their CPU profiles around each round. */
let profiled: number[] = [];
const profiling = () => { if (PROFILE) for (const pid of profiled) { try { process.kill(pid, 'SIGUSR2'); } catch { /* gone */ } } };

interface Target { name: string; url: string }

/** Every target for `seconds`, round after round (the order rotates each round); returns each target's runs. */
async function rounds<R>(section: string, targets: Target[], spec: (t: Target) => LoadSpec, opts: { rounds: number; warm?: number; memory?: (t: Target) => Record<string, number> }) {
  const runs: Record<string, R[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  const memory: Record<string, Record<string, number>> = {};
  /** CPU ms per response (or per report) of each server process, summed over the rounds. */
  const cpu: Record<string, Record<string, number>> = {};
  const units: Record<string, number> = {};
  if (!ONLY.has(section)) return { runs, memory, cpu };
  if (opts.warm) {
    for (const t of targets) {
      await load({ ...spec(t), seconds: opts.warm } as LoadSpec);
    }
  }
  for (let r = 0; r < opts.rounds; r++) {
    const order = targets.map((_, i) => targets[(i + r) % targets.length]!);
    for (const t of order) {
      const watch = opts.memory ? watchMemory(opts.memory(t)) : null;
      const cpuWatch = watchCpu(cpuPids(t), ['postgres']);
      profiling();
      const result = await load<R>(spec(t));
      profiling();
      const used = cpuWatch.stop();
      const done = (result as unknown as HttpResult).responses ?? (result as unknown as RunsResult).runs;
      units[t.name] = (units[t.name] ?? 0) + done;
      cpu[t.name] ??= {};
      for (const [proc, ms] of Object.entries(used)) cpu[t.name]![proc] = (cpu[t.name]![proc] ?? 0) + ms;
      if (watch) {
        const peaks = watch.stop();
        memory[t.name] ??= {};
        for (const [proc, mib] of Object.entries(peaks)) memory[t.name]![proc] = Math.max(memory[t.name]![proc] ?? 0, mib);
      }
      const failures = (result as unknown as HttpResult).failures;
      if (failures) say(`  ! ${t.name}: ${failures} failed responses, first: ${(result as unknown as HttpResult).firstFailure}`);
      runs[t.name]!.push(result);
    }
  }
  for (const name of Object.keys(cpu)) for (const proc of Object.keys(cpu[name]!)) cpu[name]![proc]! /= Math.max(1, units[name]!);
  return { runs, memory, cpu };
}

const medianOf = <R>(runs: R[], pick: (r: R) => number) => median(runs.map(pick));

async function statementsPerRequest(platform: Platform, url: string, token: string, size: number, repeats: number) {
  const subgraphs = ['organizations', 'reform-index', 'evaluations'] as const;
  const variables = { first: size, after: null, year: REPORT_YEAR };
  await gql(url, token, REPORT_QUERY, variables);
  const before = await Promise.all(subgraphs.map((s) => sqlStatements(platform.services[s].url)));
  for (let i = 0; i < repeats; i++) await gql(url, token, REPORT_QUERY, variables);
  const after = await Promise.all(subgraphs.map((s) => sqlStatements(platform.services[s].url)));
  return Object.fromEntries(subgraphs.map((s, i) => [s, (after[i]! - before[i]!) / repeats])) as Record<(typeof subgraphs)[number], number>;
}

// ───────────────────────────── the run ─────────────────────────────

async function main() {
  const startedAt = new Date();
  const host = machine(); // before pinning narrows what this process sees
  const serverCpus = SERVER_CPUS();
  process.env.EMBEDDED_PG_PORT ??= '54339';
  // Data: generated once, reused while the generator and every migration stay the same; otherwise a fresh cluster.
  const marker = path.join(dataDir, 'generated.json');
  const print = fingerprint(ROOT);
  const previous = existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as { fingerprint: string; loads: LoadReport[] }) : null;
  const generate = REGENERATE || previous?.fingerprint !== print;
  if (generate) {
    rmSync(path.join(dataDir, 'postgres'), { recursive: true, force: true });
    rmSync(path.join(dataDir, 'postgres.password'), { force: true });
    rmSync(marker, { force: true });
  }
  say(`${QUICK ? 'quick' : 'full'} run; platform starting (production mode, data in bench/.data)`);
  const platform = await launchPlatform({
    dataDir, production: true, fast: true,
    log: (line) => logFile.write(`${line}\n`),
    // Every bench request carries a token, so the anonymous rate limit would not count them; off all the same, so no
    // figure here ever depends on it.
    env: { RATE_LIMIT: 'off', ...(PROFILE ? profileEnv('platform') : {}) },
  });
  const hives: Hive[] = [];
  try {
    let loads: LoadReport[];
    if (generate) {
      say('generating nationwide data (COPY into each subgraph database)');
      const t = Date.now();
      loads = await loadAll(platform.databaseUrls, (line) => say(`  ${line}`));
      say(`data loaded in ${((Date.now() - t) / 1000).toFixed(0)} s`);
      writeFileSync(marker, JSON.stringify({ fingerprint: print, loads, seconds: (Date.now() - t) / 1000 }, null, 2));
    } else {
      loads = previous!.loads;
      say('reusing the generated data in bench/.data');
    }
    if (GENERATE_ONLY) return;

    if (hasTaskset()) {
      pinned = true;
      const count = pinTree(process.pid, serverCpus);
      say(`pinned ${count} server processes (PostgreSQL, subgraphs, gateway, this runner) to CPU ${serverCpus}; load generator on CPU ${LOAD_CPUS}`);
    } else {
      say('taskset not available: servers and load generator share the cores');
    }

    // Hive Gateway, started after pinning so it runs on the server cores too.
    hives.push(await startHive(platform, 'hive-rust', 'Hive Gateway, Rust planner, dedup off', { HIVE_PLANNER: 'rust', HIVE_DEDUPE: 'off' }));
    hives.push(await startHive(platform, 'hive-rust-defaults', 'Hive Gateway, Rust planner, defaults (dedup on)', { HIVE_PLANNER: 'rust', HIVE_DEDUPE: 'defaults' }));
    if (HIVE_JS) hives.push(await startHive(platform, 'hive-js', 'Hive Gateway, JS planner, dedup off', { HIVE_PLANNER: 'js', HIVE_DEDUPE: 'off' }));

    profiled = [...Object.values(platform.services).map((s) => s.process.pid!), ...hives.map((h) => h.process.pid!)];
    cpuPids = (t) => ({
      ...(t.name === 'gateway' || t.name === 'ours' ? { gateway: platform.services.gateway.process.pid! } : {}),
      ...Object.fromEntries(hives.filter((h) => h.name === t.name).map((h) => ['gateway', h.process.pid!])),
      organizations: platform.services.organizations.process.pid!, 'reform-index': platform.services['reform-index'].process.pid!,
      evaluations: platform.services.evaluations.process.pid!, ...(platform.postgres?.pid ? { postgres: platform.postgres.pid } : {}),
    });
    const token = await platform.token({ sub: 'bench-reporting-tool', roles: ['PARTNER'], scope: 'organizations:read reform-index:read evaluations:read', expiresIn: '2h' });
    const headers = { authorization: `Bearer ${token}` };

    // Correctness first: every gateway and the floor return the same report.
    say('pulling the whole report once through every gateway and from SQL');
    const ours = await pullWholeReport(platform.gatewayUrl, token);
    const checks: Results['checks'] = [];
    for (const h of hives) {
      const theirs = await pullWholeReport(h.url, token);
      checks.push({ what: `${h.label} rows = our gateway's`, difference: sameRows(ours.rows, theirs.rows) });
    }
    const floor = await floorRows(platform.databaseUrls, REPORT_YEAR);
    checks.push({ what: 'SQL floor rows = our gateway\'s', difference: sameRows(ours.rows, floor) });
    for (const c of checks) say(`  ${c.what}: ${c.difference ?? 'identical'}`);
    const reportPages = ours.bodies.length;
    const reportRows = ours.rows.length;
    say(`report: ${reportRows} organizations in ${reportPages} pages of ${REPORT_PAGE}`);

    // a. one subgraph, one 50-row page: gateway vs direct.
    say('a. 50-row page of organizations: gateway vs direct');
    const pageBody = [JSON.stringify({ query: PAGE_QUERY, variables: { first: 50, after: null } })];
    const single: Target[] = [{ name: 'gateway', url: platform.gatewayUrl }, { name: 'direct', url: platform.services.organizations.url }];
    const singleC1 = await rounds<HttpResult>('single', single, (t) => ({ kind: 'http', url: t.url, headers, bodies: pageBody, connections: 1, seconds: T.latency }), { rounds: T.rounds, warm: T.warm });
    const singleC32 = await rounds<HttpResult>('single', single, (t) => ({ kind: 'http', url: t.url, headers, bodies: pageBody, connections: 32, seconds: T.throughput }), { rounds: T.rounds, warm: T.warm });

    // b. the combined report: our gateway vs Hive Gateway; peak memory under this load (e).
    say('b. combined report at concurrency 32: our gateway vs Hive Gateway');
    const reportTargets: Target[] = [{ name: 'ours', url: platform.gatewayUrl }, ...hives.map((h) => ({ name: h.name, url: h.url }))];
    const subgraphPids = {
      organizations: platform.services.organizations.process.pid!, 'reform-index': platform.services['reform-index'].process.pid!, evaluations: platform.services.evaluations.process.pid!,
    };
    const gatewayPid = (t: Target) => (t.name === 'ours' ? platform.services.gateway.process.pid! : hives.find((h) => h.name === t.name)!.process.pid!);
    const reportC32 = await rounds<HttpResult>('report', reportTargets, (t) => ({
      kind: 'pages', url: t.url, headers, bodies: ours.bodies, connections: 32, pagesPerConnection: T.reportPagesPerConnection,
    }), {
      rounds: T.reportRounds, memory: (t) => ({ gateway: gatewayPid(t), ...subgraphPids }),
    });
    say('b. combined report at concurrency 1 (one client paging to the end)');
    const reportC1 = await rounds<RunsResult>('report', reportTargets, (t) => ({
      kind: 'report', url: t.url, headers, query: REPORT_QUERY, variables: { first: REPORT_PAGE, year: REPORT_YEAR }, seconds: 0, minRuns: 1,
    }), { rounds: T.reportRounds });

    // c. the floor.
    say('c. the same report from hand-written SQL (the floor)');
    const floorTarget: Target[] = [{ name: 'floor', url: '' }];
    const floorC1 = await rounds<RunsResult>('floor', floorTarget, () => ({ kind: 'floor', databaseUrls: platform.databaseUrls, year: REPORT_YEAR, connections: 1, seconds: T.floor, minRuns: 3 }), { rounds: T.rounds });
    const floorC32 = await rounds<RunsResult>('floor', floorTarget, () => ({ kind: 'floor', databaseUrls: platform.databaseUrls, year: REPORT_YEAR, connections: 32, seconds: T.floor, minRuns: 32 }), { rounds: T.rounds });

    // d. SQL statements per request.
    say('d. SQL statements per request at 10, 100, 500 rows');
    const statements: Results['statements'] = [];
    for (const size of ONLY.has('statements') ? [10, 100, 500] : []) {
      statements.push({ rows: size, gateway: 'ours', perSubgraph: await statementsPerRequest(platform, platform.gatewayUrl, token, size, 3) });
      statements.push({ rows: size, gateway: hives[0]!.label, perSubgraph: await statementsPerRequest(platform, hives[0]!.url, token, size, 3) });
    }

    const results: Results = {
      command: `pnpm bench${argv.length ? ` ${argv.join(' ')}` : ''}`,
      startedAt: startedAt.toISOString(),
      minutes: (Date.now() - startedAt.getTime()) / 60_000,
      machine: host,
      loadAverageAtEnd: Math.round(loadavg()[0]! * 10) / 10,
      pinned,
      seconds: T,
      data: loads,
      report: { rows: reportRows, pages: reportPages, pageSize: REPORT_PAGE, year: REPORT_YEAR },
      checks,
      single: {
        c1: { gateway: medianOf(singleC1.runs.gateway!, (r) => r.latencyMedianMs), direct: medianOf(singleC1.runs.direct!, (r) => r.latencyMedianMs) },
        c1p99: { gateway: medianOf(singleC1.runs.gateway!, (r) => r.latencyP99Ms), direct: medianOf(singleC1.runs.direct!, (r) => r.latencyP99Ms) },
        c32: { gateway: medianOf(singleC32.runs.gateway!, (r) => r.perSecond), direct: medianOf(singleC32.runs.direct!, (r) => r.perSecond) },
        c32latency: { gateway: medianOf(singleC32.runs.gateway!, (r) => r.latencyMedianMs), direct: medianOf(singleC32.runs.direct!, (r) => r.latencyMedianMs) },
        cpuPerRequestMs: singleC32.cpu,
      },
      combined: reportTargets.map((t) => ({
        name: t.name,
        label: t.name === 'ours' ? 'our gateway (Apollo Gateway + our data source)' : hives.find((h) => h.name === t.name)!.label,
        pagesPerSecond: medianOf(reportC32.runs[t.name]!, (r) => r.perSecond),
        pageLatencyMs: medianOf(reportC32.runs[t.name]!, (r) => r.latencyMedianMs),
        reportMsC1: medianOf(reportC1.runs[t.name]!, (r) => r.medianMs),
        failures: reportC32.runs[t.name]!.reduce((s, r) => s + r.failures, 0),
        peakMiB: reportC32.memory[t.name] ?? {},
        cpuPerPageMs: reportC32.cpu[t.name] ?? {},
      })),
      floor: {
        reportMsC1: medianOf(floorC1.runs.floor!, (r) => r.medianMs), reportsPerSecondC32: medianOf(floorC32.runs.floor!, (r) => r.perSecond),
        cpuPerReportMs: floorC32.cpu.floor ?? {},
      },
      statements,
    };
    writeFileSync(path.join(dataDir, 'results.json'), JSON.stringify(results, null, 2));
    const out = ONLY.size === 4 ? path.join(ROOT, 'bench', 'RESULTS.md') : path.join(dataDir, 'RESULTS.partial.md');
    writeResults(out, results);
    say(`done in ${results.minutes.toFixed(1)} min: ${path.relative(ROOT, out)} written`);
  } finally {
    await Promise.all(hives.map((h) => stopChild(h.process)));
    await platform.stop();
    logFile.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
