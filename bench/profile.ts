/**
 * Reads the CPU profiles `pnpm bench --profile` leaves in bench/.data/profiles (one per process: node --cpu-prof)
 * and says where the time went: self time per package and the hottest functions, idle time excluded.
 *
 *   pnpm exec tsx bench/profile.ts [dir]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface Profile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

function packageOf(url: string): string {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url) ?? /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1]!;
  const own = /\/(services\/[^/]+|gateway|bench|scripts)\//.exec(url);
  return own ? own[1]! : url.replace(/^file:\/\//, '');
}

export interface ProfileSummary { file: string; busyMs: number; byPackage: [string, number][]; byFunction: [string, number][] }

export function summarize(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    // In-process profiling (bench/cpu-profile.mjs) books the idle loop under the inspector's native `dispatch`.
    if (functionName === '(idle)' || functionName === '(program)' || (functionName === 'dispatch' && !url)) continue;
    busy += ms;
    const pkg = functionName === '(garbage collector)' ? '(garbage collector)' : packageOf(url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
    const name = `${functionName || '(anonymous)'} ${url ? `${packageOf(url)}:${path.basename(url)}:${lineNumber + 1}` : ''}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { file, busyMs: busy, byPackage: sorted(packages), byFunction: sorted(functions) };
}

function profilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? profilesUnder(full) : entry.endsWith('.cpuprofile') ? [full] : [];
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '.data', 'profiles');
  for (const file of profilesUnder(dir)) {
    const s = summarize(file);
    console.log(`\n${path.relative(dir, file)}: ${(s.busyMs / 1000).toFixed(1)} s busy`);
    for (const [pkg, ms] of s.byPackage) console.log(`  ${((100 * ms) / s.busyMs).toFixed(1).padStart(5)} %  ${pkg}`);
    console.log('  hottest functions:');
    for (const [fn, ms] of s.byFunction) console.log(`  ${((100 * ms) / s.busyMs).toFixed(1).padStart(5)} %  ${fn}`);
  }
}
