import { MikroORM, type Constructor } from '@mikro-orm/postgresql';
import type { Migration } from '@mikro-orm/migrations';
import { Migrator } from '@mikro-orm/migrations';
import pg from 'pg';
import { AuditSubscriber } from '../audit/audit-subscriber.js';

/**
 * SQL statements are counted (exposed on /metrics as sql_statements_total) so that tests and `pnpm bench` can
 * show that a query's statement count does not grow with its rows.
 */
export const sqlTotals = { statements: 0 };

export interface DatabaseOptions {
  /** Full URL of this subgraph's database, or of the server (then `dbName` is created in it). */
  url: string;
  dbName?: string;
  entities: Constructor<object>[];
  migrations: { name: string; class: Constructor<Migration> }[];
  debug?: boolean;
  poolMax?: number;
}

/** Points the URL at another database on the same server. */
export function withDatabase(url: string, dbName: string) {
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  return u.toString();
}

export async function ensureDatabase(serverUrl: string, dbName: string) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(dbName)) throw new Error(`database name ${dbName} is not a plain identifier`);
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [dbName]);
    if (found.rowCount === 0) {
      await client.query(`create database "${dbName}" encoding 'UTF8' template template0`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by a sibling service: fine
      });
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, dbName: string) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`drop database if exists "${dbName}" with (force)`);
  } finally {
    await client.end();
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  const clientUrl = options.dbName ? withDatabase(options.url, options.dbName) : options.url;
  const dbName = new URL(clientUrl).pathname.slice(1);
  await ensureDatabase(clientUrl, dbName);
  const orm = await MikroORM.init({
    clientUrl,
    entities: options.entities,
    extensions: [Migrator],
    subscribers: [new AuditSubscriber()],
    discovery: { requireEntitiesArray: true, disableDynamicFileAccess: true },
    migrations: { migrationsList: options.migrations, silent: true, transactional: true, allOrNothing: true, snapshot: false, disableForeignKeys: false },
    ensureDatabase: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: options.debug ?? false,
    pool: { min: 0, max: options.poolMax ?? 10, idleTimeoutMillis: 10_000 },
    driverOptions: { connection: { statement_timeout: 30_000, application_name: dbName } },
  });
  orm.em.getConnection().getKnex().on('query', () => {
    sqlTotals.statements++;
  });
  await orm.getMigrator().up();
  return orm;
}
