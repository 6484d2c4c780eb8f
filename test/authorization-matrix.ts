/**
 * THE AUTHORIZATION TABLE: every operation of the supergraph, and every field that carries private data, against
 * every kind of caller. test/security/authorization-matrix.test.ts runs each cell through the gateway and directly
 * against the owning subgraph, and fails when schema/supergraph.graphql has an operation this table does not list.
 *
 * How to read a row:
 *   public  — everyone may call it, anonymous included (what they see may still be filtered: see `hidden`).
 *   allow   — these callers get past authorization (the answer may still be CONFLICT, NOT_FOUND, … for the
 *             deliberately stale or unknown arguments the row sends; those prove the door opened, not the action).
 *   hidden  — these callers get no error but do not see the private record (null, or absent from the list).
 *   Everyone else: FORBIDDEN, or UNAUTHENTICATED without a token.
 *
 * Callers (test/security/fixture.ts): X and Y are departments under the city committee; ORG_HEAD and ORG_STAFF
 * belong to X, the unit concerned by every row; OTHER_HEAD heads Y; CITY_CHAIR heads the city committee (evaluator
 * of X's head, publisher of city blocks); PARTNER holds the owning subgraph's read scope, PARTNER_NO_SCOPE another
 * subgraph's; SERVICE is the token subgraphs use between themselves.
 *
 * Called directly (not through the gateway), a subgraph also refuses anonymous callers (UNAUTHENTICATED) and
 * partners without its scope (FORBIDDEN), whatever the row says: anonymous traffic goes through the gateway.
 */
import type { CallerName, World } from './security/fixture.js';

export type Subgraph = 'organizations' | 'reform-index' | 'evaluations';
export interface Row {
  owner: Subgraph;
  public?: true;
  allow?: CallerName[];
  hidden?: CallerName[];
  /** The request, on the owner's own fields only (so it can be sent to the owner directly). */
  request: (w: World) => { query: string; variables?: Record<string, unknown> };
  /** For reads with private data: whether the answer shows the record. */
  shows?: (data: any, w: World) => boolean;
}

const NO_ID = '00000000-0000-4000-8000-00000000dead';
const STALE = 9_999;
const HOME_AFFAIRS: CallerName[] = ['HOME_AFFAIRS'];
const UNIT: CallerName[] = ['ORG_HEAD', 'ORG_STAFF'];
const q = (query: string, variables?: Record<string, unknown>) => ({ query, variables });

export const AUTHORIZATION: Record<string, Row> = {
  // ───────────── organizations: the directory is public; every change is Home Affairs' ─────────────
  'Query.organization': { owner: 'organizations', public: true, request: (w) => q('query($id: ID!) { organization(id: $id) { id name } }', { id: w.x.id }), shows: (d) => d.organization !== null },
  'Query.organizationByCode': { owner: 'organizations', public: true, request: () => q('{ organizationByCode(code: "HP") { id } }'), shows: (d) => d.organizationByCode !== null },
  'Query.organizations': { owner: 'organizations', public: true, request: () => q('{ organizations(first: 1) { totalCount } }') },
  'Query.person': { owner: 'organizations', public: true, request: (w) => q('query($id: ID!) { person(id: $id) { fullName } }', { id: w.x.headId }), shows: (d) => d.person !== null },
  'Organization.auditTrail': { owner: 'organizations', allow: HOME_AFFAIRS, request: (w) => q('query($id: ID!) { organization(id: $id) { auditTrail { action } } }', { id: w.x.id }) },
  'Mutation.createOrganization': { owner: 'organizations', allow: HOME_AFFAIRS, request: () => q('mutation { createOrganization(input: { code: "HP", name: "Trùng mã", kind: DEPARTMENT, validFrom: "2020-01-01" }) { id } }') },
  'Mutation.updateOrganization': { owner: 'organizations', allow: HOME_AFFAIRS, request: (w) => q(`mutation($id: ID!) { updateOrganization(id: $id, expectedVersion: ${STALE}, input: { name: "Đổi tên" }) { id } }`, { id: w.x.id }) },
  'Mutation.recordOrganizationEvent': { owner: 'organizations', allow: HOME_AFFAIRS, request: () => q(`mutation { recordOrganizationEvent(input: { kind: DISSOLVE, effectiveDate: "2025-07-01", legalBasis: "NQ thử", predecessorIds: ["${NO_ID}"] }) { id } }`) },
  'Mutation.createPerson': { owner: 'organizations', allow: HOME_AFFAIRS, request: () => q('mutation { createPerson(fullName: "Nguyễn Văn Bảo Mật") { id } }') },
  'Mutation.appointHead': { owner: 'organizations', allow: HOME_AFFAIRS, request: (w) => q(`mutation($org: ID!) { appointHead(input: { personId: "${NO_ID}", organizationId: $org, title: "Giám đốc", startDate: "2025-01-01" }) { id } }`, { org: w.x.id }) },
  'Mutation.endHeadAssignment': { owner: 'organizations', allow: HOME_AFFAIRS, request: () => q(`mutation { endHeadAssignment(id: "${NO_ID}", endDate: "2025-01-01") { id } }`) },

  // ───────────── reform-index: published results are public; the workflow is the unit's, the appraisers', the block's ─────────────
  'Query.criteriaSet': { owner: 'reform-index', public: true, request: (w) => q('query($y: Int!, $b: String!) { criteriaSet(year: $y, block: $b) { id } }', { y: w.year, b: w.publishedBlock }) },
  'Query.criteriaSets': { owner: 'reform-index', public: true, request: (w) => q('query($y: Int!) { criteriaSets(year: $y) { id } }', { y: w.year }) },
  'Query.ranking': { owner: 'reform-index', public: true, request: (w) => q('query($y: Int!, $b: String!) { ranking(year: $y, block: $b) { entries { rank indexValue } } }', { y: w.year, b: w.publishedBlock }), shows: (d) => d.ranking?.entries.length === 2 },
  // A DRAFT assessment: its unit, the appraisers and the block's people; refused (not hidden) to anyone else.
  'Query.assessment': {
    owner: 'reform-index', allow: ['CITY_CHAIR', 'HOME_AFFAIRS', 'APPRAISER', 'ORG_HEAD', 'ORG_STAFF'],
    request: (w) => q('query($id: ID!) { assessment(id: $id) { id status } }', { id: w.draftAssessment.id }), shows: (d) => d.assessment !== null,
  },
  'Query.assessments': {
    owner: 'reform-index', allow: ['CITY_CHAIR', 'HOME_AFFAIRS', 'APPRAISER', 'ORG_HEAD', 'ORG_STAFF'], hidden: ['OTHER_HEAD', 'PARTNER', 'PARTNER_NO_SCOPE', 'SERVICE'],
    request: (w) => q('query($y: Int!, $b: String!) { assessments(year: $y, block: $b) { edges { node { id } } } }', { y: w.draftYear, b: w.draftBlock }),
    shows: (d, w) => d.assessments.edges.some((e: { node: { id: string } }) => e.node.id === w.draftAssessment.id),
  },
  'Query.areaMonitoring': { owner: 'reform-index', allow: HOME_AFFAIRS, request: (w) => q('query($y: Int!) { areaMonitoring(year: $y, areaCode: "A") { assessmentId } }', { y: w.year }) },
  'Assessment.auditTrail': { owner: 'reform-index', allow: HOME_AFFAIRS, request: (w) => q('query($id: ID!) { assessment(id: $id) { auditTrail { action } } }', { id: w.publishedAssessmentId }) },
  'Mutation.defineCriteriaSet': { owner: 'reform-index', allow: HOME_AFFAIRS, request: (w) => q('mutation($y: Int!, $b: String!) { defineCriteriaSet(input: { year: $y, block: $b, name: "Trùng khối", areas: [{ code: "A", name: "A", maxPoints: 100, criteria: [{ code: "A.1", name: "A.1", maxPoints: 100 }] }] }) { id } }', { y: w.year, b: w.publishedBlock }) },
  'Mutation.activateCriteriaSet': { owner: 'reform-index', allow: HOME_AFFAIRS, request: (w) => q('mutation($id: ID!) { activateCriteriaSet(id: $id) { id } }', { id: w.draftSetId }) },
  'Mutation.openAssessments': { owner: 'reform-index', allow: HOME_AFFAIRS, request: (w) => q('mutation($y: Int!, $b: String!, $ids: [ID!]!) { openAssessments(year: $y, block: $b, organizationIds: $ids) { id } }', { y: w.draftYear, b: w.draftBlock, ids: [w.x.id] }) },
  'Mutation.saveSelfScores': { owner: 'reform-index', allow: UNIT, request: (w) => q(`mutation($id: ID!) { saveSelfScores(assessmentId: $id, expectedVersion: ${STALE}, scores: [{ criterionCode: "A.1", score: 50 }]) { id } }`, { id: w.draftAssessment.id }) },
  'Mutation.submitSelfAssessment': { owner: 'reform-index', allow: ['ORG_HEAD'], request: (w) => q(`mutation($id: ID!) { submitSelfAssessment(assessmentId: $id, expectedVersion: ${STALE}) { id } }`, { id: w.draftAssessment.id }) },
  'Mutation.recordAppraisal': { owner: 'reform-index', allow: ['APPRAISER', 'HOME_AFFAIRS'], request: (w) => q(`mutation($id: ID!) { recordAppraisal(assessmentId: $id, expectedVersion: ${STALE}, scores: []) { id } }`, { id: w.draftAssessment.id }) },
  'Mutation.requestExplanation': { owner: 'reform-index', allow: ['APPRAISER', 'HOME_AFFAIRS'], request: (w) => q(`mutation($id: ID!) { requestExplanation(assessmentId: $id, expectedVersion: ${STALE}, items: [{ criterionCode: "A.1", question: "Vì sao?" }]) { id } }`, { id: w.draftAssessment.id }) },
  'Mutation.submitExplanation': { owner: 'reform-index', allow: ['ORG_HEAD'], request: (w) => q(`mutation($id: ID!) { submitExplanation(assessmentId: $id, expectedVersion: ${STALE}, answers: [{ criterionCode: "A.1", answer: "Vì vậy", evidence: ["VB-1"] }]) { id } }`, { id: w.draftAssessment.id }) },
  'Mutation.finalizeAppraisal': { owner: 'reform-index', allow: HOME_AFFAIRS, request: (w) => q(`mutation($id: ID!) { finalizeAppraisal(assessmentId: $id, expectedVersion: ${STALE}) { id } }`, { id: w.draftAssessment.id }) },
  'Mutation.importSurveyScores': { owner: 'reform-index', allow: HOME_AFFAIRS, request: (w) => q('mutation($y: Int!, $b: String!, $org: ID!) { importSurveyScores(year: $y, block: $b, scores: [{ organizationId: $org, criterionCode: "NO.SUCH", score: 1 }]) { id } }', { y: w.year, b: w.publishedBlock, org: w.x.id }) },
  'Mutation.publishIndex': { owner: 'reform-index', allow: ['CITY_CHAIR'], request: (w) => q('mutation($y: Int!, $b: String!) { publishIndex(year: $y, block: $b, decisionNumber: "QĐ lặp") { year } }', { y: w.year, b: w.publishedBlock }) },

  // ───────────── evaluations: approved levels are public; each step belongs to one office ─────────────
  'Query.levelRules': { owner: 'evaluations', public: true, request: () => q('{ levelRules { id } }') },
  'Query.levelRule': { owner: 'evaluations', public: true, request: (w) => q('query($id: ID!) { levelRule(id: $id) { id } }', { id: w.ruleId }), shows: (d) => d.levelRule !== null },
  'Query.headEvaluation': {
    owner: 'evaluations', public: true, hidden: ['anonymous', 'APPRAISER', 'ORG_STAFF', 'OTHER_HEAD', 'PARTNER', 'PARTNER_NO_SCOPE', 'SERVICE'],
    request: (w) => q('query($id: ID!) { headEvaluation(id: $id) { id status } }', { id: w.evaluation.id }), shows: (d) => d.headEvaluation !== null,
  },
  'Query.headEvaluations': {
    owner: 'evaluations', public: true, hidden: ['anonymous', 'APPRAISER', 'ORG_STAFF', 'OTHER_HEAD', 'PARTNER', 'PARTNER_NO_SCOPE', 'SERVICE'],
    request: (w) => q('query($y: Int!) { headEvaluations(year: $y) { id } }', { y: w.year }),
    shows: (d, w) => d.headEvaluations.some((e: { id: string }) => e.id === w.evaluation.id),
  },
  'Query.annualSummary': { owner: 'evaluations', allow: ['HOME_AFFAIRS', 'CITY_CHAIR'], request: (w) => q('query($y: Int!) { annualSummary(year: $y) { year } }', { y: w.year }) },
  'Query.obstacleReports': {
    owner: 'evaluations', allow: ['HOME_AFFAIRS', 'CITY_CHAIR', 'ORG_HEAD', 'ORG_STAFF'],
    request: (w) => q('query($y: Int!, $org: ID) { obstacleReports(year: $y, organizationId: $org) { id } }', { y: w.year, org: w.x.id }),
    shows: (d, w) => d.obstacleReports.some((o: { id: string }) => o.id === w.obstacleId),
  },
  'HeadEvaluation.auditTrail': { owner: 'evaluations', allow: HOME_AFFAIRS, request: (w) => q('query($id: ID!) { headEvaluation(id: $id) { auditTrail { action } } }', { id: w.approvedEvaluationId }) },
  'Mutation.defineLevelRule': { owner: 'evaluations', allow: HOME_AFFAIRS, request: () => q('mutation { defineLevelRule(input: { name: "Quy định thử", effectiveFrom: "2030-01-01", bands: [] }) { id } }') },
  'Mutation.updateLevelRule': { owner: 'evaluations', allow: HOME_AFFAIRS, request: (w) => q(`mutation($id: ID!) { updateLevelRule(id: $id, expectedVersion: ${STALE}, input: { name: "Sửa", effectiveFrom: "2018-01-01", bands: [{ level: GOOD, minIndex: 70 }] }) { id } }`, { id: w.ruleId }) },
  'Mutation.proposeHeadEvaluations': { owner: 'evaluations', allow: HOME_AFFAIRS, request: (w) => q('mutation($y: Int!, $b: String!) { proposeHeadEvaluations(year: $y, block: $b) { id } }', { y: w.year, b: w.publishedBlock }) },
  'Mutation.recordDuties': { owner: 'evaluations', allow: ['HOME_AFFAIRS', 'CITY_CHAIR'], request: (w) => q(`mutation($id: ID!) { recordDuties(evaluationId: $id, expectedVersion: ${STALE}, dutiesFulfilled: true) { id } }`, { id: w.evaluation.id }) },
  'Mutation.claimMitigation': { owner: 'evaluations', allow: ['ORG_HEAD', 'HOME_AFFAIRS'], request: (w) => q(`mutation($id: ID!) { claimMitigation(evaluationId: $id, expectedVersion: ${STALE}, input: { ground: OBJECTIVE_CAUSES, explanation: "Thiên tai", evidence: ["VB-2"] }) { id } }`, { id: w.evaluation.id }) },
  'Mutation.submitHeadEvaluation': { owner: 'evaluations', allow: HOME_AFFAIRS, request: (w) => q(`mutation($id: ID!) { submitHeadEvaluation(evaluationId: $id, expectedVersion: ${STALE}) { id } }`, { id: w.evaluation.id }) },
  'Mutation.decideHeadEvaluation': { owner: 'evaluations', allow: ['CITY_CHAIR'], request: (w) => q(`mutation($id: ID!) { decideHeadEvaluation(evaluationId: $id, expectedVersion: ${STALE}, approve: true) { id } }`, { id: w.evaluation.id }) },
  'Mutation.proposeCommendation': { owner: 'evaluations', allow: HOME_AFFAIRS, request: () => q(`mutation { proposeCommendation(input: { year: 1800, organizationId: "${NO_ID}", reason: "Thử" }) { id } }`) },
  'Mutation.decideCommendation': { owner: 'evaluations', allow: ['CITY_CHAIR'], request: (w) => q('mutation($id: ID!) { decideCommendation(id: $id, accept: true, comment: "Đồng ý") { id } }', { id: w.commendationId }) },
  'Mutation.openHandlingCase': { owner: 'evaluations', allow: HOME_AFFAIRS, request: () => q(`mutation { openHandlingCase(input: { year: 1800, organizationId: "${NO_ID}", reason: "Thử" }) { id } }`) },
  'Mutation.closeHandlingCase': { owner: 'evaluations', allow: HOME_AFFAIRS, request: (w) => q('mutation($id: ID!) { closeHandlingCase(id: $id, outcome: "Đã xử lý") { id } }', { id: w.handlingCaseId }) },
  'Mutation.reportObstacle': { owner: 'evaluations', allow: UNIT, request: (w) => q('mutation($org: ID!, $y: Int!) { reportObstacle(input: { year: $y, organizationId: $org, description: "Thử" }) { id } }', { org: w.x.id, y: w.year }) },
  'Mutation.respondToObstacle': { owner: 'evaluations', allow: HOME_AFFAIRS, request: (w) => q('mutation($id: ID!) { respondToObstacle(id: $id, response: "Đã trả lời", status: ANSWERED) { id } }', { id: w.obstacleId }) },
};

export type Expected = 'allowed' | 'hidden' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/** The cell: what `caller` gets from `row`, through the gateway or directly from the owning subgraph. */
export function expected(row: Row, caller: CallerName, path: 'gateway' | 'direct'): Expected {
  if (path === 'direct' && caller === 'anonymous') return 'UNAUTHENTICATED';
  if (path === 'direct' && caller === 'PARTNER_NO_SCOPE') return 'FORBIDDEN';
  if (row.hidden?.includes(caller)) return 'hidden';
  if (row.public || row.allow?.includes(caller)) return 'allowed';
  return caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
}
