import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, sql, sqlStatements, tableCounts, token, unique, viaGateway, type GraphQLResponse } from '../support/client.js';
import { appoint, cityAndChairman, todayInVietnam } from '../support/heads.js';
import { M as EVAL, cityRule, createOrganization, homeAffairs, newHead, publishBlock } from '../../services/evaluations/test/support.js';

/**
 * A token's ORG_HEAD/CITY_CHAIR role and `org` claim are what the caller claims; "the head of X" and "the City
 * Chairman" are what the organizations data says today. Forged claims — the right role and organization with
 * somebody else's `sub`, or the `sub` of a head whose assignment ended — are refused every head-only action and
 * every private read, and change nothing; an acting head counts. The check costs one lookup per request.
 */
const YEAR = 2025; // D's published block and its heads' evaluations
const WORK_YEAR = 2026; // D's block still at work
const ONE_CRITERION = [{ code: 'A', name: 'Kết quả cải cách hành chính', maxPoints: 100, criteria: [{ code: 'A.1', name: 'Tổng hợp', maxPoints: 100 }] }];

const Q = {
  define: 'mutation($input: CriteriaSetInput!) { defineCriteriaSet(input: $input) { id } }',
  activate: 'mutation($id: ID!) { activateCriteriaSet(id: $id) { id } }',
  open: 'mutation($y: Int!, $b: String!, $ids: [ID!]!) { openAssessments(year: $y, block: $b, organizationIds: $ids) { id version organization { id } } }',
  save: 'mutation($id: ID!, $v: Int!, $s: [SelfScoreInput!]!) { saveSelfScores(assessmentId: $id, expectedVersion: $v, scores: $s) { version } }',
  submit: 'mutation($id: ID!, $v: Int!) { submitSelfAssessment(assessmentId: $id, expectedVersion: $v) { version } }',
  appraise: 'mutation($id: ID!, $v: Int!, $s: [AppraisalScoreInput!]!) { recordAppraisal(assessmentId: $id, expectedVersion: $v, scores: $s) { version status } }',
  explain: 'mutation($id: ID!, $v: Int!) { requestExplanation(assessmentId: $id, expectedVersion: $v, items: [{ criterionCode: "A.1", question: "Vì sao?" }]) { version } }',
  finalize: 'mutation($id: ID!, $v: Int!) { finalizeAppraisal(assessmentId: $id, expectedVersion: $v) { version } }',
  survey: 'mutation($y: Int!, $b: String!, $org: ID!) { importSurveyScores(year: $y, block: $b, scores: [{ organizationId: $org, criterionCode: "A.1", score: 1 }]) { id } }',
  publish: 'mutation($y: Int!, $b: String!) { publishIndex(year: $y, block: $b, decisionNumber: "QĐ giả mạo") { year } }',
  assessment: 'query($id: ID!) { assessment(id: $id) { id status } }',
  criteriaSet: 'query($y: Int!, $b: String!) { criteriaSet(year: $y, block: $b) { id status } }',
  rule: 'mutation($input: LevelRuleInput!) { defineLevelRule(input: $input) { id } }',
  duties: 'mutation($id: ID!, $v: Int!, $n: String) { recordDuties(evaluationId: $id, expectedVersion: $v, dutiesFulfilled: false, notes: $n) { id version } }',
  evaluation: 'query($id: ID!) { headEvaluation(id: $id) { id dutyNotes dutiesFulfilled } }',
  evaluations: 'query($y: Int!) { headEvaluations(year: $y) { id dutyNotes dutiesFulfilled monthsInOffice } }',
  commend: 'mutation($id: ID!) { decideCommendation(id: $id, accept: true) { id } }',
  summary: 'query($y: Int!) { annualSummary(year: $y) { year } }',
};

let ha: string;
let city: { cityId: string; chairmanId: string };
let d: { id: string; code: string };
let dHead: string;
let dHeadId: string;
let publishedBlock: string;
let units: { id: string }[];
let workBlock: string;
let workSetId: string;
let draftBlock: string;
let submitted: { id: string; version: number };
let dEvaluations: { id: string; version: number }[];
let cityEvaluation: { id: string; version: number };
let commendationId: string;

const all = async () => Promise.all((['organizations', 'reform-index', 'evaluations'] as const).map((s) => tableCounts(s)));
const daysAgo = (n: number) => new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ha = await homeAffairs();
  city = await cityAndChairman();
  await cityRule();
  const chair = await token('CITY_CHAIR', { sub: city.chairmanId, org: city.cityId });

  // D, a department under the city committee, runs a block for its six units (docs/domain.md, The PAR index) and evaluates their heads.
  d = await createOrganization('DEPARTMENT', { parentId: city.cityId });
  dHeadId = (await newHead(d.id, '2020-01-01')).personId;
  dHead = await token('ORG_HEAD', { sub: dHeadId, org: d.id });
  units = [];
  for (let i = 0; i < 6; i++) {
    const unit = await createOrganization('SUBORDINATE_UNIT', { parentId: d.id });
    await newHead(unit.id, '2020-01-01');
    units.push(unit);
  }
  publishedBlock = `${d.code}/${unique('HC')}`;
  await publishBlock({ year: YEAR, block: publishedBlock, ownerId: d.id, admin: dHead, publisher: dHead, units: units.map((u, i) => ({ id: u.id, index: 70 + i })) });
  dEvaluations = ok(await viaGateway<{ proposeHeadEvaluations: { id: string; version: number }[] }>(EVAL.propose, { y: YEAR, b: publishedBlock }, dHead)).proposeHeadEvaluations;

  // The same block next year, at work: the first unit's self-assessment is submitted and waits for appraisal.
  workBlock = `${d.code}/${unique('HC')}`;
  workSetId = ok(await viaGateway<{ defineCriteriaSet: { id: string } }>(Q.define, { input: { year: WORK_YEAR, block: workBlock, ownerId: d.id, name: 'Bộ chỉ số đơn vị', areas: ONE_CRITERION } }, dHead)).defineCriteriaSet.id;
  ok(await viaGateway(Q.activate, { id: workSetId }, dHead));
  const [opened] = ok(await viaGateway<{ openAssessments: { id: string; version: number }[] }>(Q.open, { y: WORK_YEAR, b: workBlock, ids: [units[0]!.id] }, dHead)).openAssessments;
  const unitHead = await token('ORG_HEAD', { sub: (ok(await viaGateway<any>('query($id: ID!) { organization(id: $id) { head { person { id } } } }', { id: units[0]!.id }))).organization.head.person.id, org: units[0]!.id });
  let v = ok(await viaGateway<{ saveSelfScores: { version: number } }>(Q.save, { id: opened!.id, v: opened!.version, s: [{ criterionCode: 'A.1', score: 80 }] }, unitHead)).saveSelfScores.version;
  v = ok(await viaGateway<{ submitSelfAssessment: { version: number } }>(Q.submit, { id: opened!.id, v }, unitHead)).submitSelfAssessment.version;
  submitted = { id: opened!.id, version: v };
  draftBlock = `${d.code}/${unique('HCDRAFT')}`;
  ok(await viaGateway(Q.define, { input: { year: WORK_YEAR, block: draftBlock, ownerId: d.id, name: 'Bộ chỉ số dự thảo', areas: ONE_CRITERION } }, dHead));

  // E, a department the City Chairman evaluates: its head's evaluation carries private duty notes.
  const e = await createOrganization('DEPARTMENT', { parentId: city.cityId });
  await newHead(e.id, '2020-01-01');
  const cityBlock = unique('HCCITY');
  await publishBlock({ year: YEAR, block: cityBlock, ownerId: city.cityId, admin: ha, publisher: chair, units: [{ id: e.id, index: 88 }] });
  const [proposed] = ok(await viaGateway<{ proposeHeadEvaluations: { id: string; version: number }[] }>(EVAL.propose, { y: YEAR, b: cityBlock }, ha)).proposeHeadEvaluations;
  cityEvaluation = ok(await viaGateway<{ recordDuties: { id: string; version: number } }>(Q.duties, { id: proposed!.id, v: proposed!.version, n: 'Ghi chú riêng: chậm triển khai một cửa' }, ha)).recordDuties;
  commendationId = ok(await viaGateway<{ proposeCommendation: { id: string } }>('mutation($input: CommendationInput!) { proposeCommendation(input: $input) { id } }',
    { input: { year: YEAR, organizationId: e.id, reason: 'Dẫn đầu khối' } }, ha)).proposeCommendation.id;
}, 180_000);

/** Every response refused (FORBIDDEN), or — for a private read — answered without the private record. */
function refusedAll(responses: [string, GraphQLResponse][]) {
  for (const [what, response] of responses) {
    try {
      expectError(response, 'FORBIDDEN');
    } catch (error) {
      throw new Error(`${what}: ${(error as Error).message}`, { cause: error });
    }
  }
}

describe('an ORG_HEAD token naming a department, with somebody else\'s sub, is not that department\'s head', () => {
  it("cannot administer or appraise the department's own block, nor read its unpublished work; nothing changes", async () => {
    const forged = await token('ORG_HEAD', { sub: randomUUID(), org: d.id });
    const before = await all();
    refusedAll([
      ['defineCriteriaSet', await viaGateway(Q.define, { input: { year: WORK_YEAR, block: `${d.code}/${unique('X')}`, ownerId: d.id, name: 'Giả mạo', areas: ONE_CRITERION } }, forged)],
      ['openAssessments', await viaGateway(Q.open, { y: WORK_YEAR, b: workBlock, ids: [units[1]!.id] }, forged)],
      ['recordAppraisal', await viaGateway(Q.appraise, { id: submitted.id, v: submitted.version, s: [{ criterionCode: 'A.1', score: 100 }] }, forged)],
      ['requestExplanation', await viaGateway(Q.explain, { id: submitted.id, v: submitted.version }, forged)],
      ['finalizeAppraisal', await viaGateway(Q.finalize, { id: submitted.id, v: submitted.version }, forged)],
      ['importSurveyScores', await viaGateway(Q.survey, { y: WORK_YEAR, b: workBlock, org: units[0]!.id }, forged)],
      ['publishIndex', await viaGateway(Q.publish, { y: WORK_YEAR, b: workBlock }, forged)],
      ['assessment (unpublished)', await viaGateway(Q.assessment, { id: submitted.id }, forged)],
      ['defineLevelRule', await viaGateway(Q.rule, { input: { ownerId: d.id, name: 'Giả mạo', effectiveFrom: '2040-01-01', bands: [] } }, forged)],
      ['recordDuties', await viaGateway(Q.duties, { id: dEvaluations[0]!.id, v: dEvaluations[0]!.version, n: 'giả mạo' }, forged)],
    ]);
    expect(ok(await viaGateway<{ criteriaSet: unknown }>(Q.criteriaSet, { y: WORK_YEAR, b: draftBlock }, forged)).criteriaSet).toBeNull();
    expect(ok(await viaGateway<{ headEvaluation: unknown }>(Q.evaluation, { id: dEvaluations[0]!.id }, forged)).headEvaluation).toBeNull();
    expect(await all()).toEqual(before);
    expect((await sql('reform-index', 'select status, version from assessment where id = $1', [submitted.id]))[0]).toEqual({ status: 'SELF_ASSESSED', version: submitted.version });

    // The same request from the department's real head goes through: the refusal above was the claim, not the request.
    expect(ok(await viaGateway<{ criteriaSet: { status: string } }>(Q.criteriaSet, { y: WORK_YEAR, b: draftBlock }, dHead)).criteriaSet.status).toBe('DRAFT');
    const appraised = ok(await viaGateway<{ recordAppraisal: { version: number; status: string } }>(Q.appraise, { id: submitted.id, v: submitted.version, s: [{ criterionCode: 'A.1', score: 75 }] }, dHead)).recordAppraisal;
    expect(appraised.status).toBe('UNDER_APPRAISAL');
    submitted = { id: submitted.id, version: appraised.version };
  });
});

describe('a token naming the city committee, with somebody else\'s sub, is not the City Chairman', () => {
  it('cannot record duties, read private duty notes, decide commendations or read the annual summary; nothing changes', async () => {
    const forgedChair = await token('CITY_CHAIR', { sub: randomUUID(), org: city.cityId });
    const forgedHead = await token('ORG_HEAD', { sub: randomUUID(), org: city.cityId });
    const before = await all();
    for (const forged of [forgedChair, forgedHead]) {
      refusedAll([
        ['recordDuties', await viaGateway(Q.duties, { id: cityEvaluation.id, v: cityEvaluation.version, n: 'Ghi đè' }, forged)],
        ['decideCommendation', await viaGateway(Q.commend, { id: commendationId }, forged)],
        ['annualSummary', await viaGateway(Q.summary, { y: YEAR }, forged)],
      ]);
      expect(ok(await viaGateway<{ headEvaluation: unknown }>(Q.evaluation, { id: cityEvaluation.id }, forged)).headEvaluation).toBeNull();
      const listed = ok(await viaGateway<{ headEvaluations: { id: string; dutyNotes: string | null }[] }>(Q.evaluations, { y: YEAR }, forged)).headEvaluations;
      expect(listed.filter((x) => x.dutyNotes !== null)).toEqual([]);
    }
    expect(await all()).toEqual(before);
    const [row] = await sql('evaluations', 'select duty_notes, version from head_evaluation where id = $1', [cityEvaluation.id]);
    expect(row).toEqual({ duty_notes: 'Ghi chú riêng: chậm triển khai một cửa', version: cityEvaluation.version });

    // The real chairman reads them.
    const chair = await token('CITY_CHAIR', { sub: city.chairmanId, org: city.cityId });
    expect(ok(await viaGateway<{ headEvaluation: { dutyNotes: string } }>(Q.evaluation, { id: cityEvaluation.id }, chair)).headEvaluation.dutyNotes).toBe('Ghi chú riêng: chậm triển khai một cửa');
  });
});

describe('heads are judged on today', () => {
  it('a former head, whose assignment ended, is refused; the head who followed is not', async () => {
    const f = await createOrganization('DEPARTMENT', { parentId: city.cityId });
    const former = await newHead(f.id, '2020-01-01');
    const successor = await appoint(f.id, daysAgo(10)); // closes the former head's assignment the day before
    const input = (block: string) => ({ input: { year: WORK_YEAR, block: `${f.code}/${block}`, ownerId: f.id, name: 'Bộ chỉ số', areas: ONE_CRITERION } });
    const before = await all();
    expectError(await viaGateway(Q.define, input(unique('OLD')), await token('ORG_HEAD', { sub: former.personId, org: f.id })), 'FORBIDDEN');
    expect(await all()).toEqual(before);
    ok(await viaGateway(Q.define, input(unique('NEW')), await token('ORG_HEAD', { sub: successor.personId, org: f.id })));
  });

  it('an acting head is the head', async () => {
    const g = await createOrganization('DEPARTMENT', { parentId: city.cityId });
    const acting = await appoint(g.id, '2020-01-01', { acting: true, title: 'Phó Giám đốc phụ trách' });
    const set = ok(await viaGateway<{ defineCriteriaSet: { id: string } }>(Q.define, { input: { year: WORK_YEAR, block: `${g.code}/${unique('ACT')}`, ownerId: g.id, name: 'Bộ chỉ số', areas: ONE_CRITERION } },
      await token('ORG_HEAD', { sub: acting.personId, org: g.id }))).defineCriteriaSet;
    expect(set.id).toBeTruthy();
  });

  it('heading one organization gives nothing in another: the real head of D naming E in its token is refused', async () => {
    const before = await all();
    expectError(await viaGateway(Q.duties, { id: cityEvaluation.id, v: cityEvaluation.version, n: 'x' }, await token('ORG_HEAD', { sub: dHeadId, org: city.cityId })), 'FORBIDDEN');
    expect(await all()).toEqual(before);
  });
});

describe('the check costs one lookup per request, whatever the number of rows it guards', () => {
  const lookupCost = async (query: string, variables: Record<string, unknown>, bearer: string) => {
    const before = await sqlStatements('organizations');
    const response = ok(await viaGateway<Record<string, any>>(query, variables, bearer));
    return { statements: (await sqlStatements('organizations')) - before, response };
  };

  it('six private evaluations cost the organizations subgraph what one does', async () => {
    const one = await lookupCost(Q.evaluation, { id: dEvaluations[0]!.id }, dHead);
    const many = await lookupCost(Q.evaluations, { y: YEAR }, dHead);
    expect(one.response.headEvaluation.id).toBe(dEvaluations[0]!.id);
    expect(many.response.headEvaluations.filter((x: { dutiesFulfilled: boolean | null; monthsInOffice: number | null }) => x.monthsInOffice !== null)).toHaveLength(6);
    expect(one.statements).toBeGreaterThan(0);
    expect(many.statements).toBe(one.statements);
    console.log(`head lookup: ${one.statements} SQL statements at the organizations subgraph for 1 evaluation, ${many.statements} for ${many.response.headEvaluations.length}`);
  });

  it('six published assessments with their scores cost what one does; a staff token costs nothing', async () => {
    const SCORES = 'query($y: Int!, $b: String!) { assessments(year: $y, block: $b) { edges { node { organization { id } scores { criterionCode } } } } }';
    const SCORE = 'query($id: ID!) { assessment(id: $id) { id status } }';
    const many = await lookupCost(SCORES, { y: YEAR, b: publishedBlock }, dHead);
    const own = many.response.assessments.edges.filter((e: { node: { organization: { id: string }; scores: unknown[] } }) => units.some((u) => u.id === e.node.organization.id) && e.node.scores.length > 0);
    expect(own).toHaveLength(6);
    const one = await lookupCost(SCORE, { id: submitted.id }, dHead);
    expect(one.statements).toBeGreaterThan(0);
    expect(many.statements).toBe(one.statements);
    const staff = await lookupCost(SCORE, { id: submitted.id }, await token('ORG_STAFF', { sub: randomUUID(), org: units[0]!.id }));
    expect(staff.statements).toBe(0);
  });
});
