/** bench/RESULTS.md from one run's figures: medians, ratios against the issue's targets, the machine, the command. */
import { readFileSync, writeFileSync } from 'node:fs';
import { SCORE_LEAVES, type LoadReport } from './generate.js';

export interface Results {
  command: string;
  startedAt: string;
  minutes: number;
  machine: { nproc: number; cpu: string; memoryGiB: number; node: string; kernel: string; loadAverage: number };
  loadAverageAtEnd: number;
  pinned: boolean;
  seconds: Record<string, number>;
  data: LoadReport[];
  report: { rows: number; pages: number; pageSize: number; year: number };
  checks: { what: string; difference: string | null }[];
  single: {
    c1: { gateway: number; direct: number };
    c1p99: { gateway: number; direct: number };
    c32: { gateway: number; direct: number };
    c32latency: { gateway: number; direct: number };
    cpuPerRequestMs: Record<string, Record<string, number>>;
  };
  combined: { name: string; label: string; pagesPerSecond: number; pageLatencyMs: number; reportMsC1: number; failures: number; peakMiB: Record<string, number>; cpuPerPageMs: Record<string, number> }[];
  floor: { reportMsC1: number; reportsPerSecondC32: number; cpuPerReportMs: Record<string, number> };
  statements: { rows: number; gateway: string; perSubgraph: Record<string, number> }[];
  /** Free text kept from the previous RESULTS.md: what the profile says, what was changed and its measured effect. */
  notes?: string;
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const ok = (pass: boolean) => (pass ? '**met**' : '**missed**');

const PROCS = ['gateway', 'organizations', 'reform-index', 'evaluations', 'postgres'];
const NOTES_START = '<!-- notes: kept between runs -->';
const NOTES_END = '<!-- /notes -->';

export function writeResults(file: string, r: Results) {
  let notes = r.notes ?? '';
  try {
    const previous = readFileSync(file, 'utf8');
    const start = previous.indexOf(NOTES_START);
    const end = previous.indexOf(NOTES_END);
    if (!notes && start >= 0 && end > start) notes = previous.slice(start + NOTES_START.length, end).trim();
  } catch { /* first run */ }

  const ours = r.combined.find((c) => c.name === 'ours')!;
  const hive = r.combined.find((c) => c.name === 'hive-rust');
  const reportsPerSecond = (c: Results['combined'][number]) => c.pagesPerSecond / r.report.pages;
  const latencyRatio = r.single.c1.gateway / r.single.c1.direct;
  const throughputRatio = r.single.c32.gateway / r.single.c32.direct;
  const hiveRatio = hive ? ours.pagesPerSecond / hive.pagesPerSecond : NaN;
  const memOurs = ours.peakMiB.gateway ?? NaN;
  const memHive = hive?.peakMiB.gateway ?? NaN;
  const floorC1 = ours.reportMsC1 / r.floor.reportMsC1;
  const floorC32 = r.floor.reportsPerSecondC32 / reportsPerSecond(ours);
  const oursStatements = r.statements.filter((s) => s.gateway === 'ours');
  const totals = oursStatements.map((s) => Object.values(s.perSubgraph).reduce((a, b) => a + b, 0));
  const constant = totals.every((t) => t === totals[0]);
  // reform-index keeps an assessment's scores as one JSON sheet (its design): count the entries in the sheets.
  const scoreEntries = (r.data.find((d) => d.table === 'assessment')?.rows ?? 0) * SCORE_LEAVES;

  const lines: string[] = [];
  lines.push('# Benchmark results', '');
  lines.push(`Written by \`${r.command}\` on ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC (${f(r.minutes)} min). Re-run: \`pnpm bench\` (\`--quick\` for a short run, \`--regenerate\` to rebuild the data, \`--profile\` for CPU profiles in bench/.data/profiles).`, '');
  lines.push(`**Machine:** ${r.machine.nproc} cores, ${r.machine.cpu}, ${r.machine.memoryGiB} GiB RAM, ${r.machine.kernel}, Node ${r.machine.node}; load average ${r.machine.loadAverage} at the start and ${r.loadAverageAtEnd} at the end of the run (${r.machine.loadAverage > r.machine.nproc ? 'the machine was shared with other work: wall-clock figures carry that noise, CPU-time figures much less' : 'a quiet machine'}). `
    + (r.pinned ? 'Servers (PostgreSQL, the three subgraphs, the gateways) pinned with `taskset` to CPU 1, the load generator (autocannon, its own process, loopback) to CPU 0.' : 'No `taskset`: servers and load generator share the cores.'), '');
  lines.push(`**Method:** production mode (NODE_ENV=production: no introspection, no stack traces), no response cache anywhere, the same PARTNER token on every request (verified by each gateway and again by each subgraph). Each figure is the median of interleaved rounds (targets alternate, order rotating): for the 50-row page ${r.seconds.rounds} round(s) of ${r.seconds.throughput} s (throughput) / ${r.seconds.latency} s (latency) after a ${r.seconds.warm} s warm-up of each target; for the report ${r.seconds.reportRounds} round(s) of ${r.seconds.reportPagesPerConnection} page(s) per connection at concurrency 32 and of one whole report at concurrency 1, every gateway warmed by pulling the whole report first. Every response is checked (status 200, no \`errors\`).`, '');

  lines.push('## Data', '');
  lines.push('| database.table | rows | load time |', '|---|---:|---:|');
  for (const d of r.data) lines.push(`| ${d.db}.${d.table} | ${d.skipped ? d.skipped : d.rows.toLocaleString('en-US')} | ${d.skipped ? '' : `${f(d.ms / 1000)} s`} |`);
  lines.push('', `Generated by \`bench/generate.ts\` (34 provinces, their departments, agencies, communes and units; 5 years of published assessments on criteria sets of ${SCORE_LEAVES} scored leaves, ${scoreEntries.toLocaleString('en-US')} score entries in the assessments' score sheets; an approved evaluation per head and year), loaded with COPY.`, '');

  lines.push('## Targets', '');
  lines.push('| target | figure | goal | |', '|---|---:|---:|---|');
  lines.push(`| 50-row page, latency gateway/direct at concurrency 1 | ${f(latencyRatio, 2)} × | ≤ 1.5 × | ${ok(latencyRatio <= 1.5)} |`);
  lines.push(`| 50-row page, throughput gateway/direct at concurrency 32 | ${f(throughputRatio, 2)} × | ≥ 0.5 × | ${ok(throughputRatio >= 0.5)} |`);
  if (hive) lines.push(`| combined report, our throughput / Hive Gateway (Rust planner, dedup off) at concurrency 32 | ${f(hiveRatio, 2)} × | ≥ 1.0 × | ${ok(hiveRatio >= 1)} |`);
  if (hive) lines.push(`| peak gateway memory under that load, ours vs Hive Gateway | ${f(memOurs, 0)} vs ${f(memHive, 0)} MiB | ours ≤ Hive | ${ok(memOurs <= memHive)} |`);
  lines.push(`| combined report vs SQL floor, time per whole report at concurrency 1 | ${f(floorC1, 2)} × | ≤ 5 × | ${ok(floorC1 <= 5)} |`);
  lines.push(`| combined report vs SQL floor, reports per second at concurrency 32 | ${f(floorC32, 2)} × | ≤ 5 × | ${ok(floorC32 <= 5)} |`);
  lines.push(`| SQL statements per request at 10 / 100 / 500 rows | ${totals.join(' / ')} | identical | ${ok(constant)} |`, '');

  lines.push('## a. One subgraph: a 50-row page of organizations, gateway vs direct', '');
  lines.push('| | gateway | direct | ratio |', '|---|---:|---:|---:|');
  lines.push(`| latency at concurrency 1, median (ms) | ${f(r.single.c1.gateway, 2)} | ${f(r.single.c1.direct, 2)} | ${f(latencyRatio, 2)} |`);
  lines.push(`| latency at concurrency 1, p99 (ms) | ${f(r.single.c1p99.gateway, 2)} | ${f(r.single.c1p99.direct, 2)} | ${f(r.single.c1p99.gateway / r.single.c1p99.direct, 2)} |`);
  lines.push(`| throughput at concurrency 32 (requests/s) | ${f(r.single.c32.gateway, 0)} | ${f(r.single.c32.direct, 0)} | ${f(throughputRatio, 2)} |`);
  lines.push(`| latency at concurrency 32, median (ms) | ${f(r.single.c32latency.gateway, 1)} | ${f(r.single.c32latency.direct, 1)} | ${f(r.single.c32latency.gateway / r.single.c32latency.direct, 2)} |`);
  lines.push(`| CPU per request at concurrency 32 (ms: ${PROCS.join(' / ')}) | ${PROCS.map((p) => f(r.single.cpuPerRequestMs.gateway?.[p] ?? NaN, 2)).join(' / ')} | ${PROCS.map((p) => f(r.single.cpuPerRequestMs.direct?.[p] ?? NaN, 2)).join(' / ')} | |`, '');

  lines.push(`## b, c, e. The combined report: ${r.report.rows.toLocaleString('en-US')} organizations, ${r.report.pages} pages of ${r.report.pageSize}, year ${r.report.year}`, '');
  lines.push('Each row: name, parent name, current head (title, name), `reformIndex(year)` value, rank and rank-of, approved evaluation level. At concurrency 32, 32 clients each pull pages of the report in order, each from its own place in it (every page equally represented); at concurrency 1 one client follows `endCursor` to the end.', '');
  lines.push('| | pages/s at c=32 | reports/s at c=32 | page latency at c=32 (ms) | whole report at c=1 (ms) | vs ours (throughput) | peak gateway RSS (MiB) | peak subgraph RSS (MiB: organizations / reform-index / evaluations) |', '|---|---:|---:|---:|---:|---:|---:|---|');
  for (const c of r.combined) {
    lines.push(`| ${c.label}${c.failures ? ` (${c.failures} failed responses)` : ''} | ${f(c.pagesPerSecond, 1)} | ${f(reportsPerSecond(c), 2)} | ${f(c.pageLatencyMs, 0)} | ${f(c.reportMsC1, 0)} | ${f(ours.pagesPerSecond / c.pagesPerSecond, 2)} | ${f(c.peakMiB.gateway ?? NaN, 0)} | ${f(c.peakMiB.organizations ?? NaN, 0)} / ${f(c.peakMiB['reform-index'] ?? NaN, 0)} / ${f(c.peakMiB.evaluations ?? NaN, 0)} |`);
  }
  lines.push(`| SQL floor: one hand-written query per database, in parallel, joined in the client | | ${f(r.floor.reportsPerSecondC32, 2)} | | ${f(r.floor.reportMsC1, 0)} | | | |`, '');
  lines.push('CPU per whole report at concurrency 32 (ms, from /proc: user + system time of each process over the rounds, divided by the reports served; PostgreSQL with all its backends):', '');
  lines.push(`| | ${PROCS.join(' | ')} | total |`, `|---|${PROCS.map(() => '---:').join('|')}|---:|`);
  for (const c of r.combined) lines.push(`| ${c.label} | ${PROCS.map((p) => f((c.cpuPerPageMs[p] ?? NaN) * r.report.pages, 0)).join(' | ')} | ${f(Object.values(c.cpuPerPageMs).reduce((a, b) => a + b, 0) * r.report.pages, 0)} |`);
  lines.push(`| SQL floor | ${PROCS.map((p) => (p === 'postgres' ? f(r.floor.cpuPerReportMs.postgres ?? NaN, 0) : '')).join(' | ')} | ${f(r.floor.cpuPerReportMs.postgres ?? NaN, 0)} + client |`, '');
  lines.push('Same rows everywhere (checked before measuring):', '');
  for (const c of r.checks) lines.push(`- ${c.what}: ${c.difference ? `**no** — ${c.difference}` : 'yes'}`);
  lines.push('');

  lines.push('## d. SQL statements per request (combined report, first page)', '');
  lines.push('| rows | gateway | organizations | reform-index | evaluations | total |', '|---:|---|---:|---:|---:|---:|');
  for (const s of r.statements) {
    const v = s.perSubgraph;
    lines.push(`| ${s.rows} | ${s.gateway} | ${f(v.organizations ?? NaN, 0)} | ${f(v['reform-index'] ?? NaN, 0)} | ${f(v.evaluations ?? NaN, 0)} | ${f(Object.values(v).reduce((a, b) => a + b, 0), 0)} |`);
  }
  lines.push('');

  lines.push('## Optimizations, profile and what is next', '', NOTES_START, notes, NOTES_END, '');
  writeFileSync(file, lines.join('\n'));
}
