/**
 * Brings up the whole platform as one process tree: a PostgreSQL (embedded, or the server at DATABASE_URL), the
 * three subgraphs and the gateway, each a child process started from its own `main` and configured by environment
 * only, exactly as each deploys on its own. Used by `pnpm start`, the end-to-end tests and `pnpm bench`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_AUDIENCE, DEFAULT_ISSUER, dropDatabase, dropDatabaseRole, envName, generateServiceKey, generateSigningKey,
  loadOrCreateSigningKey, mintToken, provisionDatabaseRole, startEmbeddedPostgres, withDatabase, type EmbeddedPostgres,
  type SigningKey, type TokenClaims,
} from 'subgraph-kit';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SUBGRAPH_NAMES = ['organizations', 'reform-index', 'evaluations'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export interface PlatformOptions {
  /** Persistent data folder (`.data` for `pnpm start`); omit for a throw-away database and key (tests). */
  dataDir?: string;
  /** An existing PostgreSQL server to use instead of the embedded one. */
  databaseUrl?: string;
  /** Prefix of the databases created on the server (tests pick a random one, so runs never collide). */
  dbPrefix?: string;
  seed?: boolean;
  /** Relax durability (tests only). */
  fast?: boolean;
  gatewayPort?: number;
  production?: boolean;
  /** Restart a service that dies, with backoff, and log it (`pnpm start`; tests kill services on purpose). */
  supervise?: boolean;
  log?: (line: string) => void;
  /** Extra environment for every service. */
  env?: Record<string, string>;
}

export interface ServiceProcess {
  name: string;
  url: string;
  port: number;
  process: ChildProcess;
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Start it again on the same port. */
  start(): Promise<void>;
}

export interface Platform {
  gatewayUrl: string;
  /** The secret the gateway shares with each subgraph (fresh each launch); a second gateway (`pnpm bench`'s Hive
   * Gateway, a test's own) signs with these. */
  gatewaySecrets: Record<SubgraphName, string>;
  services: Record<SubgraphName | 'gateway', ServiceProcess>;
  /** Database URL of each subgraph, as its own role (what the subgraph connects with). */
  databaseUrls: Record<SubgraphName, string>;
  /** The same databases as the server's admin (superuser): for tests' checks and fixtures, never for a service. */
  adminDatabaseUrls: Record<SubgraphName, string>;
  postgres: EmbeddedPostgres | null;
  /** Signs user tokens (as the identity provider would); no service process holds it. */
  signingKey: SigningKey;
  token(claims: TokenClaims): Promise<string>;
  stop(): Promise<void>;
}

const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');

/** One service as a child process, started from its own `main` and configured by `env` only. */
export async function startService(name: string, entry: string, port: number, env: Record<string, string>, log: (l: string) => void): Promise<ServiceProcess> {
  const service: ServiceProcess = {
    name,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    process: undefined as unknown as ChildProcess,
    async kill() {
      const child = service.process;
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGKILL'); });
    },
    async start() {
      const child = spawn(process.execPath, ['--enable-source-maps', '--import', tsx, entry], {
        // The IPC channel tells the service when this process dies, however it dies (see stopWithParent).
        cwd: ROOT, env: { ...process.env, ...env, PORT: String(service.port) }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      service.process = child;
      let output = '';
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output += text;
        for (const line of text.split('\n')) if (line.trim()) log(`[${name}] ${line}`);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} did not start in 90 s:\n${output.slice(-3000)}`)), 90_000);
        const check = () => {
          const ready = /ready at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
          if (ready) {
            // Port 0 lets the service bind a free port itself (no window for another process to take it); a
            // restart reuses the port it got, so the gateway's URL for it stays right.
            service.port = Number(ready[1]);
            service.url = `http://127.0.0.1:${service.port}/graphql`;
            clearTimeout(timer); child.stdout!.off('data', check); resolve();
          }
        };
        child.stdout!.on('data', check);
        child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited (${code}) during start:\n${output.slice(-3000)}`)); });
      });
      child.removeAllListeners('exit');
    },
  };
  await service.start();
  return service;
}

/**
 * Keeps a service running: when its process dies it is logged and started again on the same port (so the gateway's
 * URL for it stays right), after 1 s, then 2, 4 … up to 30 s while it keeps failing; a service that stays up a
 * minute starts counting from 1 s again.
 */
function supervise(service: ServiceProcess, stopping: () => boolean, log: (line: string) => void) {
  let failures = 0;
  let upSince = Date.now();
  const watch = () => {
    const child = service.process;
    child.once('exit', (code, signal) => {
      if (stopping()) return;
      if (Date.now() - upSince > 60_000) failures = 0;
      const delay = Math.min(30_000, 1_000 * 2 ** failures++);
      log(`[platform] ${service.name} (pid ${child.pid}) exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000} s`);
      const restart = () => {
        if (stopping()) return;
        service.start().then(() => {
          upSince = Date.now();
          log(`[platform] ${service.name} restarted (pid ${service.process.pid}) at ${service.url}`);
          watch();
        }, (error: Error) => {
          const next = Math.min(30_000, 1_000 * 2 ** failures++);
          log(`[platform] ${service.name} failed to restart (${error.message.split('\n')[0]}); trying again in ${next / 1000} s`);
          setTimeout(restart, next);
        });
      };
      setTimeout(restart, delay);
    });
  };
  watch();
}

/**
 * The subgraphs' database passwords: kept with the data (owner-readable only) so `pnpm start` finds its roles
 * again; fresh for a throw-away run.
 */
function databasePasswords(dataDir: string | undefined): Record<SubgraphName, string> {
  const fresh = () => Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, randomBytes(24).toString('base64url')])) as Record<SubgraphName, string>;
  if (!dataDir) return fresh();
  const file = path.join(dataDir, 'keys', 'database-passwords.json');
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<SubgraphName, string>>;
    if (SUBGRAPH_NAMES.every((n) => typeof kept[n] === 'string' && kept[n])) return kept as Record<SubgraphName, string>;
  }
  const passwords = fresh();
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(passwords, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return passwords;
}

async function reservePort(): Promise<{ port: number; release(): Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', () => resolve()); });
  return {
    port: (server.address() as net.AddressInfo).port,
    release: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function launchPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const log = options.log ?? (() => {});
  const signingKey = options.dataDir ? await loadOrCreateSigningKey(path.join(options.dataDir, 'keys')) : await generateSigningKey();
  let postgres: EmbeddedPostgres | null = null;
  let serverUrl = options.databaseUrl;
  if (!serverUrl) {
    postgres = await startEmbeddedPostgres({
      dataDir: options.dataDir ? path.join(options.dataDir, 'postgres') : undefined,
      port: options.dataDir ? Number(process.env.EMBEDDED_PG_PORT ?? 54329) : 0,
      fast: options.fast,
      log: (l) => log(`[postgres] ${l}`),
    });
    serverUrl = postgres.url;
  }
  const prefix = options.dbPrefix ?? 'par';
  const dbNameOf = (n: SubgraphName) => `${prefix}_${n.replace(/-/g, '_')}`;
  const adminDatabaseUrls = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, withDatabase(serverUrl!, dbNameOf(n))])) as Record<SubgraphName, string>;
  // One role per subgraph, named like its database (roles are server-wide: a test run's prefix keeps runs apart).
  const passwords = databasePasswords(options.dataDir);
  const databaseUrls = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (n) =>
    [n, await provisionDatabaseRole(serverUrl!, dbNameOf(n), dbNameOf(n), passwords[n])]))) as Record<SubgraphName, string>;
  // Each subgraph its own gateway secret and its own key for SERVICE tokens; every verifier trusts those keys
  // for SERVICE tokens only (kit auth/tokens.ts). The user-token key stays in this process.
  const gatewaySecrets = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, randomBytes(32).toString('base64url')])) as Record<SubgraphName, string>;
  const serviceKeys = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (n) => [n, await generateServiceKey(n)]))) as Record<SubgraphName, SigningKey>;
  // Subgraphs bind a free port themselves (0). The gateway's port must be known before the subgraphs start (they
  // call it back), so it is held by a listening socket until the gateway is about to bind it.
  const gatewayReservation = options.gatewayPort ? null : await reservePort();
  const ports = {
    gateway: options.gatewayPort ?? gatewayReservation!.port,
    organizations: 0,
    'reform-index': 0,
    evaluations: 0,
  };
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
  const common: Record<string, string> = {
    NODE_ENV: options.production ? 'production' : 'development',
    GATEWAY_URL: gatewayUrl,
    AUTH_ISSUER: DEFAULT_ISSUER,
    AUTH_AUDIENCE: DEFAULT_AUDIENCE,
    AUTH_ALGORITHM: 'ES256',
    AUTH_PUBLIC_JWK: JSON.stringify(signingKey.publicJwk),
    SERVICE_PUBLIC_JWKS: JSON.stringify({ keys: SUBGRAPH_NAMES.map((n) => serviceKeys[n].publicJwk) }),
    ...(options.seed ? { SEED: '1' } : {}),
    ...options.env,
  };
  const started: ServiceProcess[] = [];
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    await Promise.all(started.map(async (s) => {
      const child = s.process;
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
      });
    }));
    if (postgres) await postgres.stop();
    if (options.databaseUrl && !options.dataDir && options.dbPrefix) {
      for (const n of SUBGRAPH_NAMES) {
        await dropDatabase(serverUrl!, dbNameOf(n)).catch(() => {});
        await dropDatabaseRole(serverUrl!, dbNameOf(n)).catch(() => {});
      }
    }
  };
  const killOnExit = () => { for (const s of started) s.process.kill('SIGKILL'); };
  process.once('exit', killOnExit);
  try {
    // The three start together: seeds refer to seeded organizations by ids derived from their codes (stableId).
    const subgraphs = await Promise.all(SUBGRAPH_NAMES.map((name) =>
      startService(name, path.join(ROOT, 'services', name, 'src', 'main.ts'), ports[name], {
        ...common,
        [`${envName(name)}_DATABASE_URL`]: databaseUrls[name],
        GATEWAY_SECRET: gatewaySecrets[name],
        SERVICE_PRIVATE_JWK: JSON.stringify(serviceKeys[name].privateJwk),
      }, log).then((s) => { started.push(s); return s; })));
    await gatewayReservation?.release();
    const gateway = await startService('gateway', path.join(ROOT, 'gateway', 'src', 'main.ts'), ports.gateway, {
      ...common,
      ORGANIZATIONS_URL: subgraphs[0]!.url,
      REFORM_INDEX_URL: subgraphs[1]!.url,
      EVALUATIONS_URL: subgraphs[2]!.url,
      ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`GATEWAY_SECRET_${envName(n)}`, gatewaySecrets[n]])),
    }, log);
    started.push(gateway);
    if (options.supervise) for (const service of started) supervise(service, () => stopping, log);
    return {
      gatewayUrl,
      gatewaySecrets,
      services: { organizations: subgraphs[0]!, 'reform-index': subgraphs[1]!, evaluations: subgraphs[2]!, gateway },
      databaseUrls,
      adminDatabaseUrls,
      postgres,
      signingKey,
      token: (claims) => mintToken(signingKey, { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, algorithm: 'ES256' }, claims),
      async stop() {
        process.off('exit', killOnExit);
        await stopAll();
      },
    };
  } catch (error) {
    await gatewayReservation?.release();
    await stopAll();
    throw error;
  }
}
