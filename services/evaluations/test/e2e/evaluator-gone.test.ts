import { beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, tableCounts, unique, viaGateway } from '../../../../test/support/client.js';
import { M, cityChairman, cityCommittee, cityRule, createOrganization, headToken, homeAffairs, newHead, publishBlock, type Evaluation } from '../support.js';

/**
 * The districts were abolished on 1 July 2025: the heads of their units are still evaluated for 2025. Once the
 * evaluator organization no longer exists on the decision day, its successor's head decides, or the City Chairman
 * where it has none.
 */
const YEAR = 2025;
const EVENT = `mutation($input: OrganizationEventInput!) { recordOrganizationEvent(input: $input) { id successors { id } } }`;

let ha: string;
let abolished: { id: string };
let abolishedHead: { personId: string };
let reclassified: { id: string };
let successorId: string;
let successorHead: { personId: string };
let proposed: Evaluation[];
const unitsOf: Record<string, { id: string }> = {};

async function submitted(e: Evaluation) {
  const step = ok(await viaGateway<{ recordDuties: Evaluation }>(M.duties, { id: e.id, v: e.version, f: true }, ha)).recordDuties;
  return ok(await viaGateway<{ submitHeadEvaluation: Evaluation }>(M.submit, { id: e.id, v: step.version }, ha)).submitHeadEvaluation;
}

beforeAll(async () => {
  ha = await homeAffairs();
  const city = await cityCommittee();
  const chair = await cityChairman();
  await cityRule();
  abolished = await createOrganization('DISTRICT_COMMITTEE', { parentId: city.id });
  abolishedHead = await newHead(abolished.id, '2020-01-01');
  reclassified = await createOrganization('DISTRICT_COMMITTEE', { parentId: city.id });
  unitsOf.abolished = await createOrganization('SUBORDINATE_UNIT', { parentId: abolished.id });
  unitsOf.reclassified = await createOrganization('SUBORDINATE_UNIT', { parentId: reclassified.id });
  await newHead(unitsOf.abolished.id, '2020-01-01');
  await newHead(unitsOf.reclassified.id, '2020-01-01');
  ok(await viaGateway(EVENT, { input: { kind: 'DISSOLVE', effectiveDate: '2025-07-01', legalBasis: 'NQ 1669/NQ-UBTVQH15', predecessorIds: [abolished.id] } }, ha));
  const event = ok(await viaGateway<{ recordOrganizationEvent: { successors: { id: string }[] } }>(EVENT, { input: {
    kind: 'RECLASSIFY', effectiveDate: '2025-07-01', legalBasis: 'NQ 1669/NQ-UBTVQH15', predecessorIds: [reclassified.id],
    successors: [{ code: unique('PHUONG'), name: 'Ủy ban nhân dân phường (kế thừa)', kind: 'COMMUNE_COMMITTEE', parentId: city.id, validFrom: '2025-07-01' }],
  } }, ha)).recordOrganizationEvent;
  successorId = event.successors[0]!.id;
  successorHead = await newHead(successorId, '2025-07-01');
  // Ranked last, with no head to evaluate: the two above are not capped as last in block.
  const headless = await createOrganization('SUBORDINATE_UNIT', { parentId: city.id });
  const block = unique('DV');
  await publishBlock({ year: YEAR, block, ownerId: city.id, admin: ha, publisher: chair.token, units: [{ id: unitsOf.abolished.id, index: 88 }, { id: unitsOf.reclassified.id, index: 77 }, { id: headless.id, index: 52 }] });
  proposed = ok(await viaGateway<{ proposeHeadEvaluations: Evaluation[] }>(M.propose, { y: YEAR, b: block }, ha)).proposeHeadEvaluations;
});

describe('the evaluator organization no longer exists on the decision day', () => {
  it('the evaluator is still the parent, as it was during the year', () => {
    expect(proposed.find((e) => e.organization.id === unitsOf.abolished!.id)?.evaluatorOrganization.id).toBe(abolished.id);
  });

  it("with no successor, the City Chairman decides, not the abolished district's last head", async () => {
    const e = await submitted(proposed.find((x) => x.organization.id === unitsOf.abolished!.id)!);
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(M.decide, { id: e.id, v: e.version, approve: true }, await headToken(abolishedHead.personId, abolished.id)), 'FORBIDDEN');
    expect(await tableCounts('evaluations')).toEqual(before);
    const chair = await cityChairman();
    const decided = ok(await viaGateway<{ decideHeadEvaluation: Evaluation }>(M.decide, { id: e.id, v: e.version, approve: true }, chair.token)).decideHeadEvaluation;
    expect(decided).toMatchObject({ status: 'APPROVED', finalLevel: 'EXCELLENT' });
  });

  it("with a successor, the successor's head decides, and reads what they decided", async () => {
    const e = await submitted(proposed.find((x) => x.organization.id === unitsOf.reclassified!.id)!);
    const chair = await cityChairman();
    expectError(await viaGateway(M.decide, { id: e.id, v: e.version, approve: true }, chair.token), 'FORBIDDEN');
    const successorToken = await headToken(successorHead.personId, successorId);
    const decided = ok(await viaGateway<{ decideHeadEvaluation: Evaluation }>(M.decide, { id: e.id, v: e.version, approve: true, comment: 'Kế thừa đánh giá' }, successorToken)).decideHeadEvaluation;
    expect(decided).toMatchObject({ status: 'APPROVED', finalLevel: 'GOOD', decisionComment: 'Kế thừa đánh giá', dutiesFulfilled: true });
  });
});
