import { ok, token, unique, viaGateway } from '../../../../test/support/client.js';
import { chairToken, headToken } from '../../../../test/support/heads.js';

/** Helpers for the reform-index tests: fresh organizations, criteria sets and the workflow steps, through the gateway. */

export const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id code } }`;

export interface Org { id: string; code: string }

export async function createOrg(kind: string, name: string, extra: { parentId?: string; advisesOn?: string[]; code?: string } = {}): Promise<Org> {
  const { createOrganization } = ok(await viaGateway<{ createOrganization: Org }>(CREATE_ORG, {
    input: { code: extra.code ?? unique(kind.slice(0, 3)), name, kind, validFrom: '2020-01-01', parentId: extra.parentId, advisesOn: extra.advisesOn },
  }, await token('HOME_AFFAIRS')));
  return createOrganization;
}

export const tokens = {
  homeAffairs: () => token('HOME_AFFAIRS', { sub: 'person-home-affairs' }),
  /** The City Chairman today (heads the city committee HP by the organizations data). */
  chair: () => chairToken(),
  appraiser: () => token('APPRAISER', { sub: 'person-appraiser' }),
  /** The person heading `org` today (appointed when nobody does). */
  head: (org: Org | string) => headToken(typeof org === 'string' ? org : org.id),
  staff: (org: Org | string) => token('ORG_STAFF', { org: typeof org === 'string' ? org : org.id, sub: `staff-of-${typeof org === 'string' ? org : org.code}` }),
  partner: () => token('PARTNER', { scope: 'reform-index:read', sub: 'partner-1' }),
};

/**
 * A 100-point set shaped like the provincial ones: a steering area with sub-criteria (one needing evidence, one
 * that may not apply), a procedures area, and 32 points from the sociological survey.
 */
export function standardAreas(policy = 'EXCLUDE_FROM_MAX') {
  return [
    { code: 'STEERING', name: 'Công tác chỉ đạo, điều hành cải cách hành chính', maxPoints: 40, criteria: [
      { code: '1.1', name: 'Kế hoạch cải cách hành chính', maxPoints: 25, children: [
        { code: '1.1.1', name: 'Ban hành kế hoạch đúng hạn', maxPoints: 15, evidenceRequired: true },
        { code: '1.1.2', name: 'Mức độ thực hiện kế hoạch', maxPoints: 10 },
      ] },
      { code: '1.2', name: 'Xử lý kiến nghị phát sinh', maxPoints: 15, mayNotApply: true, notApplicablePolicy: policy },
    ] },
    { code: 'PROCEDURES', name: 'Cải cách thủ tục hành chính', maxPoints: 28, criteria: [
      { code: '2.1', name: 'Giải quyết thủ tục hành chính đúng hạn', maxPoints: 28 },
    ] },
    { code: 'IMPACT', name: 'Tác động của cải cách hành chính', maxPoints: 32, criteria: [
      { code: '3.1', name: 'Chỉ số hài lòng (SIPAS)', maxPoints: 32, method: 'SURVEY' },
    ] },
  ];
}

export const BANDS = [{ label: 'A', minIndex: 90 }, { label: 'B', minIndex: 80 }, { label: 'C', minIndex: 70 }];

const DEFINE = `mutation($input: CriteriaSetInput!) { defineCriteriaSet(input: $input) { id year block status maxPoints } }`;
const ACTIVATE = `mutation($id: ID!) { activateCriteriaSet(id: $id) { id status } }`;
const OPEN = `mutation($year: Int!, $block: String!, $ids: [ID!]!) { openAssessments(year: $year, block: $block, organizationIds: $ids) { id version status organization { id } } }`;

export async function defineActiveSet(input: Record<string, unknown>, adminToken?: string) {
  const t = adminToken ?? (await tokens.homeAffairs());
  const { defineCriteriaSet } = ok(await viaGateway<{ defineCriteriaSet: { id: string } }>(DEFINE, { input: { name: 'Bộ chỉ số thử nghiệm', areas: standardAreas(), bands: BANDS, ...input } }, t));
  ok(await viaGateway(ACTIVATE, { id: defineCriteriaSet.id }, t));
  return defineCriteriaSet.id;
}

export async function openAssessments(year: number, block: string, orgs: Org[], adminToken?: string) {
  const { openAssessments } = ok(await viaGateway<{ openAssessments: { id: string; version: number; organization: { id: string } }[] }>(OPEN, { year, block, ids: orgs.map((o) => o.id) }, adminToken ?? (await tokens.homeAffairs())));
  return openAssessments;
}

export const M = {
  save: `mutation($id: ID!, $v: Int!, $scores: [SelfScoreInput!]!) { saveSelfScores(assessmentId: $id, expectedVersion: $v, scores: $scores) { id version status } }`,
  submit: `mutation($id: ID!, $v: Int!) { submitSelfAssessment(assessmentId: $id, expectedVersion: $v) { id version status } }`,
  appraise: `mutation($id: ID!, $v: Int!, $scores: [AppraisalScoreInput!]!) { recordAppraisal(assessmentId: $id, expectedVersion: $v, scores: $scores) { id version status } }`,
  requestExplanation: `mutation($id: ID!, $v: Int!, $items: [ExplanationRequestInput!]!) { requestExplanation(assessmentId: $id, expectedVersion: $v, items: $items) { id version status } }`,
  explain: `mutation($id: ID!, $v: Int!, $answers: [ExplanationInput!]!) { submitExplanation(assessmentId: $id, expectedVersion: $v, answers: $answers) { id version status } }`,
  finalize: `mutation($id: ID!, $v: Int!) { finalizeAppraisal(assessmentId: $id, expectedVersion: $v) { id version status } }`,
  survey: `mutation($year: Int!, $block: String!, $scores: [SurveyScoreInput!]!) { importSurveyScores(year: $year, block: $block, scores: $scores) { id version status } }`,
  publish: `mutation($year: Int!, $block: String!, $d: String!) { publishIndex(year: $year, block: $block, decisionNumber: $d) { year block average publication { decisionNumber } entries { rank indexValue band organization { id } } } }`,
};

type Step = { id: string; version: number; status: string };

/**
 * Self-assessment scores that, with a 30-point survey, make exactly `index` on the standard set (no item
 * excluded): 15 + 10 + 15 on steering, the rest on procedures. `index` between 70 and 98.
 */
export function scoresFor(index: number) {
  const procedures = Math.round((index - 70) * 100) / 100;
  return [
    { criterionCode: '1.1.1', score: 15, evidence: ['QĐ ban hành kế hoạch CCHC'] },
    { criterionCode: '1.1.2', score: 10 },
    { criterionCode: '1.2', score: 15 },
    { criterionCode: '2.1', score: procedures },
  ];
}

/** One unit from DRAFT to APPRAISED with the right token for each step. */
export async function driveToAppraised(a: { id: string; version: number }, org: Org, selfScores: unknown[], appraisal: unknown[] = [], adminToken?: string, appraiserToken?: string): Promise<Step> {
  let step = ok(await viaGateway<{ saveSelfScores: Step }>(M.save, { id: a.id, v: a.version, scores: selfScores }, await tokens.staff(org))).saveSelfScores;
  step = ok(await viaGateway<{ submitSelfAssessment: Step }>(M.submit, { id: a.id, v: step.version }, await tokens.head(org))).submitSelfAssessment;
  step = ok(await viaGateway<{ recordAppraisal: Step }>(M.appraise, { id: a.id, v: step.version, scores: appraisal }, appraiserToken ?? (await tokens.appraiser()))).recordAppraisal;
  step = ok(await viaGateway<{ finalizeAppraisal: Step }>(M.finalize, { id: a.id, v: step.version }, adminToken ?? (await tokens.homeAffairs()))).finalizeAppraisal;
  return step;
}
