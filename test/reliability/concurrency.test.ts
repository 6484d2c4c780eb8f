import { beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, sql, token, unique, viaGateway, type GraphQLResponse } from '../support/client.js';
import { appraised, chairToken, cityAndChairman, cityRule, definedBlock } from '../security/fixture.js';

/**
 * Races that happen for real: a unit's staff saving the same draft from many desks, a double-clicked publication,
 * two Home Affairs officers proposing the same block's evaluations. The database decides (versions and unique
 * constraints), not timing: exactly one writer wins, the others are told CONFLICT, and nothing is written twice.
 */
const WRITERS = 50;
const YEAR = 2023;
let cityId: string;
let chairmanId: string;

async function unitWithHead(name: string) {
  const ha = await token('HOME_AFFAIRS', { sub: 'race-home-affairs' });
  const id = ok(await viaGateway<{ createOrganization: { id: string } }>('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    { input: { code: unique('RACE'), name, kind: 'DEPARTMENT', parentId: cityId, validFrom: '2000-01-01' } }, ha)).createOrganization.id;
  const personId = ok(await viaGateway<{ createPerson: { id: string } }>('mutation($n: String!) { createPerson(fullName: $n) { id } }', { n: `Thủ trưởng ${name}` }, ha)).createPerson.id;
  ok(await viaGateway('mutation($input: AppointHeadInput!) { appointHead(input: $input) { id } }', { input: { personId, organizationId: id, title: 'Giám đốc', startDate: '2020-01-01' } }, ha));
  return { id, headId: personId };
}

beforeAll(async () => {
  ({ cityId, chairmanId } = await cityAndChairman());
  await cityRule(cityId);
}, 180_000);

const codes = (responses: GraphQLResponse[]) => responses.map((r) => (r.errors?.length ? String(r.errors[0]!.extensions?.code) : 'OK'));
const tally = (list: string[]) => list.reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});

describe(`${WRITERS} writers save one self-assessment with the same expectedVersion`, () => {
  it('exactly one succeeds, the others get CONFLICT, and the stored scores are the winner\'s', async () => {
    const unit = await unitWithHead('Sở Tranh chấp');
    const { assessments: [assessment] } = await definedBlock(YEAR, unique('RACE'), [unit.id]);
    const staff = await Promise.all(Array.from({ length: WRITERS }, (_, i) => token(i % 2 ? 'ORG_STAFF' : 'ORG_HEAD', { sub: i % 2 ? `staff-${i}` : unit.headId, org: unit.id })));
    const scoreOf = (i: number) => 50 + i / 4; // every writer a different, valid score (two decimals at most)
    const responses = await Promise.all(staff.map((t, i) => viaGateway<{ saveSelfScores: { version: number } }>(
      'mutation($id: ID!, $v: Int!, $s: [SelfScoreInput!]!) { saveSelfScores(assessmentId: $id, expectedVersion: $v, scores: $s) { version } }',
      { id: assessment!.id, v: assessment!.version, s: [{ criterionCode: 'A.1', score: scoreOf(i) }] }, t)));

    expect(tally(codes(responses))).toEqual({ OK: 1, CONFLICT: WRITERS - 1 });
    const winner = responses.findIndex((r) => !r.errors?.length);
    for (const loser of responses.filter((_, i) => i !== winner)) expectError(loser, 'CONFLICT', 'expectedVersion');

    const stored = ok(await viaGateway<{ assessment: { version: number; scores: { criterionCode: string; selfScore: number | null }[] } }>(
      'query($id: ID!) { assessment(id: $id) { version scores { criterionCode selfScore } } }', { id: assessment!.id }, await token('HOME_AFFAIRS'))).assessment;
    expect(stored.version).toBe(responses[winner]!.data!.saveSelfScores.version);
    expect(stored.scores.find((s) => s.criterionCode === 'A.1')?.selfScore).toBe(scoreOf(winner));
    const audits = await sql('reform-index', `select count(*)::int as n from audit_record where entity_id = $1 and action = 'saveSelfScores'`, [assessment!.id]);
    expect(audits[0]!.n).toBe(1);
  });
});

describe('two publications of one block at the same moment', () => {
  it('publish it once: one succeeds, the other gets CONFLICT, one publication row', async () => {
    const units = await Promise.all([unitWithHead('Sở Công bố A'), unitWithHead('Sở Công bố B')]);
    const block = unique('RACEPUB');
    const { assessments } = await definedBlock(YEAR, block, units.map((u) => u.id));
    await Promise.all(assessments.map((a, i) => appraised(a, units[i]!.id, units[i]!.headId, 80 + i)));
    const chair = await chairToken({ chairmanId, cityId });
    const publish = (d: string) => viaGateway('mutation($y: Int!, $b: String!, $d: String!) { publishIndex(year: $y, block: $b, decisionNumber: $d) { publication { decisionNumber } } }', { y: YEAR, b: block, d }, chair);
    const responses = await Promise.all([publish('QĐ 1/QĐ-UBND'), publish('QĐ 2/QĐ-UBND')]);
    expect(tally(codes(responses))).toEqual({ OK: 1, CONFLICT: 1 });
    const rows = await sql('reform-index', 'select decision_number from publication where year = $1 and block = $2', [YEAR, block]);
    expect(rows).toHaveLength(1);
    const winner = responses.find((r) => !r.errors?.length)!;
    expect(rows[0]!.decision_number).toBe(winner.data!.publishIndex.publication.decisionNumber);
  });

  it('two concurrent proposals of the block\'s head evaluations create each evaluation once', async () => {
    const units = await Promise.all([unitWithHead('Sở Đề xuất A'), unitWithHead('Sở Đề xuất B')]);
    const block = unique('RACEEVAL');
    const { assessments } = await definedBlock(YEAR, block, units.map((u) => u.id));
    await Promise.all(assessments.map((a, i) => appraised(a, units[i]!.id, units[i]!.headId, 85 - i)));
    ok(await viaGateway('mutation($y: Int!, $b: String!, $d: String!) { publishIndex(year: $y, block: $b, decisionNumber: $d) { year } }', { y: YEAR, b: block, d: 'QĐ 3/QĐ-UBND' }, await chairToken({ chairmanId, cityId })));
    const ha = await token('HOME_AFFAIRS');
    const propose = () => viaGateway('mutation($y: Int!, $b: String!) { proposeHeadEvaluations(year: $y, block: $b) { id } }', { y: YEAR, b: block }, ha);
    const responses = await Promise.all([propose(), propose(), propose()]);
    const outcome = tally(codes(responses));
    expect(outcome.OK ?? 0).toBeGreaterThanOrEqual(1);
    expect(Object.keys(outcome).filter((c) => c !== 'OK' && c !== 'CONFLICT')).toEqual([]);
    const rows = await sql('evaluations', 'select organization_id, person_id from head_evaluation where year = $1 and organization_id = any($2)', [YEAR, units.map((u) => u.id)]);
    expect(rows).toHaveLength(2);
  });
});
