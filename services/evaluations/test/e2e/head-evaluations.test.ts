import { beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, sql, sqlStatements, tableCounts, token, unique, viaGateway } from '../../../../test/support/client.js';
import {
  M, UPDATE_RULE, QUANG_NGAI_BANDS, appointHead, cityChairman, cityCommittee, cityRule, createOrganization, createPerson, headToken, homeAffairs,
  newHead, publishBlock, type Evaluation,
} from '../support.js';

/**
 * The yearly evaluation of heads of departments, end to end through the gateway: the published index of the
 * city's departments block, the head assignments of the organizations subgraph, and the City Chairman deciding.
 * The city's rule in these tests: EXCELLENT ≥ 80, GOOD ≥ 70, COMPLETED ≥ 50, the last in block at most COMPLETED,
 * mitigation up to COMPLETED, 6 months in office.
 */
const YEAR = 2025;
const MITIGATION = { ground: 'OBJECTIVE_CAUSES', explanation: 'Bão số 3 (Yagi) làm gián đoạn dịch vụ công trực tuyến', evidence: ['Báo cáo thiệt hại số 12/BC-UBND'] };

let ha: string;
let chair: { personId: string; token: string };
let city: { id: string };
let block: string;
const dept: Record<'excellent' | 'good' | 'last', { id: string }> = {} as never;
const heads: Record<string, { personId: string; assignmentId: string }> = {};
let proposed: Evaluation[];
type Summary = { levelCounts: { level: string; count: number }[]; evaluations: { id: string }[] };
const SUMMARY = 'query($y: Int!) { annualSummary(year: $y) { levelCounts { level count } evaluations { id } } }';
let summaryBefore: Summary;
const of = (orgId: string, personId?: string) => proposed.find((e) => e.organization.id === orgId && (!personId || e.headAssignment.id === heads[personId]?.assignmentId))!;

beforeAll(async () => {
  ha = await homeAffairs();
  city = await cityCommittee();
  chair = await cityChairman();
  await cityRule();
  dept.excellent = await createOrganization('DEPARTMENT', { parentId: city.id });
  dept.good = await createOrganization('DEPARTMENT');
  dept.last = await createOrganization('CITY_AGENCY', { parentId: city.id });
  heads.excellent = await newHead(dept.excellent.id, '2020-01-01');
  // The good department's head changed on 15 June: the former served Jan–May (5 months), the new one Jul–Dec (6).
  heads.former = await newHead(dept.good.id, '2020-01-01');
  heads.good = await newHead(dept.good.id, `${YEAR}-06-15`);
  // The last one's head was acting from 10 June and confirmed on 20 August: July–December together, 6 months.
  heads.lastPrevious = await newHead(dept.last.id, '2019-01-01');
  const acting = await newHead(dept.last.id, `${YEAR}-06-10`, { acting: true });
  heads.last = { personId: acting.personId, assignmentId: await appointHead(acting.personId, dept.last.id, `${YEAR}-08-20`) };
  block = unique('SO');
  await publishBlock({
    year: YEAR, block, ownerId: city.id, admin: ha, publisher: chair.token,
    units: [{ id: dept.excellent.id, index: 80 }, { id: dept.good.id, index: 79.99 }, { id: dept.last.id, index: 45 }],
  });
  summaryBefore = ok(await viaGateway<{ annualSummary: Summary }>(SUMMARY, { y: YEAR }, ha)).annualSummary;
});

describe('proposing evaluations from the published index', () => {
  it("only the block's administrator proposes, and an unpublished block is refused; neither writes anything", async () => {
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(M.propose, { y: YEAR, b: block }, await headToken(heads.excellent!.personId, dept.excellent.id)), 'FORBIDDEN');
    expectError(await viaGateway(M.propose, { y: YEAR, b: block }, chair.token), 'FORBIDDEN');
    expectError(await viaGateway(M.propose, { y: YEAR, b: unique('NONE') }, ha), 'CONFLICT', 'block');
    const draft = unique('DRAFT');
    const set = ok(await viaGateway<{ defineCriteriaSet: { id: string } }>('mutation($input: CriteriaSetInput!) { defineCriteriaSet(input: $input) { id } }', { input: {
      year: YEAR, block: draft, ownerId: city.id, name: 'Bộ chỉ số chưa công bố', areas: [{ code: 'A', name: 'Tổng hợp', maxPoints: 100, criteria: [{ code: 'A.1', name: 'Tổng hợp', maxPoints: 100 }] }],
    } }, ha)).defineCriteriaSet;
    ok(await viaGateway('mutation($id: ID!) { activateCriteriaSet(id: $id) { id } }', { id: set.id }, ha));
    expectError(await viaGateway(M.propose, { y: YEAR, b: draft }, ha), 'CONFLICT', 'block');
    expect(await tableCounts('evaluations')).toEqual(before);
  });

  it('one evaluation per person who headed a ranked organization at least 6 whole months, with the index snapshot and the proposed level', async () => {
    proposed = ok(await viaGateway<{ proposeHeadEvaluations: Evaluation[] }>(M.propose, { y: YEAR, b: block }, ha)).proposeHeadEvaluations;
    expect(proposed).toHaveLength(3);
    expect(of(dept.excellent.id)).toMatchObject({ status: 'PROPOSED', indexValue: 80, rank: 1, rankOf: 3, proposedLevel: 'EXCELLENT', monthsInOffice: 12, evaluatorOrganization: { id: city.id }, headAssignment: { id: heads.excellent!.assignmentId } });
    // 79.99 is one hundredth below the EXCELLENT band.
    expect(of(dept.good.id)).toMatchObject({ indexValue: 79.99, rank: 2, proposedLevel: 'GOOD', monthsInOffice: 6, headAssignment: { id: heads.good!.assignmentId }, evaluatorOrganization: { id: city.id } });
    // Acting then confirmed is one stint; the evaluation targets the confirmed assignment.
    expect(of(dept.last.id)).toMatchObject({ indexValue: 45, rank: 3, proposedLevel: 'NOT_COMPLETED', monthsInOffice: 6, headAssignment: { id: heads.last!.assignmentId } });
    expect(proposed.filter((e) => e.organization.id === dept.good.id)).toHaveLength(1); // the former head served 5 months
  });

  it('is idempotent: a second call creates nothing new', async () => {
    const before = await tableCounts('evaluations');
    const again = ok(await viaGateway<{ proposeHeadEvaluations: Evaluation[] }>(M.propose, { y: YEAR, b: block }, ha)).proposeHeadEvaluations;
    expect(again.map((e) => e.id).sort()).toEqual(proposed.map((e) => e.id).sort());
    expect(await tableCounts('evaluations')).toEqual(before);
  });

  it('keeps a snapshot of the rule, the ranking and the assignment it used', async () => {
    const [row] = await sql('evaluations', 'select rule_snapshot, snapshot from head_evaluation where id = $1', [of(dept.excellent.id).id]);
    expect(row!.rule_snapshot).toMatchObject({ bands: [{ level: 'EXCELLENT', minHundredths: 8000 }, { level: 'GOOD', minHundredths: 7000 }, { level: 'COMPLETED', minHundredths: 5000 }], minMonthsInOffice: 6 });
    expect(row!.snapshot).toMatchObject({ assignment: { id: heads.excellent!.assignmentId, startDate: '2020-01-01' }, ranking: { lastRank: 3 } });
  });
});

describe('ids that name nothing', () => {
  it('read as null and are NOT_FOUND for a mutation, never a server error', async () => {
    expect(ok(await viaGateway<{ headEvaluation: unknown }>(M.read, { id: 'not-a-uuid' }, ha)).headEvaluation).toBeNull();
    expect(ok(await viaGateway<{ headEvaluation: unknown }>(M.read, { id: '00000000-0000-4000-8000-000000000000' }, ha)).headEvaluation).toBeNull();
    expectError(await viaGateway(M.duties, { id: 'not-a-uuid', v: 1, f: true }, ha), 'NOT_FOUND');
    expectError(await viaGateway(UPDATE_RULE, { id: 'nope', v: 1, input: { name: 'X', effectiveFrom: '2018-01-01', bands: QUANG_NGAI_BANDS } }, ha), 'NOT_FOUND');
  });
});

describe('who sees an evaluation before it is approved', () => {
  it('the evaluated head and Home Affairs do; another head and anonymous callers do not', async () => {
    const id = of(dept.excellent.id).id;
    expect(ok(await viaGateway<{ headEvaluation: Evaluation | null }>(M.read, { id }, await headToken(heads.excellent!.personId, dept.excellent.id))).headEvaluation?.id).toBe(id);
    expect(ok(await viaGateway<{ headEvaluation: Evaluation | null }>(M.read, { id }, ha)).headEvaluation?.id).toBe(id);
    expect(ok(await viaGateway<{ headEvaluation: Evaluation | null }>(M.read, { id }, await headToken(heads.good!.personId, dept.good.id))).headEvaluation).toBeNull();
    expect(ok(await viaGateway<{ headEvaluation: Evaluation | null }>(M.read, { id })).headEvaluation).toBeNull();
  });
});

describe('duties, mitigation and submission', () => {
  it('duties are recorded by the administrator or the evaluator, not by another head', async () => {
    const e = of(dept.excellent.id);
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(M.duties, { id: e.id, v: e.version, f: true }, await headToken(heads.good!.personId, dept.good.id)), 'FORBIDDEN');
    expectError(await viaGateway(M.submit, { id: e.id, v: e.version }, ha), 'CONFLICT', 'dutiesFulfilled');
    expect(await tableCounts('evaluations')).toEqual(before);
    const recorded = ok(await viaGateway<{ recordDuties: Evaluation }>(M.duties, { id: e.id, v: e.version, f: false, n: 'Chậm ban hành kế hoạch CCHC' }, ha)).recordDuties;
    expect(recorded).toMatchObject({ dutiesFulfilled: false, dutyNotes: 'Chậm ban hành kế hoạch CCHC', version: e.version + 1 });
    ok(await viaGateway(M.duties, { id: of(dept.good.id).id, v: of(dept.good.id).version, f: true }, chair.token));
    ok(await viaGateway(M.duties, { id: of(dept.last.id).id, v: of(dept.last.id).version, f: true }, ha));
  });

  it('mitigation is claimed by the evaluated head with a ground, an explanation and evidence', async () => {
    const e = ok(await viaGateway<{ headEvaluation: Evaluation }>(M.read, { id: of(dept.last.id).id }, ha)).headEvaluation;
    const own = await headToken(heads.last!.personId, dept.last.id);
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(M.mitigate, { id: e.id, v: e.version, input: { ...MITIGATION, explanation: '  ' } }, own), 'BAD_USER_INPUT', 'input.explanation');
    expectError(await viaGateway(M.mitigate, { id: e.id, v: e.version, input: { ...MITIGATION, evidence: [] } }, own), 'BAD_USER_INPUT', 'input.evidence');
    expectError(await viaGateway(M.mitigate, { id: e.id, v: e.version - 1, input: MITIGATION }, own), 'CONFLICT');
    expectError(await viaGateway(M.mitigate, { id: e.id, v: e.version, input: MITIGATION }, await headToken(heads.lastPrevious!.personId, dept.last.id)), 'FORBIDDEN');
    expect(await tableCounts('evaluations')).toEqual(before);
    const claimed = ok(await viaGateway<{ claimMitigation: Evaluation }>(M.mitigate, { id: e.id, v: e.version, input: MITIGATION }, own)).claimMitigation;
    expect(claimed.mitigation).toEqual({ ...MITIGATION, accepted: null });
  });

  it('Home Affairs submits each to the evaluator', async () => {
    for (const org of [dept.excellent, dept.good, dept.last]) {
      const e = ok(await viaGateway<{ headEvaluation: Evaluation }>(M.read, { id: of(org.id).id }, ha)).headEvaluation;
      expect(ok(await viaGateway<{ submitHeadEvaluation: Evaluation }>(M.submit, { id: e.id, v: e.version }, ha)).submitHeadEvaluation.status).toBe('SUBMITTED');
    }
  });
});

describe('the City Chairman decides for the heads of departments and city agencies', () => {
  const current = async (orgId: string) => ok(await viaGateway<{ headEvaluation: Evaluation }>(M.read, { id: of(orgId).id }, ha)).headEvaluation;

  it('a head of another organization, or a CITY_CHAIR token of someone who is not the chairman, is refused', async () => {
    const e = await current(dept.excellent.id);
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(M.decide, { id: e.id, v: e.version, approve: true }, await headToken(heads.good!.personId, dept.good.id)), 'FORBIDDEN');
    expectError(await viaGateway(M.decide, { id: e.id, v: e.version, approve: true }, await token('CITY_CHAIR', { sub: await createPerson('Không phải Chủ tịch') })), 'FORBIDDEN');
    expectError(await viaGateway(M.decide, { id: e.id, v: e.version, approve: true, accept: true }, chair.token), 'BAD_USER_INPUT', 'acceptMitigation');
    expectError(await viaGateway(M.decide, { id: e.id, v: e.version + 5, approve: true }, chair.token), 'CONFLICT');
    expect(await tableCounts('evaluations')).toEqual(before);
  });

  it('duties not fulfilled cap EXCELLENT at GOOD', async () => {
    const e = await current(dept.excellent.id);
    const decided = ok(await viaGateway<{ decideHeadEvaluation: Evaluation }>(M.decide, { id: e.id, v: e.version, approve: true, comment: 'Phê duyệt' }, chair.token)).decideHeadEvaluation;
    expect(decided).toMatchObject({ status: 'APPROVED', finalLevel: 'GOOD', decisionComment: 'Phê duyệt' });
  });

  it('79.99 stays GOOD with duties fulfilled', async () => {
    const e = await current(dept.good.id);
    expect(ok(await viaGateway<{ decideHeadEvaluation: Evaluation }>(M.decide, { id: e.id, v: e.version, approve: true }, chair.token)).decideHeadEvaluation.finalLevel).toBe('GOOD');
  });

  it('returning needs a reason; accepted mitigation then lifts NOT_COMPLETED to COMPLETED, the ceiling', async () => {
    let e = await current(dept.last.id);
    expectError(await viaGateway(M.decide, { id: e.id, v: e.version, approve: false }, chair.token), 'BAD_USER_INPUT', 'comment');
    e = ok(await viaGateway<{ decideHeadEvaluation: Evaluation }>(M.decide, { id: e.id, v: e.version, approve: false, comment: 'Bổ sung minh chứng' }, chair.token)).decideHeadEvaluation;
    expect(e.status).toBe('RETURNED');
    e = ok(await viaGateway<{ claimMitigation: Evaluation }>(M.mitigate, { id: e.id, v: e.version, input: { ...MITIGATION, evidence: ['Báo cáo thiệt hại số 12/BC-UBND', 'Biên bản kiểm tra'] } }, ha)).claimMitigation;
    e = ok(await viaGateway<{ submitHeadEvaluation: Evaluation }>(M.submit, { id: e.id, v: e.version }, ha)).submitHeadEvaluation;
    const decided = ok(await viaGateway<{ decideHeadEvaluation: Evaluation }>(M.decide, { id: e.id, v: e.version, approve: true, accept: true }, chair.token)).decideHeadEvaluation;
    expect(decided).toMatchObject({ status: 'APPROVED', finalLevel: 'COMPLETED', mitigation: { accepted: true } });
  });

  it('an approved level never changes: deciding twice, recording duties or mitigation are refused', async () => {
    const e = await current(dept.excellent.id);
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(M.decide, { id: e.id, v: e.version, approve: false, comment: 'Xem lại' }, chair.token), 'CONFLICT');
    expectError(await viaGateway(M.duties, { id: e.id, v: e.version, f: true }, ha), 'CONFLICT');
    expectError(await viaGateway(M.mitigate, { id: e.id, v: e.version, input: MITIGATION }, ha), 'CONFLICT');
    expect(await tableCounts('evaluations')).toEqual(before);
    expect((await current(dept.excellent.id)).finalLevel).toBe('GOOD');
  });

  it('the rule an evaluation used can no longer be updated', async () => {
    const rule = await cityRule();
    const [{ version }] = await sql('evaluations', 'select version from level_rule where id = $1', [rule.id]);
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(UPDATE_RULE, { id: rule.id, v: version, input: { name: 'Sửa', effectiveFrom: '2018-01-01', bands: QUANG_NGAI_BANDS } }, ha), 'CONFLICT');
    expect(await tableCounts('evaluations')).toEqual(before);
  });

  it('every step is in the audit trail, which only Home Affairs reads', async () => {
    const id = of(dept.last.id).id;
    const trail = ok(await viaGateway<{ headEvaluation: { auditTrail: { action: string }[] } }>('query($id: ID!) { headEvaluation(id: $id) { auditTrail { action } } }', { id }, ha)).headEvaluation.auditTrail;
    expect(trail.map((a) => a.action)).toEqual(['proposeHeadEvaluations', 'recordDuties', 'claimMitigation', 'submitHeadEvaluation', 'decideHeadEvaluation', 'claimMitigation', 'submitHeadEvaluation', 'decideHeadEvaluation']);
    expectError(await viaGateway('query($id: ID!) { headEvaluation(id: $id) { auditTrail { action } } }', { id }, chair.token), 'FORBIDDEN');
  });
});

describe('what the public sees once approved', () => {
  it('anonymous callers see the approved level, never duties, mitigation or comments', async () => {
    const r = await viaGateway<{ headEvaluation: Evaluation }>(M.read, { id: of(dept.last.id).id });
    const e = ok(r).headEvaluation;
    expect(e).toMatchObject({ status: 'APPROVED', finalLevel: 'COMPLETED', monthsInOffice: null, dutiesFulfilled: null, dutyNotes: null, mitigation: null, decisionComment: null });
    const onOrg = ok(await viaGateway<{ organization: { headEvaluations: { finalLevel: string }[] } }>(
      `query($id: ID!, $y: Int) { organization(id: $id) { headEvaluations(year: $y) { finalLevel } } }`, { id: dept.excellent.id, y: YEAR })).organization.headEvaluations;
    expect(onOrg).toEqual([{ finalLevel: 'GOOD' }]);
  });

  it('partners with evaluations:read also see decision comments, never duty notes or mitigation', async () => {
    const partner = await token('PARTNER', { scope: 'evaluations:read', sub: 'partner' });
    const e = ok(await viaGateway<{ headEvaluation: Evaluation }>(M.read, { id: of(dept.excellent.id).id }, partner)).headEvaluation;
    expect(e).toMatchObject({ decisionComment: 'Phê duyệt', dutyNotes: null, dutiesFulfilled: null, mitigation: null });
  });

  it("a head's assignment lists its evaluations", async () => {
    const data = ok(await viaGateway<{ person: { assignments: { id: string; evaluations: { finalLevel: string }[] }[] } }>(
      'query($id: ID!) { person(id: $id) { assignments { id evaluations { finalLevel } } } }', { id: heads.good!.personId })).person;
    expect(data.assignments.find((a) => a.id === heads.good!.assignmentId)?.evaluations).toEqual([{ finalLevel: 'GOOD' }]);
  });

  it('headEvaluations filters by status and level', async () => {
    const mine = (list: { id: string }[]) => list.filter((e) => proposed.some((p) => p.id === e.id)).length;
    const good = ok(await viaGateway<{ headEvaluations: { id: string }[] }>('query($y: Int!) { headEvaluations(year: $y, level: GOOD) { id } }', { y: YEAR })).headEvaluations;
    expect(mine(good)).toBe(2);
    const approved = ok(await viaGateway<{ headEvaluations: { id: string }[] }>('query($y: Int!) { headEvaluations(year: $y, status: APPROVED) { id } }', { y: YEAR }, ha)).headEvaluations;
    expect(mine(approved)).toBe(3);
  });

  it('the SQL a list costs does not grow with its rows', async () => {
    const query = `query($y: Int!) { headEvaluations(year: $y) { id rule { name owner { id } } mitigation { ground } auditTrail { action } } }`;
    const one = `query($id: ID!) { headEvaluation(id: $id) { id rule { name owner { id } } mitigation { ground } auditTrail { action } } }`;
    let before = await sqlStatements('evaluations');
    const list = ok(await viaGateway<{ headEvaluations: unknown[] }>(query, { y: YEAR }, ha)).headEvaluations;
    const forList = (await sqlStatements('evaluations')) - before;
    before = await sqlStatements('evaluations');
    ok(await viaGateway(one, { id: proposed[0]!.id }, ha));
    const forOne = (await sqlStatements('evaluations')) - before;
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(forList).toBe(forOne);
  });
});

describe("the city's annual report", () => {
  it('counts the approved levels of the year', async () => {
    const after = ok(await viaGateway<{ annualSummary: Summary }>(SUMMARY, { y: YEAR }, chair.token)).annualSummary;
    const delta = (level: string) => after.levelCounts.find((l) => l.level === level)!.count - summaryBefore.levelCounts.find((l) => l.level === level)!.count;
    expect([delta('EXCELLENT'), delta('GOOD'), delta('COMPLETED'), delta('NOT_COMPLETED')]).toEqual([0, 2, 1, 0]);
    expect(after.evaluations.length - summaryBefore.evaluations.length).toBe(3);
  });
});
