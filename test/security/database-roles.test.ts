import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ok, platform, sql, token, viaGateway } from '../support/client.js';

/**
 * Each subgraph connects as a role of its own that owns its database and nothing else. Tried here as a subgraph's
 * credentials would be used by someone who stole them (or by an injection in that subgraph): every reach beyond its
 * own database fails.
 */
type Subgraph = 'organizations' | 'reform-index' | 'evaluations';
const SUBGRAPHS: Subgraph[] = ['organizations', 'reform-index', 'evaluations'];

async function as<R>(url: string, run: (client: pg.Client) => Promise<R>): Promise<R> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const databaseOf = (url: string) => new URL(url).pathname.slice(1);
const userOf = (url: string) => decodeURIComponent(new URL(url).username);
const otherDatabase = (url: string, other: Subgraph) => {
  const u = new URL(url);
  u.pathname = `/${databaseOf(platform().databaseUrls[other])}`;
  return u.toString();
};
async function sqlState(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('every subgraph connects to PostgreSQL as a role owning only its own database', () => {
  it('the platform gives each subgraph a role of its own, not the server admin', () => {
    const users = SUBGRAPHS.map((s) => userOf(platform().databaseUrls[s]));
    expect(new Set(users).size).toBe(3);
    for (const s of SUBGRAPHS) expect(userOf(platform().databaseUrls[s])).not.toBe(userOf(platform().adminDatabaseUrls[s]));
  });

  it('the role is no superuser, cannot create databases or roles, and owns its database', async () => {
    for (const subgraph of SUBGRAPHS) {
      const row = await as(platform().databaseUrls[subgraph], async (c) => (await c.query(`
        select r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolreplication, r.rolbypassrls,
               pg_get_userbyid(d.datdba) = current_user as owns_database,
               (select count(*)::int from pg_tables t where t.schemaname = 'public' and t.tableowner <> current_user) as foreign_tables,
               (select count(*)::int from pg_tables t where t.schemaname = 'public') as tables
        from pg_roles r, pg_database d where r.rolname = current_user and d.datname = current_database()`)).rows[0]);
      expect(row, subgraph).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolreplication: false, rolbypassrls: false, owns_database: true, foreign_tables: 0, tables: expect.any(Number) });
      expect(row.tables, subgraph).toBeGreaterThan(1);
    }
  });

  it('cannot connect to another subgraph\'s database, so it reads none of its data', async () => {
    for (const subgraph of SUBGRAPHS) {
      for (const other of SUBGRAPHS.filter((s) => s !== subgraph)) {
        const code = await sqlState(as(otherDatabase(platform().databaseUrls[subgraph], other), (c) => c.query('select count(*) from audit_record')));
        expect(code, `${subgraph} → ${other}`).toBe('42501'); // insufficient_privilege: permission denied for database
      }
    }
  });

  it('cannot raise itself, create databases or roles, or read the server\'s password hashes', async () => {
    for (const subgraph of SUBGRAPHS) {
      const url = platform().databaseUrls[subgraph];
      const admin = userOf(platform().adminDatabaseUrls[subgraph]);
      await as(url, async (c) => {
        const attempt = (text: string) => sqlState(c.query(text));
        expect(await attempt(`alter role current_user superuser`), subgraph).toBe('42501');
        expect(await attempt(`alter role current_user createdb`), subgraph).toBe('42501');
        expect(await attempt(`create database stolen_${Date.now()}`), subgraph).toBe('42501');
        expect(await attempt(`create role stolen_${Date.now()} login superuser`), subgraph).toBe('42501');
        expect(await attempt(`set role "${admin}"`), subgraph).toBe('42501');
        expect(await attempt('select rolpassword from pg_authid'), subgraph).toBe('42501');
        expect(await attempt(`copy (select 1) to program 'id'`), subgraph).toBe('42501');
        expect(await attempt(`select pg_read_file('postgresql.conf')`), subgraph).toBe('42501');
      });
    }
  });

  it('the running subgraphs are connected with these roles, never as the admin', async () => {
    // Work at every subgraph, so each holds connections to look at.
    const homeAffairs = await token('HOME_AFFAIRS');
    ok(await viaGateway('{ organizationByCode(code: "NONE") { id } criteriaSets(year: 1999) { block } annualSummary(year: 1999) { year } }', {}, homeAffairs));
    for (const subgraph of SUBGRAPHS) {
      const database = databaseOf(platform().databaseUrls[subgraph]);
      const sessions = await sql<{ usename: string }>(subgraph, `select usename from pg_stat_activity where datname = $1 and application_name = $1`, [database]);
      expect(sessions.length, subgraph).toBeGreaterThan(0);
      expect(new Set(sessions.map((s) => s.usename)), subgraph).toEqual(new Set([userOf(platform().databaseUrls[subgraph])]));
    }
  });
});
