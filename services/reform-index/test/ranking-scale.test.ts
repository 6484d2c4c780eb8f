import { beforeAll, describe, expect, it } from 'vitest';
import { ok, sql, sqlStatements, unique, viaGateway } from '../../../test/support/client.js';
import { createOrg, defineActiveSet, M, tokens, type Org } from './support/reform.js';

const YEAR = 2032;
const RANKING = `query($b: String!) { ranking(year: ${YEAR}, block: $b) { average entries { rank indexValue band organization { id code name } } } }`;

/**
 * 1,000 communes written straight into the organizations database in one statement (creating them one mutation
 * at a time would take most of a minute on this machine); the directory's own columns only.
 */
async function createMany(count: number, parentId: string, prefix: string): Promise<string[]> {
  const rows = await sql<{ id: string }>('organizations', `
    insert into organization (id, code, name, kind, parent_id, valid_from, search_text)
    select gen_random_uuid(), $1 || '-' || n, 'Ủy ban nhân dân xã Thử ' || n, 'COMMUNE_COMMITTEE', $2, '2020-01-01', lower($1 || '-' || n || ' uy ban nhan dan xa thu ' || n)
    from generate_series(1, $3::int) as n
    returning id`, [prefix, parentId, count]);
  return rows.map((r) => r.id);
}

/** Appraised assessments written straight into this subgraph's database: the workflow itself is tested elsewhere. */
async function appraisedAssessments(setId: string, block: string, orgIds: string[]) {
  await sql('reform-index', `
    insert into assessment (id, organization_id, year, block, criteria_set_id, status, sheet)
    select gen_random_uuid(), org, $1, $2, $3, 'APPRAISED', jsonb_build_object(
      '1.1.1', jsonb_build_object('self', 1500, 'evidence', jsonb_build_array('KH')),
      '1.1.2', jsonb_build_object('self', 1000),
      '1.2', jsonb_build_object('self', 1500),
      '2.1', jsonb_build_object('self', (n * 7) % 2801),
      '3.1', jsonb_build_object('survey', 3000))
    from unnest($4::uuid[]) with ordinality as t(org, n)`, [YEAR, block, setId, orgIds]);
}

async function publishedBlock(city: Org, size: number) {
  const block = unique(`SCALE${size}`);
  const setId = await defineActiveSet({ year: YEAR, block, ownerId: city.id });
  const orgIds = await createMany(size, city.id, block);
  await appraisedAssessments(setId, block, orgIds);
  return block;
}

async function statementsOf(run: () => Promise<unknown>) {
  const before = { ri: await sqlStatements('reform-index'), orgs: await sqlStatements('organizations') };
  await run();
  return { 'reform-index': (await sqlStatements('reform-index')) - before.ri, organizations: (await sqlStatements('organizations')) - before.orgs };
}

describe('the ranking of a large block costs the same number of SQL statements as a small one', () => {
  let small: string;
  let large: string;
  beforeAll(async () => {
    const t0 = Date.now();
    const city = await createOrg('CITY_COMMITTEE', 'Ủy ban nhân dân thành phố (thử nghiệm quy mô)');
    [small, large] = [await publishedBlock(city, 3), await publishedBlock(city, 1000)];
    console.log(`set-up of 1,003 organizations and assessments: ${Date.now() - t0} ms`);
  }, 120_000);

  it('publishes a block of 1,000 organizations and ranks it', async () => {
    const chair = await tokens.chair();
    ok(await viaGateway(M.publish, { year: YEAR, block: small, d: 'QĐ S' }, chair));
    const started = Date.now();
    const { publishIndex } = ok(await viaGateway<{ publishIndex: { entries: { rank: number; indexValue: number }[] } }>(M.publish, { year: YEAR, block: large, d: 'QĐ L' }, chair));
    console.log(`publishIndex of 1,000 assessments: ${Date.now() - started} ms`);
    expect(publishIndex.entries).toHaveLength(1000);
    const ranks = publishIndex.entries.map((e) => e.rank);
    expect(ranks[0]).toBe(1);
    // Some values repeat: equal values share a rank, the next distinct value takes its position.
    for (let i = 1; i < ranks.length; i++) {
      const tie = publishIndex.entries[i]!.indexValue === publishIndex.entries[i - 1]!.indexValue;
      expect(ranks[i]).toBe(tie ? ranks[i - 1] : i + 1);
    }
  });

  it('resolves the names of 1,000 organizations through the gateway with constant SQL per subgraph', async () => {
    let smallData: { ranking: { entries: unknown[] } } | undefined;
    let largeData: { ranking: { entries: { organization: { name: string } }[] } } | undefined;
    const forSmall = await statementsOf(async () => { smallData = ok(await viaGateway(RANKING, { b: small })); });
    const started = Date.now();
    const forLarge = await statementsOf(async () => { largeData = ok(await viaGateway(RANKING, { b: large })); });
    console.log(`ranking of 1,000 through the gateway: ${Date.now() - started} ms; SQL statements small ${JSON.stringify(forSmall)} large ${JSON.stringify(forLarge)}`);
    expect(smallData!.ranking.entries).toHaveLength(3);
    expect(largeData!.ranking.entries).toHaveLength(1000);
    expect(largeData!.ranking.entries.every((e) => e.organization.name.startsWith('Ủy ban nhân dân xã Thử'))).toBe(true);
    expect(forLarge).toEqual(forSmall);
    expect(forLarge['reform-index']).toBeLessThanOrEqual(3);
    expect(forLarge.organizations).toBeLessThanOrEqual(2);
  });
});
