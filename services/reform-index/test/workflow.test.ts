import { beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, sql, tableCounts, unique, viaGateway, direct, type GraphQLResponse } from '../../../test/support/client.js';
import { createOrg, defineActiveSet, driveToAppraised, M, openAssessments, standardAreas, tokens, type Org } from './support/reform.js';

const YEAR = 2030;
type Step = { id: string; version: number; status: string };
const step = (r: GraphQLResponse, name: string) => ok(r as GraphQLResponse<Record<string, Step>>)[name]!;

const READ = `query($id: ID!) { assessment(id: $id) { id status version indexValue totalPoints applicableMaxPoints selfAssessedPoints appraisedPoints surveyPoints rank rankOf band
  areaResults { areaCode points maxPoints percent }
  scores { criterionCode maxPoints selfScore appraisedScore surveyScore finalScore notApplicable evidence explanationRequest explanation } } }`;

let city: Org;
beforeAll(async () => {
  city = await createOrg('CITY_COMMITTEE', 'Ủy ban nhân dân thành phố (thử nghiệm quy trình)');
});

describe('the yearly workflow, each step by the people the regulation names', () => {
  it('runs DRAFT → SELF_ASSESSED → UNDER_APPRAISAL ⇄ EXPLANATION_REQUESTED → APPRAISED → PUBLISHED and refuses every wrong token', async () => {
    const block = unique('WORKFLOW');
    await defineActiveSet({ year: YEAR, block, ownerId: city.id });
    const [unit, other] = await Promise.all([createOrg('DEPARTMENT', 'Sở Tư pháp (thử nghiệm)', { parentId: city.id }), createOrg('DEPARTMENT', 'Sở Công Thương (thử nghiệm)', { parentId: city.id })]);
    const [ha, chair, appraiser, head, staff, otherHead, otherStaff, partner] = await Promise.all([
      tokens.homeAffairs(), tokens.chair(), tokens.appraiser(), tokens.head(unit), tokens.staff(unit), tokens.head(other), tokens.staff(other), tokens.partner(),
    ]);
    const OPEN = `mutation($ids: [ID!]!) { openAssessments(year: ${YEAR}, block: "${block}", organizationIds: $ids) { id version status } }`;
    for (const t of [head, appraiser, chair]) expectError(await viaGateway(OPEN, { ids: [unit.id, other.id] }, t), 'FORBIDDEN');
    const [a, b] = ok(await viaGateway<{ openAssessments: Step[] }>(OPEN, { ids: [unit.id, other.id] }, ha)).openAssessments;
    expect(a!.status).toBe('DRAFT');

    const scores = [
      { criterionCode: '1.1.1', score: 15, evidence: ['QĐ 12/QĐ-STP kế hoạch CCHC 2030'] },
      { criterionCode: '1.1.2', score: 10 },
      { criterionCode: '1.2', notApplicable: true },
      { criterionCode: '2.1', score: 25.5, note: 'Tỷ lệ đúng hạn 98%' },
    ];
    for (const t of [otherStaff, otherHead, appraiser, ha]) expectError(await viaGateway(M.save, { id: a!.id, v: a!.version, scores }, t), 'FORBIDDEN');
    let s = step(await viaGateway(M.save, { id: a!.id, v: a!.version, scores }, staff), 'saveSelfScores');

    // A unit never reads another unit's unpublished scores.
    expectError(await viaGateway(READ, { id: a!.id }, otherHead), 'FORBIDDEN');
    expectError(await viaGateway(READ, { id: a!.id }, partner), 'FORBIDDEN');
    expectError(await viaGateway(READ, { id: a!.id }), 'UNAUTHENTICATED');
    expect(ok(await viaGateway<{ assessment: { selfAssessedPoints: number } }>(READ, { id: a!.id }, staff)).assessment.selfAssessedPoints).toBe(50.5);

    for (const t of [staff, otherHead]) expectError(await viaGateway(M.submit, { id: a!.id, v: s.version }, t), 'FORBIDDEN');
    s = step(await viaGateway(M.submit, { id: a!.id, v: s.version }, head), 'submitSelfAssessment');
    expect(s.status).toBe('SELF_ASSESSED');

    for (const t of [head, staff, chair]) expectError(await viaGateway(M.appraise, { id: a!.id, v: s.version, scores: [] }, t), 'FORBIDDEN');
    s = step(await viaGateway(M.appraise, { id: a!.id, v: s.version, scores: [{ criterionCode: '2.1', score: 24, note: 'Hồ sơ trễ hạn chưa tính' }] }, appraiser), 'recordAppraisal');
    expect(s.status).toBe('UNDER_APPRAISAL');

    const ask = { id: a!.id, v: s.version, items: [{ criterionCode: '2.1', question: 'Giải trình 12 hồ sơ trễ hạn' }] };
    for (const t of [head, staff]) expectError(await viaGateway(M.requestExplanation, ask, t), 'FORBIDDEN');
    s = step(await viaGateway(M.requestExplanation, ask, ha), 'requestExplanation');
    expect(s.status).toBe('EXPLANATION_REQUESTED');

    const answer = { id: a!.id, v: s.version, answers: [{ criterionCode: '2.1', answer: 'Trễ do hệ thống một cửa gián đoạn', evidence: ['Biên bản sự cố 03/2030'] }] };
    for (const t of [staff, otherHead, ha]) expectError(await viaGateway(M.explain, answer, t), 'FORBIDDEN');
    s = step(await viaGateway(M.explain, answer, head), 'submitExplanation');
    expect(s.status).toBe('UNDER_APPRAISAL');
    s = step(await viaGateway(M.appraise, { id: a!.id, v: s.version, scores: [{ criterionCode: '2.1', score: 25 }] }, ha), 'recordAppraisal');

    for (const t of [appraiser, head, chair]) expectError(await viaGateway(M.finalize, { id: a!.id, v: s.version }, t), 'FORBIDDEN');
    s = step(await viaGateway(M.finalize, { id: a!.id, v: s.version }, ha), 'finalizeAppraisal');
    expect(s.status).toBe('APPRAISED');
    await driveToAppraised(b!, other, [
      { criterionCode: '1.1.1', score: 12, evidence: ['KH-01'] }, { criterionCode: '1.1.2', score: 8 }, { criterionCode: '1.2', score: 15 }, { criterionCode: '2.1', score: 20 },
    ]);

    const survey = { year: YEAR, block, scores: [{ organizationId: unit.id, criterionCode: '3.1', score: 30.75 }, { organizationId: other.id, criterionCode: '3.1', score: 29 }] };
    for (const t of [appraiser, chair, head]) expectError(await viaGateway(M.survey, survey, t), 'FORBIDDEN');
    ok(await viaGateway(M.survey, survey, ha));

    // 15 + 10 + 25 + 30.75 = 80.75 of 85 (1.2 does not apply and is left out) → 95.00
    const before = ok(await viaGateway<{ assessment: any }>(READ, { id: a!.id }, ha)).assessment;
    expect(before).toMatchObject({ status: 'APPRAISED', selfAssessedPoints: 50.5, appraisedPoints: 50, surveyPoints: 30.75, totalPoints: 80.75, applicableMaxPoints: 85, indexValue: 95, rank: null });
    expect(before.scores.find((x: { criterionCode: string }) => x.criterionCode === '2.1')).toMatchObject({
      selfScore: 25.5, appraisedScore: 25, finalScore: 25, explanationRequest: 'Giải trình 12 hồ sơ trễ hạn', explanation: 'Trễ do hệ thống một cửa gián đoạn', evidence: ['Biên bản sự cố 03/2030'],
    });
    expect(before.areaResults).toEqual([
      { areaCode: 'STEERING', points: 25, maxPoints: 25, percent: 100 },
      { areaCode: 'PROCEDURES', points: 25, maxPoints: 28, percent: 89.29 },
      { areaCode: 'IMPACT', points: 30.75, maxPoints: 32, percent: 96.09 },
    ]);

    for (const t of [ha, head, appraiser]) expectError(await viaGateway(M.publish, { year: YEAR, block, d: 'QĐ 9/QĐ-UBND' }, t), 'FORBIDDEN');
    const { publishIndex } = ok(await viaGateway<{ publishIndex: { entries: { rank: number; indexValue: number; band: string; organization: { id: string } }[] } }>(M.publish, { year: YEAR, block, d: 'QĐ 9/QĐ-UBND' }, chair));
    // B: 12 + 8 + 15 + 20 + 29 = 84 of 100 → 84.00
    expect(publishIndex.entries).toEqual([{ rank: 1, indexValue: 95, band: 'A', organization: { id: unit.id } }, { rank: 2, indexValue: 84, band: 'B', organization: { id: other.id } }]);

    // Published: public result for everyone, per-criterion scores for the unit and for partners with the scope.
    const anonymous = ok(await viaGateway<{ assessment: any }>(READ, { id: a!.id })).assessment;
    expect(anonymous).toMatchObject({ status: 'PUBLISHED', indexValue: 95, rank: 1, rankOf: 2, band: 'A', scores: [] });
    expect(ok(await viaGateway<{ assessment: any }>(READ, { id: a!.id }, otherHead)).assessment.scores).toEqual([]);
    expect(ok(await viaGateway<{ assessment: any }>(READ, { id: a!.id }, partner)).assessment.scores).toHaveLength(5);
    expect(ok(await direct<{ assessment: any }>('reform-index', READ, { id: a!.id }, partner)).assessment.scores).toHaveLength(5);

    const TRAIL = `query($id: ID!) { assessment(id: $id) { auditTrail { action actor } } }`;
    expectError(await viaGateway(TRAIL, { id: a!.id }, chair), 'FORBIDDEN');
    const trail = ok(await viaGateway<{ assessment: { auditTrail: { action: string; actor: string }[] } }>(TRAIL, { id: a!.id }, ha)).assessment.auditTrail;
    expect(trail.map((r) => r.action)).toEqual(['openAssessments', 'saveSelfScores', 'submitSelfAssessment', 'recordAppraisal', 'requestExplanation', 'submitExplanation', 'recordAppraisal', 'finalizeAppraisal', 'importSurveyScores', 'publishIndex']);
    expect(trail[1]!.actor).toBe(`staff-of-${unit.code}`);
  });
});

describe('the work queue shows each caller their own rows', () => {
  it('a unit its own, appraisers and Home Affairs all, with cursor pagination', async () => {
    const block = unique('QUEUE');
    await defineActiveSet({ year: YEAR, block, ownerId: city.id });
    const units = await Promise.all([1, 2, 3].map((i) => createOrg('DEPARTMENT', `Sở hàng đợi ${i}`, { parentId: city.id })));
    await openAssessments(YEAR, block, units);
    const Q = `query($after: String) { assessments(year: ${YEAR}, block: "${block}", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id organization { id } } } } }`;
    type Page = { assessments: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { organization: { id: string } } }[] } };
    const first = ok(await viaGateway<Page>(Q, {}, await tokens.appraiser())).assessments;
    expect([first.totalCount, first.edges.length, first.pageInfo.hasNextPage]).toEqual([3, 2, true]);
    const second = ok(await viaGateway<Page>(Q, { after: first.pageInfo.endCursor }, await tokens.appraiser())).assessments;
    expect([second.edges.length, second.pageInfo.hasNextPage]).toEqual([1, false]);
    expect(new Set([...first.edges, ...second.edges].map((e) => e.node.organization.id))).toEqual(new Set(units.map((u) => u.id)));
    const own = ok(await viaGateway<Page>(Q, {}, await tokens.staff(units[1]!))).assessments;
    expect([own.totalCount, own.edges[0]!.node.organization.id]).toEqual([1, units[1]!.id]);
    expectError(await viaGateway(Q, {}), 'UNAUTHENTICATED');
  });
});

describe('an item that does not apply follows its policy', () => {
  // 15 + 10 + 20 + 30 = 75 points scored; 1.2 (15 points) does not apply.
  const cases: [string, number, number][] = [['EXCLUDE_FROM_MAX', 85, 88.24], ['FULL_POINTS', 100, 90], ['ZERO', 100, 75]];
  for (const [policy, applicableMax, index] of cases) {
    it(`${policy}: ${index}`, async () => {
      const block = unique('NA');
      await defineActiveSet({ year: YEAR, block, ownerId: city.id, areas: standardAreas(policy) });
      const org = await createOrg('DEPARTMENT', `Sở ${policy}`, { parentId: city.id });
      const [a] = await openAssessments(YEAR, block, [org]);
      await driveToAppraised(a!, org, [{ criterionCode: '1.1.1', score: 15, evidence: ['KH'] }, { criterionCode: '1.1.2', score: 10 }, { criterionCode: '1.2', notApplicable: true }, { criterionCode: '2.1', score: 20 }]);
      ok(await viaGateway(M.survey, { year: YEAR, block, scores: [{ organizationId: org.id, criterionCode: '3.1', score: 30 }] }, await tokens.homeAffairs()));
      const r = ok(await viaGateway<{ assessment: { applicableMaxPoints: number; indexValue: number } }>(READ, { id: a!.id }, await tokens.head(org))).assessment;
      expect([r.applicableMaxPoints, r.indexValue]).toEqual([applicableMax, index]);
    });
  }
});

describe('bad input gets a clear error and changes nothing', () => {
  let draft: Step;
  let org: Org;
  let block: string;
  beforeAll(async () => {
    block = unique('BAD');
    await defineActiveSet({ year: YEAR, block, ownerId: city.id });
    org = await createOrg('DEPARTMENT', 'Sở nhập sai', { parentId: city.id });
    [draft] = (await openAssessments(YEAR, block, [org])) as unknown as Step[];
  });

  async function refused(response: () => Promise<GraphQLResponse>, code: string, field?: string) {
    const before = await tableCounts('reform-index');
    const row = await sql('reform-index', 'select version, status, sheet from assessment where id = $1', [draft.id]);
    expectError(await response(), code, field);
    expect(await tableCounts('reform-index')).toEqual(before);
    expect(await sql('reform-index', 'select version, status, sheet from assessment where id = $1', [draft.id])).toEqual(row);
  }
  const save = async (scores: unknown[], v = draft.version) => viaGateway(M.save, { id: draft.id, v, scores }, await tokens.staff(org));

  it('a score above the maximum, or negative', async () => {
    await refused(() => save([{ criterionCode: '1.1.2', score: 10.01 }]), 'BAD_USER_INPUT', 'scores[0].score');
    await refused(() => save([{ criterionCode: '1.1.2', score: 5 }, { criterionCode: '2.1', score: -1 }]), 'BAD_USER_INPUT', 'scores[1].score');
  });
  it('a score with three decimals', async () => {
    await refused(() => save([{ criterionCode: '1.1.2', score: 5.125 }]), 'BAD_USER_INPUT', 'scores[0].score');
  });
  it('a score on a survey item, or on a criterion that has sub-criteria', async () => {
    await refused(() => save([{ criterionCode: '3.1', score: 20 }]), 'BAD_USER_INPUT', 'scores[0].criterionCode');
    await refused(() => save([{ criterionCode: '1.1', score: 20 }]), 'BAD_USER_INPUT', 'scores[0].criterionCode');
  });
  it('an unknown criterion code', async () => {
    await refused(() => save([{ criterionCode: '9.9', score: 1 }]), 'BAD_USER_INPUT', 'scores[0].criterionCode');
  });
  it('not applicable where the item always applies', async () => {
    await refused(() => save([{ criterionCode: '2.1', notApplicable: true }]), 'BAD_USER_INPUT', 'scores[0].notApplicable');
  });
  it('a stale expectedVersion', async () => {
    await refused(() => save([{ criterionCode: '2.1', score: 1 }], draft.version + 7), 'CONFLICT', 'expectedVersion');
  });
  it('any step out of workflow order', async () => {
    await refused(async () => viaGateway(M.appraise, { id: draft.id, v: draft.version, scores: [] }, await tokens.appraiser()), 'CONFLICT');
    await refused(async () => viaGateway(M.finalize, { id: draft.id, v: draft.version }, await tokens.homeAffairs()), 'CONFLICT');
    await refused(async () => viaGateway(M.explain, { id: draft.id, v: draft.version, answers: [] }, await tokens.head(org)), 'CONFLICT');
    await refused(async () => viaGateway(M.publish, { year: YEAR, block, d: 'QĐ 1' }, await tokens.chair()), 'CONFLICT');
  });
  it('submitting without the evidence a criterion requires', async () => {
    draft = step(await save([{ criterionCode: '1.1.1', score: 15 }, { criterionCode: '1.1.2', score: 10 }, { criterionCode: '1.2', score: 10 }, { criterionCode: '2.1', score: 20 }]), 'saveSelfScores');
    await refused(async () => viaGateway(M.submit, { id: draft.id, v: draft.version }, await tokens.head(org)), 'BAD_USER_INPUT', 'scores.1.1.1.evidence');
  });
});

describe('area monitoring: the department advising on an area follows it across organizations', () => {
  it('shows every unit that area only, published or not, to the advising department and Home Affairs', async () => {
    const year = 2031;
    const block = unique('AREA');
    await defineActiveSet({ year, block, ownerId: city.id });
    const [adviser, plain, u1, u2] = await Promise.all([
      createOrg('CITY_AGENCY', 'Văn phòng UBND (thử nghiệm)', { parentId: city.id, advisesOn: ['PROCEDURES'] }),
      createOrg('DEPARTMENT', 'Sở không tham mưu', { parentId: city.id }),
      createOrg('DEPARTMENT', 'Sở một', { parentId: city.id }),
      createOrg('DEPARTMENT', 'Sở hai', { parentId: city.id }),
    ]);
    const [a1] = await openAssessments(year, block, [u1, u2]);
    ok(await viaGateway(M.save, { id: a1!.id, v: a1!.version, scores: [{ criterionCode: '2.1', score: 21 }, { criterionCode: '1.1.2', score: 9 }] }, await tokens.staff(u1)));
    const Q = `query($area: String!) { areaMonitoring(year: ${year}, areaCode: $area) { assessmentId status organization { id } result { areaCode points maxPoints percent } scores { criterionCode selfScore } } }`;
    type Entry = { organization: { id: string }; status: string; result: { points: number; maxPoints: number; percent: number }; scores: { criterionCode: string; selfScore: number | null }[] };
    for (const t of [await tokens.staff(adviser), await tokens.head(adviser), await tokens.homeAffairs()]) {
      const entries = ok(await viaGateway<{ areaMonitoring: Entry[] }>(Q, { area: 'PROCEDURES' }, t)).areaMonitoring;
      const mine = entries.find((e) => e.organization.id === u1.id)!;
      expect(mine).toMatchObject({ status: 'DRAFT', result: { points: 21, maxPoints: 28, percent: 75 }, scores: [{ criterionCode: '2.1', selfScore: 21 }] });
      expect(entries.filter((e) => [u1.id, u2.id].includes(e.organization.id))).toHaveLength(2);
    }
    expectError(await viaGateway(Q, { area: 'STEERING' }, await tokens.head(adviser)), 'FORBIDDEN');
    expectError(await viaGateway(Q, { area: 'PROCEDURES' }, await tokens.head(plain)), 'FORBIDDEN');
    expectError(await viaGateway(Q, { area: 'PROCEDURES' }, await tokens.appraiser()), 'FORBIDDEN');
  });
});

describe("an organization's own index results", () => {
  it('shows unpublished assessments to the unit and Home Affairs only, and the index once published', async () => {
    const block = unique('ORGVIEW');
    await defineActiveSet({ year: YEAR, block, ownerId: city.id });
    const [unit, other] = await Promise.all([createOrg('DEPARTMENT', 'Sở xem kết quả', { parentId: city.id }), createOrg('DEPARTMENT', 'Sở bên cạnh', { parentId: city.id })]);
    await openAssessments(YEAR, block, [unit]);
    const Q = `query($id: ID!) { organization(id: $id) { reformIndex(year: ${YEAR}) { indexValue } assessments { year status } } }`;
    type View = { organization: { reformIndex: unknown; assessments: { year: number; status: string }[] } };
    for (const t of [await tokens.staff(unit), await tokens.homeAffairs()]) {
      expect(ok(await viaGateway<View>(Q, { id: unit.id }, t)).organization).toEqual({ reformIndex: null, assessments: [{ year: YEAR, status: 'DRAFT' }] });
    }
    for (const t of [await tokens.head(other), null]) {
      expect(ok(await viaGateway<View>(Q, { id: unit.id }, t)).organization).toEqual({ reformIndex: null, assessments: [] });
    }
  });
});
