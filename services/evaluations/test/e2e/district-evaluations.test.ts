import { beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, tableCounts, unique, viaGateway } from '../../../../test/support/client.js';
import { headToken as currentHeadToken } from '../../../../test/support/heads.js';
import {
  DEFINE_RULE, M, cityChairman, cityCommittee, cityRule, createOrganization, headToken, homeAffairs, newHead, publishBlock, type Evaluation,
} from '../support.js';

/**
 * A district's head evaluates the heads of the units under the district, from the index of a block the district
 * runs for its own units and by the district's own rule (stricter than the city's: EXCELLENT from 90, GOOD from 75).
 */
const YEAR = 2024;

let district: { id: string; code: string };
let districtHead: { personId: string; assignmentId: string };
let units: { id: string }[];
let unitHeads: { personId: string; assignmentId: string }[];
let districtToken: string;
let block: string;
let ruleId: string;
let proposed: Evaluation[];

beforeAll(async () => {
  const city = await cityCommittee();
  await cityRule();
  district = await createOrganization('DISTRICT_COMMITTEE', { parentId: city.id });
  districtHead = await newHead(district.id, '2020-01-01', { name: 'Chủ tịch UBND quận' });
  districtToken = await headToken(districtHead.personId, district.id);
  units = [await createOrganization('SUBORDINATE_UNIT', { parentId: district.id }), await createOrganization('SUBORDINATE_UNIT', { parentId: district.id })];
  unitHeads = [await newHead(units[0]!.id, '2019-05-01'), await newHead(units[1]!.id, '2021-01-01')];
  ruleId = ok(await viaGateway<{ defineLevelRule: { id: string } }>(DEFINE_RULE, { input: {
    ownerId: district.id, name: 'Quy định đánh giá người đứng đầu đơn vị thuộc quận', effectiveFrom: '2018-01-01',
    bands: [{ level: 'EXCELLENT', minIndex: 90 }, { level: 'GOOD', minIndex: 75 }, { level: 'COMPLETED', minIndex: 50 }],
  } }, districtToken)).defineLevelRule.id;
  block = `${district.code}/${unique('DV')}`; // a block a district runs is coded after it
  await publishBlock({ year: YEAR, block, ownerId: district.id, admin: districtToken, publisher: districtToken, units: [{ id: units[0]!.id, index: 85 }, { id: units[1]!.id, index: 60 }] });
});

describe("a district's own block and rule", () => {
  it("Home Affairs is not this block's administrator; the district's head is", async () => {
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(M.propose, { y: YEAR, b: block }, await homeAffairs()), 'FORBIDDEN');
    expect(await tableCounts('evaluations')).toEqual(before);
    proposed = ok(await viaGateway<{ proposeHeadEvaluations: Evaluation[] }>(M.propose, { y: YEAR, b: block }, districtToken)).proposeHeadEvaluations;
    expect(proposed).toHaveLength(2);
  });

  it("uses the district's rule: 85 is GOOD here, where the city's rule would say EXCELLENT", async () => {
    const first = proposed.find((e) => e.organization.id === units[0]!.id)!;
    expect(first).toMatchObject({ rule: { id: ruleId }, proposedLevel: 'GOOD', evaluatorOrganization: { id: district.id }, headAssignment: { id: unitHeads[0]!.assignmentId } });
  });

  it("the district's head records duties, submits, and decides", async () => {
    const e = proposed.find((x) => x.organization.id === units[0]!.id)!;
    let step = ok(await viaGateway<{ recordDuties: Evaluation }>(M.duties, { id: e.id, v: e.version, f: true }, districtToken)).recordDuties;
    step = ok(await viaGateway<{ submitHeadEvaluation: Evaluation }>(M.submit, { id: e.id, v: step.version }, districtToken)).submitHeadEvaluation;
    const chair = await cityChairman();
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(M.decide, { id: e.id, v: step.version, approve: true }, chair.token), 'FORBIDDEN');
    expectError(await viaGateway(M.decide, { id: e.id, v: step.version, approve: true }, await headToken(unitHeads[1]!.personId, units[1]!.id)), 'FORBIDDEN');
    expect(await tableCounts('evaluations')).toEqual(before);
    const decided = ok(await viaGateway<{ decideHeadEvaluation: Evaluation }>(M.decide, { id: e.id, v: step.version, approve: true, comment: 'Đạt' }, districtToken)).decideHeadEvaluation;
    expect(decided).toMatchObject({ status: 'APPROVED', finalLevel: 'GOOD' });
  });

  it('a former head of the district can no longer decide; the new head does', async () => {
    const e = proposed.find((x) => x.organization.id === units[1]!.id)!;
    let step = ok(await viaGateway<{ recordDuties: Evaluation }>(M.duties, { id: e.id, v: e.version, f: true }, districtToken)).recordDuties;
    step = ok(await viaGateway<{ submitHeadEvaluation: Evaluation }>(M.submit, { id: e.id, v: step.version }, districtToken)).submitHeadEvaluation;
    const successor = await newHead(district.id, '2026-01-15', { name: 'Chủ tịch UBND quận (mới)' });
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(M.decide, { id: e.id, v: step.version, approve: true }, districtToken), 'FORBIDDEN');
    expect(await tableCounts('evaluations')).toEqual(before);
    const decided = ok(await viaGateway<{ decideHeadEvaluation: Evaluation }>(M.decide, { id: e.id, v: step.version, approve: true }, await headToken(successor.personId, district.id))).decideHeadEvaluation;
    expect(decided).toMatchObject({ status: 'APPROVED', finalLevel: 'COMPLETED' });
  });

  it('the rule the district used can no longer be cut short by a new rule for a year it served', async () => {
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(DEFINE_RULE, { input: {
      ownerId: district.id, name: 'Quy định mới', effectiveFrom: `${YEAR}-07-01`, bands: [{ level: 'EXCELLENT', minIndex: 95 }],
    } }, await currentHeadToken(district.id)), 'CONFLICT', 'input.effectiveFrom'); // its head today (the successor)
    expect(await tableCounts('evaluations')).toEqual(before);
  });
});
