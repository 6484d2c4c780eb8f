/** Processes of a bench run: CPU pinning, peak memory, the machine, and the subgraphs' SQL counters. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export const hasTaskset = () => spawnSync('taskset', ['-V']).status === 0 && os.availableParallelism() >= 2;

/** Core 0 for the load generator; every other core for the servers (the machine has 2: one each). */
export const LOAD_CPUS = '0';
export const SERVER_CPUS = () => `1-${Math.max(1, os.availableParallelism() - 1)}`;

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch { /* gone meanwhile */ }
  }
  return found;
}

/** Every thread of this process and of all its descendants (PostgreSQL's backends included) onto `cpus`. */
export function pinTree(rootPid: number, cpus: string) {
  const queue = [rootPid];
  let pinned = 0;
  while (queue.length) {
    const pid = queue.shift()!;
    if (spawnSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' }).status === 0) pinned++;
    queue.push(...childrenOf(pid));
  }
  return pinned;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Peak resident memory of each process over a phase: RSS sampled every 50 ms, and the kernel's own high-water mark
 * (VmHWM), reset at the start of the phase where the kernel allows it (clear_refs 5).
 */
export function watchMemory(pids: Record<string, number>) {
  const peaks: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) {
    try { writeFileSync(`/proc/${pid}/clear_refs`, '5'); } catch { /* not permitted: VmHWM then covers the process's life */ }
    peaks[name] = statusKb(pid, 'VmRSS');
  }
  const timer = setInterval(() => {
    for (const [name, pid] of Object.entries(pids)) peaks[name] = Math.max(peaks[name]!, statusKb(pid, 'VmRSS'));
  }, 50);
  return {
    /** Peak resident set, MiB, per process. */
    stop(): Record<string, number> {
      clearInterval(timer);
      const out: Record<string, number> = {};
      for (const [name, pid] of Object.entries(pids)) out[name] = Math.max(peaks[name]!, statusKb(pid, 'VmHWM')) / 1024;
      return out;
    },
  };
}

export function machine() {
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown';
  let kernel = '';
  try { kernel = execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim(); } catch { /* not unix */ }
  return {
    nproc: os.availableParallelism(),
    cpu,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    kernel,
    /** 1-minute load average: other work on the machine shows here. */
    loadAverage: Math.round(os.loadavg()[0]! * 10) / 10,
  };
}

/** `sql_statements_total` from a service's /metrics. */
export async function sqlStatements(graphqlUrl: string): Promise<number> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
  const match = /^sql_statements_total (\d+)/m.exec(text);
  if (!match) throw new Error(`no sql_statements_total at ${graphqlUrl}`);
  return Number(match[1]);
}

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

/** utime + stime; with `reaped`, also the time of children that exited and were waited for (PostgreSQL backends). */
function cpuMsOf(pid: number, reaped = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    return (reaped ? own + Number(fields[13]) + Number(fields[14]) : own) * TICK_MS;
  } catch {
    return 0;
  }
}

/**
 * CPU time (ms) used by each named process between start and stop; a tree (PostgreSQL) counts its live backends and,
 * through the postmaster's reaped-children time, the backends that came and went in between.
 */
export function watchCpu(pids: Record<string, number>, treeNames: string[] = []) {
  const read = () => {
    const out: Record<string, Map<number, number>> = {};
    for (const [name, pid] of Object.entries(pids)) {
      const all = treeNames.includes(name) ? [pid, ...childrenOf(pid)] : [pid];
      out[name] = new Map(all.map((p) => [p, cpuMsOf(p, p === pid && treeNames.includes(name))]));
    }
    return out;
  };
  const before = read();
  return {
    stop(): Record<string, number> {
      const after = read();
      const used: Record<string, number> = {};
      for (const name of Object.keys(pids)) {
        let ms = 0;
        for (const [pid, t] of after[name]!) ms += t - (before[name]!.get(pid) ?? 0);
        used[name] = ms;
      }
      return used;
    },
  };
}
