import pg from 'pg';
import { ensureDatabase, withDatabase } from './orm.js';

/**
 * Each subgraph connects to PostgreSQL as a login role of its own that owns its database and nothing else: no
 * superuser, no CREATEDB, no CREATEROLE, no replication, no bypass of row security, and no CONNECT on the other
 * subgraphs' databases (revoked from PUBLIC there). A flaw in one subgraph then reaches its own data only.
 * The platform creates these with the server's admin URL; a deployment does the same once, by hand or by its
 * tooling, and hands each service only its own URL.
 */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function identifier(name: string, what: string) {
  if (!IDENTIFIER.test(name)) throw new Error(`${what} ${name} is not a plain identifier`);
  return `"${name}"`;
}

async function withClient<R>(url: string, run: (client: pg.Client) => Promise<R>): Promise<R> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates (or brings back into line) the role `role` with `password`, creates `dbName` if missing, makes the role
 * its owner and the owner of every object already in it (a database first created by the superuser, before
 * subgraphs had roles), and returns the URL the subgraph connects with. Idempotent: `pnpm start` runs it on every
 * start.
 */
export async function provisionDatabaseRole(adminUrl: string, dbName: string, role: string, password: string): Promise<string> {
  const db = identifier(dbName, 'database name');
  const who = identifier(role, 'role name');
  await ensureDatabase(adminUrl, dbName);
  await withClient(withDatabase(adminUrl, 'postgres'), async (client) => {
    const attributes = `login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit password ${client.escapeLiteral(password)}`;
    const exists = (await client.query('select 1 from pg_roles where rolname = $1', [role])).rowCount;
    if (!exists) {
      await client.query(`create role ${who} ${attributes}`).catch((error: { code?: string }) => {
        if (error.code !== '42710') throw error; // created meanwhile: brought into line below
      });
    }
    await client.query(`alter role ${who} ${attributes}`);
    await client.query(`alter database ${db} owner to ${who}`);
    await client.query(`revoke all on database ${db} from public`);
  });
  await withClient(withDatabase(adminUrl, dbName), async (client) => {
    // Before PostgreSQL 15 every role may create objects in `public`; from 15 on it belongs to the database owner.
    await client.query(`alter schema public owner to ${who}`);
    await client.query('revoke create on schema public from public');
    await client.query(`do $$
      declare r record;
      begin
        -- Tables (their own sequences follow them), then free-standing sequences, views, enum types and functions;
        -- members of extensions stay with the extension.
        for r in select c.oid::regclass as name, c.relkind from pg_class c
                 where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'f', 'v', 'm')
                   and c.relowner <> ${client.escapeLiteral(role)}::regrole
                   and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e') loop
          execute format(case r.relkind when 'v' then 'alter view %s owner to %I' when 'm' then 'alter materialized view %s owner to %I'
                                        when 'f' then 'alter foreign table %s owner to %I' else 'alter table %s owner to %I' end, r.name, ${client.escapeLiteral(role)});
        end loop;
        for r in select c.oid::regclass as name from pg_class c
                 where c.relnamespace = 'public'::regnamespace and c.relkind = 'S' and c.relowner <> ${client.escapeLiteral(role)}::regrole
                   and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i', 'e')) loop
          execute format('alter sequence %s owner to %I', r.name, ${client.escapeLiteral(role)});
        end loop;
        for r in select t.oid::regtype as name from pg_type t
                 where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd') and t.typowner <> ${client.escapeLiteral(role)}::regrole
                   and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e') loop
          execute format('alter type %s owner to %I', r.name, ${client.escapeLiteral(role)});
        end loop;
        for r in select p.oid::regprocedure as name from pg_proc p
                 where p.pronamespace = 'public'::regnamespace and p.proowner <> ${client.escapeLiteral(role)}::regrole
                   and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e') loop
          execute format('alter routine %s owner to %I', r.name, ${client.escapeLiteral(role)});
        end loop;
      end $$`);
  });
  const url = new URL(withDatabase(adminUrl, dbName));
  url.username = role;
  url.password = password;
  return url.toString();
}

/** Drops a role made by `provisionDatabaseRole` once its database is gone (a test run's cleanup). */
export async function dropDatabaseRole(adminUrl: string, role: string) {
  const who = identifier(role, 'role name');
  await withClient(withDatabase(adminUrl, 'postgres'), (client) => client.query(`drop role if exists ${who}`));
}
