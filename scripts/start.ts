/**
 * `pnpm start`: the whole platform on this machine. An embedded PostgreSQL keeps its data in `.data/` (or
 * DATABASE_URL is used), demo data is seeded on first run, and Ctrl-C stops everything, PostgreSQL included.
 */
import path from 'node:path';
import { watchLauncher } from './launcher.js';
import { launchPlatform, ROOT } from './platform.js';

// PAR_DATA_DIR moves the data (database, signing key) elsewhere, e.g. for a second instance or a recovery test.
const dataDir = path.resolve(process.env.PAR_DATA_DIR || path.join(ROOT, '.data'));
// --verbose: every service's every line, at debug level (health checks, each subgraph's requests); otherwise the
// gateway's request lines, warnings and errors. LOG_LEVEL and LOG_FORMAT (json) given in the environment win.
const verbose = process.argv.includes('--verbose');
console.log('Starting the PAR accountability platform…');
const platform = await launchPlatform({
  dataDir,
  databaseUrl: process.env.DATABASE_URL || undefined,
  seed: true,
  supervise: true,
  gatewayPort: Number(process.env.GATEWAY_PORT ?? 4000),
  env: { LOG_FORMAT: process.env.LOG_FORMAT || 'pretty', LOG_LEVEL: process.env.LOG_LEVEL || (verbose ? 'debug' : 'info') },
  log: (line) => {
    if (verbose || line.startsWith('[platform]') || line.startsWith('[gateway]') || /warn|error|fatal|panic/i.test(line)) console.log(line);
  },
});
console.log(`
Gateway:        ${platform.gatewayUrl}
Subgraphs:      ${Object.entries(platform.services).filter(([n]) => n !== 'gateway').map(([n, s]) => `${n} ${s.url}`).join('  ·  ')}
Database:       ${platform.postgres ? `embedded PostgreSQL on 127.0.0.1:${platform.postgres.port}, data in ${path.join(dataDir, 'postgres')}` : 'DATABASE_URL'}
A demo token:   pnpm run token --role HOME_AFFAIRS      (anonymous queries need none)
Stop with Ctrl-C.`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the gateway, the subgraphs and PostgreSQL…`);
  await platform.stop();
  console.log('Stopped.');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGHUP', () => void stop('SIGHUP'));
// `kill -TERM` of the pnpm process is not passed on to this one: notice that the launcher is gone, and stop too.
watchLauncher(() => void stop('the pnpm process that started the platform is gone'));
