import type { Role } from 'subgraph-kit';
import { ok, token, unique, viaGateway } from '../support/client.js';
import { cityAndChairman } from '../support/heads.js';

/**
 * One small, real world for the security tests, built through the gateway as users build it: the city committee
 * (HP) and its chairman, two departments X and Y under it with their heads, a published block with both (so
 * head evaluations exist), and a second block still in DRAFT for X (private work in progress).
 */
export interface World {
  cityId: string;
  chairmanId: string;
  x: { id: string; headId: string; assignmentId: string };
  y: { id: string; headId: string; assignmentId: string };
  year: number;
  /** The DRAFT block's year (a unit is in one block a year). */
  draftYear: number;
  publishedBlock: string;
  draftBlock: string;
  draftSetId: string;
  publishedAssessmentId: string;
  draftAssessment: { id: string; version: number };
  evaluation: { id: string; version: number };
  /** Y's head evaluation, decided and approved: public. */
  approvedEvaluationId: string;
  ruleId: string;
  commendationId: string;
  handlingCaseId: string;
  obstacleId: string;
}

export const HOME_AFFAIRS_SUB = 'security-home-affairs';
const homeAffairs = () => token('HOME_AFFAIRS', { sub: HOME_AFFAIRS_SUB });

async function call<T = Record<string, any>>(query: string, variables: Record<string, unknown>, as: string | null) {
  return ok(await viaGateway<T>(query, variables, as));
}

async function organization(kind: string, name: string, parentId?: string) {
  const code = unique('SEC');
  return (await call<{ createOrganization: { id: string } }>('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    { input: { code, name, kind, parentId: parentId ?? null, validFrom: '2000-01-01' } }, await homeAffairs())).createOrganization.id;
}

async function head(organizationId: string, fullName: string, startDate = '2020-01-01') {
  const ha = await homeAffairs();
  const personId = (await call<{ createPerson: { id: string } }>('mutation($n: String!) { createPerson(fullName: $n) { id } }', { n: fullName }, ha)).createPerson.id;
  const assignmentId = (await call<{ appointHead: { id: string } }>('mutation($input: AppointHeadInput!) { appointHead(input: $input) { id } }',
    { input: { personId, organizationId, startDate, title: 'Giám đốc' } }, ha)).appointHead.id;
  return { headId: personId, assignmentId };
}

/** The city committee is one for the whole platform (code HP), shared with every other test file. */
export { cityAndChairman };

const ONE_CRITERION = [{ code: 'A', name: 'Kết quả cải cách hành chính', maxPoints: 100, criteria: [{ code: 'A.1', name: 'Tổng hợp', maxPoints: 100 }] }];
const M = {
  define: 'mutation($input: CriteriaSetInput!) { defineCriteriaSet(input: $input) { id } }',
  activate: 'mutation($id: ID!) { activateCriteriaSet(id: $id) { id } }',
  open: 'mutation($y: Int!, $b: String!, $ids: [ID!]!) { openAssessments(year: $y, block: $b, organizationIds: $ids) { id version organization { id } } }',
  save: 'mutation($id: ID!, $v: Int!, $s: [SelfScoreInput!]!) { saveSelfScores(assessmentId: $id, expectedVersion: $v, scores: $s) { id version } }',
  submit: 'mutation($id: ID!, $v: Int!) { submitSelfAssessment(assessmentId: $id, expectedVersion: $v) { version } }',
  appraise: 'mutation($id: ID!, $v: Int!) { recordAppraisal(assessmentId: $id, expectedVersion: $v, scores: []) { version } }',
  finalize: 'mutation($id: ID!, $v: Int!) { finalizeAppraisal(assessmentId: $id, expectedVersion: $v) { version } }',
  publish: 'mutation($y: Int!, $b: String!, $d: String!) { publishIndex(year: $y, block: $b, decisionNumber: $d) { year } }',
  propose: 'mutation($y: Int!, $b: String!) { proposeHeadEvaluations(year: $y, block: $b) { id version organization { id } } }',
};

export async function definedBlock(year: number, block: string, unitIds: string[]) {
  const ha = await homeAffairs();
  const set = (await call<{ defineCriteriaSet: { id: string } }>(M.define, { input: { year, block, name: `Bộ chỉ số ${block}`, areas: ONE_CRITERION } }, ha)).defineCriteriaSet;
  await call(M.activate, { id: set.id }, ha);
  const opened = (await call<{ openAssessments: { id: string; version: number; organization: { id: string } }[] }>(M.open, { y: year, b: block, ids: unitIds }, ha)).openAssessments;
  return { setId: set.id, assessments: unitIds.map((id) => opened.find((a) => a.organization.id === id)!) };
}

/** Scores, submits, appraises and finalizes one assessment; the unit's index is `index`. */
export async function appraised(assessment: { id: string; version: number }, unitId: string, headId: string, index: number) {
  const unitHead = await token('ORG_HEAD', { sub: headId, org: unitId });
  let v = (await call<{ saveSelfScores: { version: number } }>(M.save, { id: assessment.id, v: assessment.version, s: [{ criterionCode: 'A.1', score: index }] }, unitHead)).saveSelfScores.version;
  v = (await call<{ submitSelfAssessment: { version: number } }>(M.submit, { id: assessment.id, v }, unitHead)).submitSelfAssessment.version;
  v = (await call<{ recordAppraisal: { version: number } }>(M.appraise, { id: assessment.id, v }, await token('APPRAISER', { sub: 'security-appraiser' }))).recordAppraisal.version;
  return (await call<{ finalizeAppraisal: { version: number } }>(M.finalize, { id: assessment.id, v }, await homeAffairs())).finalizeAppraisal.version;
}

/** The city's level rule in force since 2018 (found, or defined once, as the evaluations tests define it). */
export async function cityRule(cityId: string) {
  const rules = (await call<{ levelRules: { id: string; effectiveFrom: string; effectiveTo: string | null }[] }>(
    'query($owner: ID) { levelRules(ownerId: $owner) { id effectiveFrom effectiveTo } }', { owner: cityId }, null)).levelRules;
  return rules.find((r) => r.effectiveTo === null && r.effectiveFrom <= '2020-01-01')?.id
    ?? (await call<{ defineLevelRule: { id: string } }>('mutation($input: LevelRuleInput!) { defineLevelRule(input: $input) { id } }', {
      // The same rule services/evaluations/test/support.ts defines: whichever file runs first, the city has one rule.
      input: { name: 'Quy định mức độ hoàn thành (thử nghiệm)', legalBasis: 'Ví dụ: Quảng Ngãi 2018', effectiveFrom: '2018-01-01',
        bands: [{ level: 'EXCELLENT', minIndex: 80 }, { level: 'GOOD', minIndex: 70 }, { level: 'COMPLETED', minIndex: 50 }], lastInBlockMaxLevel: 'COMPLETED' },
    }, await homeAffairs())).defineLevelRule.id;
}

export const chairToken = (w: Pick<World, 'chairmanId' | 'cityId'>) => token('CITY_CHAIR', { sub: w.chairmanId, org: w.cityId });

export async function buildWorld(): Promise<World> {
  const { cityId, chairmanId } = await cityAndChairman();
  const xId = await organization('DEPARTMENT', 'Sở An ninh Thử nghiệm X', cityId);
  const yId = await organization('DEPARTMENT', 'Sở An ninh Thử nghiệm Y', cityId);
  const x = { id: xId, ...(await head(xId, 'Người đứng đầu X')) };
  const y = { id: yId, ...(await head(yId, 'Người đứng đầu Y')) };
  const year = 2025;
  const publishedBlock = unique('SECPUB');
  const draftBlock = unique('SECDRAFT');
  const ha = await homeAffairs();

  const pub = await definedBlock(year, publishedBlock, [x.id, y.id]);
  await appraised(pub.assessments[0]!, x.id, x.headId, 91.5);
  await appraised(pub.assessments[1]!, y.id, y.headId, 84.25);
  await call(M.publish, { y: year, b: publishedBlock, d: `QĐ ${unique('')}/QĐ-UBND` }, await chairToken({ chairmanId, cityId }));
  const draftYear = 2024;
  const draft = await definedBlock(draftYear, draftBlock, [x.id]);

  const ruleId = await cityRule(cityId);
  const proposed = (await call<{ proposeHeadEvaluations: { id: string; version: number; organization: { id: string } }[] }>(M.propose, { y: year, b: publishedBlock }, ha)).proposeHeadEvaluations;
  const evaluation = proposed.find((e) => e.organization.id === x.id)!;
  const yEvaluation = proposed.find((e) => e.organization.id === y.id)!;
  let yv = (await call<{ recordDuties: { version: number } }>('mutation($id: ID!, $v: Int!) { recordDuties(evaluationId: $id, expectedVersion: $v, dutiesFulfilled: true) { version } }', { id: yEvaluation.id, v: yEvaluation.version }, ha)).recordDuties.version;
  yv = (await call<{ submitHeadEvaluation: { version: number } }>('mutation($id: ID!, $v: Int!) { submitHeadEvaluation(evaluationId: $id, expectedVersion: $v) { version } }', { id: yEvaluation.id, v: yv }, ha)).submitHeadEvaluation.version;
  await call('mutation($id: ID!, $v: Int!) { decideHeadEvaluation(evaluationId: $id, expectedVersion: $v, approve: true) { version } }', { id: yEvaluation.id, v: yv }, await chairToken({ chairmanId, cityId }));

  const commendationId = (await call<{ proposeCommendation: { id: string } }>('mutation($input: CommendationInput!) { proposeCommendation(input: $input) { id } }',
    { input: { year, organizationId: x.id, reason: 'Dẫn đầu khối' } }, ha)).proposeCommendation.id;
  const handlingCaseId = (await call<{ openHandlingCase: { id: string } }>('mutation($input: HandlingCaseInput!) { openHandlingCase(input: $input) { id } }',
    { input: { year, organizationId: y.id, reason: 'Chậm nộp báo cáo' } }, ha)).openHandlingCase.id;
  const obstacleId = (await call<{ reportObstacle: { id: string } }>('mutation($input: ObstacleInput!) { reportObstacle(input: $input) { id } }',
    { input: { year, organizationId: x.id, areaCode: 'A', description: 'Thiếu phần mềm một cửa' } }, await token('ORG_STAFF', { sub: 'security-staff-x', org: x.id }))).reportObstacle.id;

  return {
    cityId, chairmanId, x, y, year, draftYear, publishedBlock, draftBlock, draftSetId: draft.setId,
    publishedAssessmentId: pub.assessments[0]!.id, draftAssessment: draft.assessments[0]!,
    evaluation: { id: evaluation.id, version: evaluation.version }, approvedEvaluationId: yEvaluation.id, ruleId, commendationId, handlingCaseId, obstacleId,
  };
}

/** The callers of the authorization table. */
export const CALLERS = ['anonymous', 'CITY_CHAIR', 'HOME_AFFAIRS', 'APPRAISER', 'ORG_HEAD', 'ORG_STAFF', 'OTHER_HEAD', 'PARTNER', 'PARTNER_NO_SCOPE', 'SERVICE'] as const;
export type CallerName = (typeof CALLERS)[number];

/** A token for each caller: ORG_HEAD/ORG_STAFF of X (the unit concerned), OTHER_HEAD heads Y; PARTNER holds the owner's scope. */
export async function callerToken(caller: CallerName, w: World, owner: string): Promise<string | null> {
  const other = ['organizations', 'reform-index', 'evaluations'].find((s) => s !== owner)!;
  const byCaller: Record<CallerName, () => Promise<string | null>> = {
    anonymous: async () => null,
    CITY_CHAIR: () => chairToken(w),
    HOME_AFFAIRS: () => homeAffairs(),
    APPRAISER: () => token('APPRAISER', { sub: 'security-appraiser' }),
    ORG_HEAD: () => token('ORG_HEAD', { sub: w.x.headId, org: w.x.id }),
    ORG_STAFF: () => token('ORG_STAFF', { sub: 'security-staff-x', org: w.x.id }),
    OTHER_HEAD: () => token('ORG_HEAD', { sub: w.y.headId, org: w.y.id }),
    PARTNER: () => token('PARTNER', { sub: 'security-partner', scope: `${owner}:read` }),
    PARTNER_NO_SCOPE: () => token('PARTNER', { sub: 'security-partner-elsewhere', scope: `${other}:read` }),
    SERVICE: () => token('SERVICE' as Role, { sub: 'security-service' }),
  };
  return byCaller[caller]();
}
