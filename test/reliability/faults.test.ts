import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Role } from 'subgraph-kit';
import { launchPlatform, type Platform } from '../../scripts/platform.js';
import { gql, ok, unique, type GraphQLResponse } from '../support/client.js';

/**
 * Faults on a platform of this file's own (the shared one must stay healthy for the other files): durable
 * PostgreSQL settings, as `pnpm start` runs it, so "no acknowledged write is lost" means what it says, and
 * production mode (NODE_ENV=production), so every error a client sees here is the one it would see in
 * production — which is also where the production-only rules (no introspection, no hints) are checked.
 */
let platform: Platform;
const logs: string[] = [];

beforeAll(async () => {
  // The load below is anonymous and from one address: the rate limit would answer it before the outage could.
  platform = await launchPlatform({ production: true, env: { RATE_LIMIT: 'off' }, log: (line) => { logs.push(line); if (logs.length > 300) logs.shift(); } });
}, 180_000);
afterAll(async () => { await platform?.stop(); });

const tokenFor = (roles: Role[], sub = 'fault-tester') =>
  platform.token({ sub, roles, org: null, scope: null, expiresIn: '1h' });
const gateway = (query: string, variables?: Record<string, unknown>, token?: string | null) =>
  gql(platform.gatewayUrl, query, variables, token);

async function dbRows<R extends Record<string, any>>(text: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: platform.databaseUrls.organizations });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as R[];
  } finally {
    await client.end();
  }
}

const CREATE = 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id code } }';
const create = (code: string, token: string) =>
  gateway(CREATE, { input: { code, name: `Đơn vị ${code}`, kind: 'DEPARTMENT', validFrom: '2020-01-01' } }, token);
const alive = (name: keyof Platform['services']) => {
  const child = platform.services[name].process;
  return child.exitCode === null && child.signalCode === null;
};

describe('in production mode the platform tells strangers nothing about itself', () => {
  const SUBGRAPHS = ['organizations', 'reform-index', 'evaluations'] as const;

  it('refuses introspection at the gateway and at every subgraph, even with a valid token', async () => {
    const homeAffairs = await tokenFor(['HOME_AFFAIRS']);
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Organization") { fields { name } } }']) {
      const response = await gateway(query, {}, homeAffairs);
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.errors?.[0]?.message).toMatch(/introspection/i);
      for (const subgraph of SUBGRAPHS) {
        const direct = await gql(platform.services[subgraph].url, query, {}, homeAffairs);
        expect(direct.errors?.[0]?.message, subgraph).toMatch(/introspection/i);
      }
    }
    // __typename is not introspection: clients and the gateway rely on it.
    expect(ok(await gateway('{ __typename }'))).toEqual({ __typename: 'Query' });
  });

  it('gives no field suggestions and no stack traces', async () => {
    const homeAffairs = await tokenFor(['HOME_AFFAIRS']);
    const misspelt = await gateway('{ organizaton(id: "x") { id } }');
    expect(misspelt.errors?.[0]?.message).not.toMatch(/Did you mean|organization"/);
    expect(misspelt.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const subgraph of SUBGRAPHS) {
      const direct = await gql(platform.services[subgraph].url, '{ organizaton(id: "x") { id } }', {}, homeAffairs);
      expect(JSON.stringify(direct.errors), subgraph).not.toMatch(/Did you mean|stacktrace/);
    }
    const refused = await gateway(CREATE, { input: { code: 'X', name: 'X', kind: 'DEPARTMENT', validFrom: '2020-01-01' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(refused)).not.toMatch(/stacktrace|\/src\/|node_modules/);
  });
});

describe('a subgraph that is down does not take the others with it', () => {
  it('answers the other subgraphs\' fields, names the missing service, and stays up', async () => {
    const homeAffairs = await tokenFor(['HOME_AFFAIRS']);
    const code = unique('DOWN');
    ok(await create(code, homeAffairs));
    const query = `query($code: String!) {
      directory: organizationByCode(code: $code) { code name reformIndex(year: 2025) { indexValue } }
      evaluated: organizationByCode(code: $code) { headEvaluations { id } }
    }`;

    await platform.services.evaluations.kill();
    try {
      const response = await gateway(query, { code });
      expect(response.status).toBe(200);
      expect(response.data?.directory).toMatchObject({ code, reformIndex: null });
      expect(response.data?.evaluated).toBeNull();
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]!.message).toMatch(/evaluations service is unavailable/);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', serviceName: 'evaluations' });
      // The gateway itself is unharmed: health and the remaining subgraphs keep answering.
      expect((await fetch(platform.gatewayUrl.replace('/graphql', '/health'))).status).toBe(200);
      expect(ok(await gateway('query($code: String!) { organizationByCode(code: $code) { name } }', { code }))).toEqual({ organizationByCode: { name: `Đơn vị ${code}` } });
    } finally {
      await platform.services.evaluations.start();
    }
    expect(ok(await gateway(query, { code })).evaluated).toEqual({ headEvaluations: [] });
    expect(alive('gateway')).toBe(true);
  });
});

describe('PostgreSQL restarted under load', () => {
  it('fails requests cleanly during the outage, serves them again afterwards without restarting any service, and loses no acknowledged write', async () => {
    const homeAffairs = await tokenFor(['HOME_AFFAIRS']);
    const outcomes: { ok: boolean; code?: string; message?: string; writtenCode?: string; phase: string }[] = [];
    let phase = 'before';
    let running = true;
    const worker = async (n: number) => {
      while (running) {
        const code = unique(`PG${n}`);
        const response: GraphQLResponse = await (n % 2 ? create(code, homeAffairs) : gateway('{ organizationByCode(code: "NONE") { id } }'))
          .catch((error: Error) => ({ status: 0, errors: [{ message: `transport: ${error.message}`, extensions: { code: 'TRANSPORT' } }] }));
        const error = response.errors?.[0];
        outcomes.push({ ok: !error, code: error?.extensions?.code, message: error?.message, writtenCode: !error && n % 2 ? code : undefined, phase });
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    await new Promise((r) => setTimeout(r, 400));
    phase = 'outage';
    await platform.postgres!.restart(1_500);
    phase = 'after';
    await new Promise((r) => setTimeout(r, 1_500));
    running = false;
    await Promise.all(workers);

    const failures = outcomes.filter((o) => !o.ok);
    expect(failures.length).toBeGreaterThan(0); // the outage was real
    for (const failure of failures) {
      expect(failure.code, JSON.stringify(failure)).toBe('INTERNAL_SERVER_ERROR');
      expect(failure.message, JSON.stringify(failure)).toMatch(/database is unavailable/);
    }
    for (const name of ['organizations', 'reform-index', 'evaluations', 'gateway'] as const) expect(alive(name), name).toBe(true);

    // Afterwards every request succeeds, on the same service processes.
    const again = await Promise.all([0, 1, 2, 3, 4, 5].map(() => create(unique('PGOK'), homeAffairs)));
    for (const response of again) ok(response);
    expect(outcomes.filter((o) => o.phase === 'after').at(-1)?.ok).toBe(true);

    // Zero lost writes: every creation the platform acknowledged is stored, with its audit record.
    const acknowledged = outcomes.filter((o) => o.writtenCode).map((o) => o.writtenCode!);
    expect(acknowledged.length).toBeGreaterThan(0);
    const stored = await dbRows<{ code: string; audits: number }>(
      `select o.code, (select count(*)::int from audit_record a where a.entity_id = o.id::text) as audits
         from organization o where o.code = any($1)`, [acknowledged]);
    expect(stored.map((r) => r.code).sort()).toEqual([...acknowledged].sort());
    expect(stored.every((r) => r.audits === 1)).toBe(true);
  });
});

describe('a service killed in the middle of a mutation', () => {
  it('leaves no partial write, and the same mutation succeeds once it is back', async () => {
    const homeAffairs = await tokenFor(['HOME_AFFAIRS']);
    const code = unique('KILL');
    // Hold the mutation inside its transaction right after it has written its organization row: a statement
    // trigger (this file's own database) waits for an advisory lock this test holds.
    await dbRows(`create or replace function fault_test_hold() returns trigger language plpgsql as $$
      begin perform pg_advisory_xact_lock(4242); return null; end $$`);
    await dbRows('create trigger fault_test_hold after insert on organization for each statement execute function fault_test_hold()');
    const blocker = new pg.Client({ connectionString: platform.databaseUrls.organizations });
    await blocker.connect();
    try {
      await blocker.query('select pg_advisory_lock(4242)');
      const pending = create(code, homeAffairs).catch((error: Error) => ({ status: 0, errors: [{ message: error.message }] }));
      let waiting: { pid: number; backend_xid: string | null } | undefined;
      for (let i = 0; i < 400 && !waiting; i++) {
        [waiting] = (await blocker.query(`select pid, backend_xid::text from pg_stat_activity
          where datname = current_database() and wait_event = 'advisory' and pid <> pg_backend_pid()`)).rows;
        if (!waiting) await new Promise((r) => setTimeout(r, 25));
      }
      expect(waiting, 'the mutation reached its insert').toBeDefined();
      expect(waiting!.backend_xid, 'the mutation had already written inside its transaction').not.toBeNull();

      await platform.services.organizations.kill();
      const response = await pending;
      expect(response.errors?.length).toBeGreaterThan(0);
      for (let i = 0; i < 400; i++) {
        const { rows } = await blocker.query('select 1 from pg_stat_activity where pid = $1', [waiting!.pid]);
        if (!rows.length) break;
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      await blocker.query('select pg_advisory_unlock_all()');
      await blocker.end();
      await dbRows('drop trigger if exists fault_test_hold on organization');
    }
    expect(await dbRows('select id from organization where code = $1', [code])).toEqual([]);
    expect(await dbRows(`select id from audit_record where after like $1`, [`%${code}%`])).toEqual([]);

    await platform.services.organizations.start();
    const { createOrganization } = ok(await create(code, homeAffairs)) as { createOrganization: { id: string } };
    expect(await dbRows('select code from organization where code = $1', [code])).toEqual([{ code }]);
    expect(await dbRows('select action from audit_record where entity_id = $1', [createOrganization.id])).toEqual([{ action: 'createOrganization' }]);
  });
});
