import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, freePort, isOurPostmaster, loadOrCreateSigningKey, mintToken } from 'subgraph-kit';
import { ROOT } from '../../scripts/platform.js';
import { gql, ok, unique } from '../support/client.js';

/**
 * `pnpm start` exactly as a developer runs it (its own data folder and ports, so it never meets the test platform),
 * killed with SIGKILL — no chance to stop PostgreSQL or the services — and started again.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-start-'));
const running: ChildProcess[] = [];
let ports: { gateway: number; postgres: number };

afterAll(async () => {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) {
      try { process.kill(-child.pid!, 'SIGINT'); } catch { /* already gone */ }
      await new Promise((r) => { child.once('exit', r); setTimeout(r, 20_000); });
    }
  }
  // Whatever a failed run left behind: its processes (found by this run's data folder), then its PostgreSQL.
  for (const leftover of processesOfThisRun()) { try { process.kill(leftover.pid, 'SIGKILL'); } catch { /* gone */ } }
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (isOurPostmaster(pid, path.join(dataDir, 'postgres'))) process.kill(pid, 'SIGQUIT');
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

function pnpmStart(onOutput: (text: string) => void = () => {}): Promise<ChildProcess> {
  const env: Record<string, string | undefined> = { ...process.env, PAR_DATA_DIR: dataDir, GATEWAY_PORT: String(ports.gateway), EMBEDDED_PG_PORT: String(ports.postgres) };
  delete env.DATABASE_URL;
  // Its own process group, as in a terminal: the group is what a final Ctrl-C reaches.
  const child = spawn('pnpm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pnpm start did not come up in 150 s:\n${output.slice(-3000)}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      onOutput(chunk.toString('utf8'));
      if (output.includes('Stop with Ctrl-C')) { clearTimeout(timer); resolve(child); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`pnpm start exited (${code}):\n${output.slice(-3000)}`)); });
  });
}

/** Processes started with this test's data folder (found through their environment), with their parent. */
function processesOfThisRun(): { pid: number; ppid: number; cmd: string }[] {
  const found: { pid: number; ppid: number; cmd: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (!environ.split('\0').includes(`PAR_DATA_DIR=${dataDir}`)) continue;
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      const ppid = Number(/^\d+ \(.*\) \S (\d+)/.exec(readFileSync(`/proc/${entry}/stat`, 'utf8'))![1]);
      found.push({ pid: Number(entry), ppid, cmd });
    } catch { /* gone meanwhile */ }
  }
  return found;
}

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

async function database<R>(run: (client: pg.Client) => Promise<R>): Promise<R> {
  const password = readFileSync(path.join(dataDir, 'postgres.password'), 'utf8').trim();
  const client = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${ports.postgres}/par_organizations` });
  await client.connect();
  try { return await run(client); } finally { await client.end(); }
}

describe('pnpm start keeps PostgreSQL durable and recovers by itself after SIGKILL', () => {
  it('keeps fsync on, comes back after SIGKILL with no stale lock or orphan in the way, and has every committed write', async () => {
    ports = { gateway: await freePort(), postgres: await freePort() };
    const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
    await pnpmStart();

    // Only tests relax durability; `pnpm start` keeps PostgreSQL's defaults.
    expect(await database(async (c) => (await c.query('show fsync')).rows[0].fsync)).toBe('on');
    expect(await database(async (c) => (await c.query('show synchronous_commit')).rows[0].synchronous_commit)).toBe('on');

    const key = await loadOrCreateSigningKey(path.join(dataDir, 'keys'));
    const homeAffairs = await mintToken(key, { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, algorithm: 'ES256' },
      { sub: 'recovery-test', roles: ['HOME_AFFAIRS'], org: null, scope: null, expiresIn: '1h' });
    const code = unique('SIGKILL');
    ok(await gql(gatewayUrl, 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { code, name: 'Đơn vị trước sự cố', kind: 'DEPARTMENT', validFrom: '2020-01-01' } }, homeAffairs));

    // SIGKILL the process that owns the platform (the parent of the gateway and the subgraphs): nothing of it
    // gets to clean up; PostgreSQL is left running as an orphan and its postmaster.pid stays behind.
    const before = processesOfThisRun();
    const gateway = before.find((p) => p.cmd.includes('gateway/src/main.ts'))!;
    expect(gateway).toBeDefined();
    const owner = gateway.ppid;
    process.kill(owner, 'SIGKILL');
    const services = before.filter((p) => p.ppid === owner && p.cmd.includes('/src/main.ts'));
    expect(services).toHaveLength(4);
    const postmasterPid = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(postmasterPid)).toBe(true);
    expect(isOurPostmaster(postmasterPid, path.join(dataDir, 'postgres'))).toBe(true);
    expect(isOurPostmaster(process.pid, path.join(dataDir, 'postgres'))).toBe(false); // a reused pid is left alone
    // The services notice their parent is gone and stop (they would otherwise keep the gateway's port).
    for (let i = 0; i < 200 && services.some((s) => alive(s.pid)); i++) await new Promise((r) => setTimeout(r, 50));
    expect(services.filter((s) => alive(s.pid)).map((s) => s.cmd)).toEqual([]);

    const second = await pnpmStart();
    expect(alive(postmasterPid)).toBe(false); // the orphan was stopped, not left to fight over the data

    const found = ok(await gql<{ organizationByCode: { name: string } | null }>(gatewayUrl, 'query($code: String!) { organizationByCode(code: $code) { name } }', { code }));
    expect(found.organizationByCode).toEqual({ name: 'Đơn vị trước sự cố' });
    expect(await database(async (c) => (await c.query('show fsync')).rows[0].fsync)).toBe('on');

    // Ctrl-C (SIGINT to the terminal's process group) still stops everything, PostgreSQL included.
    process.kill(-second.pid!, 'SIGINT');
    await new Promise((r) => second.once('exit', r));
    for (let i = 0; i < 200 && existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 400_000);

  it('logs a service that dies and restarts it; SIGTERM to the pnpm process alone stops everything', async () => {
    ports = { gateway: await freePort(), postgres: await freePort() };
    const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
    let log = '';
    const launcher = await pnpmStart((text) => { log += text; });
    const ready = async () => (await (await fetch(gatewayUrl.replace('/graphql', '/ready'))).json()) as { subgraphs: { name: string; reachable: boolean }[] };

    const organizations = processesOfThisRun().find((p) => p.cmd.includes('organizations/src/main.ts'))!;
    process.kill(organizations.pid, 'SIGKILL');
    // While it is down the gateway stays in the load balancer (200) and says which subgraph it cannot reach.
    const during = await fetch(gatewayUrl.replace('/graphql', '/ready'));
    expect(during.status).toBe(200);
    expect(((await during.json()) as Awaited<ReturnType<typeof ready>>).subgraphs.find((s) => s.name === 'organizations')?.reachable).toBe(false);
    for (let i = 0; i < 300 && !/organizations restarted/.test(log); i++) await new Promise((r) => setTimeout(r, 100));
    expect(log).toMatch(new RegExp(`\\[platform\\] organizations \\(pid ${organizations.pid}\\) exited \\(SIGKILL\\); restarting in 1 s`));
    expect(log).toMatch(/\[platform\] organizations restarted \(pid \d+\)/);
    expect((await ready()).subgraphs.every((s) => s.reachable)).toBe(true);
    expect(ok(await gql<{ organizations: { totalCount: number } }>(gatewayUrl, '{ organizations(first: 1) { totalCount } }')).organizations.totalCount).toBeGreaterThan(0);

    // `kill -TERM <pnpm>`: pnpm does not pass it on; the platform notices its launcher is gone and stops.
    const tree = processesOfThisRun();
    expect(tree.length).toBeGreaterThanOrEqual(5);
    process.kill(launcher.pid!, 'SIGTERM');
    for (let i = 0; i < 300 && processesOfThisRun().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(processesOfThisRun().map((p) => p.cmd)).toEqual([]);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    await expect(fetch(gatewayUrl.replace('/graphql', '/health'))).rejects.toThrow();
  }, 400_000);
});
