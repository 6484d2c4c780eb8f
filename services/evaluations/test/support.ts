import { ok, token, unique, viaGateway } from '../../../test/support/client.js';
import { headToken as unitHeadToken } from '../../../test/support/heads.js';

/** Shared set-up for the evaluations tests: organizations through the gateway, fresh codes every time. */

export async function homeAffairs() {
  return token('HOME_AFFAIRS', { sub: 'home-affairs-officer' });
}

export async function createOrganization(kind: string, options: { parentId?: string; code?: string; name?: string; validFrom?: string } = {}) {
  const code = options.code ?? unique(kind.slice(0, 4));
  const data = ok(await viaGateway<{ createOrganization: { id: string; code: string; name: string } }>(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id code name } }`,
    { input: { code, name: options.name ?? `Đơn vị ${code}`, kind, parentId: options.parentId ?? null, validFrom: options.validFrom ?? '2000-01-01' } },
    await homeAffairs(),
  ));
  return data.createOrganization;
}

/** The city committee (code HP) is one for the whole platform: made once, found afterwards. */
export async function cityCommittee() {
  const found = ok(await viaGateway<{ organizationByCode: { id: string; code: string; name: string } | null }>(
    '{ organizationByCode(code: "HP") { id code name } }',
  )).organizationByCode;
  return found ?? createOrganization('CITY_COMMITTEE', { code: 'HP', name: 'Ủy ban nhân dân thành phố Hải Phòng' });
}

export const QUANG_NGAI_BANDS = [
  { level: 'EXCELLENT', minIndex: 80 },
  { level: 'GOOD', minIndex: 70 },
  { level: 'COMPLETED', minIndex: 50 },
];

export const RULE_FIELDS = `id name legalBasis effectiveFrom effectiveTo bands { level minIndex } excellentRequiresAllDuties lastInBlockMaxLevel
  mitigationCeiling minMonthsInOffice version owner { id } evaluationCount`;

export const DEFINE_RULE = `mutation($input: LevelRuleInput!) { defineLevelRule(input: $input) { ${RULE_FIELDS} } }`;
export const UPDATE_RULE = `mutation($id: ID!, $v: Int!, $input: LevelRuleInput!) { updateLevelRule(id: $id, expectedVersion: $v, input: $input) { ${RULE_FIELDS} } }`;

/** The city's rule in force for the years the tests evaluate: defined once per platform, open-ended from 2018. */
export async function cityRule() {
  const city = await cityCommittee();
  const rules = ok(await viaGateway<{ levelRules: { id: string; effectiveFrom: string; effectiveTo: string | null }[] }>(
    'query($owner: ID) { levelRules(ownerId: $owner) { id effectiveFrom effectiveTo } }', { owner: city.id },
  )).levelRules;
  const open = rules.find((r) => r.effectiveTo === null && r.effectiveFrom <= '2020-01-01');
  if (open) return open;
  return ok(await viaGateway<{ defineLevelRule: { id: string; effectiveFrom: string; effectiveTo: string | null } }>(DEFINE_RULE, {
    input: { name: 'Quy định mức độ hoàn thành (thử nghiệm)', legalBasis: 'Ví dụ: Quảng Ngãi 2018', effectiveFrom: '2018-01-01', bands: QUANG_NGAI_BANDS, lastInBlockMaxLevel: 'COMPLETED' },
  }, await homeAffairs())).defineLevelRule;
}

// ───────── heads and published blocks, through the other subgraphs' public API ─────────

export async function createPerson(fullName: string) {
  return ok(await viaGateway<{ createPerson: { id: string } }>('mutation($n: String!) { createPerson(fullName: $n) { id } }', { n: fullName }, await homeAffairs())).createPerson.id;
}

export async function appointHead(personId: string, organizationId: string, startDate: string, options: { acting?: boolean; title?: string } = {}) {
  return ok(await viaGateway<{ appointHead: { id: string } }>(
    'mutation($input: AppointHeadInput!) { appointHead(input: $input) { id } }',
    { input: { personId, organizationId, startDate, title: options.title ?? 'Giám đốc', acting: options.acting ?? false } },
    await homeAffairs(),
  )).appointHead.id;
}

/** A new person heading the organization from `startDate`; returns the person and the assignment. */
export async function newHead(organizationId: string, startDate: string, options: { acting?: boolean; name?: string } = {}) {
  const personId = await createPerson(options.name ?? `Người đứng đầu ${unique('P')}`);
  return { personId, assignmentId: await appointHead(personId, organizationId, startDate, options) };
}

/** The City Chairman: whoever heads the city committee today, appointed here if nobody does. */
export async function cityChairman() {
  const city = await cityCommittee();
  const head = ok(await viaGateway<{ organization: { head: { person: { id: string } } | null } }>(
    'query($id: ID!) { organization(id: $id) { head { person { id } } } }', { id: city.id },
  )).organization.head;
  const personId = head?.person.id ?? (await newHead(city.id, '2021-01-01', { name: 'Chủ tịch UBND thành phố' })).personId;
  return { personId, token: await token('CITY_CHAIR', { sub: personId, org: city.id }) };
}

/** A token of the person who heads `organizationId` (ORG_HEAD, or CITY_CHAIR for the city committee). */
export const headToken = (personId: string, organizationId: string) => token('ORG_HEAD', { sub: personId, org: organizationId });

const ONE_CRITERION = [{ code: 'A', name: 'Kết quả cải cách hành chính', maxPoints: 100, criteria: [{ code: 'A.1', name: 'Tổng hợp', maxPoints: 100 }] }];

/**
 * Runs a block through the reform-index workflow to publication: one 100-point criterion, so each unit's index
 * is exactly its score. `admin` and `publisher` are the block's (Home Affairs and the City Chairman for the
 * city's, the owner's head for its own).
 */
export async function publishBlock(options: { year: number; block: string; ownerId: string; admin: string; publisher: string; units: { id: string; index: number }[] }) {
  const { year, block, admin } = options;
  const set = ok(await viaGateway<{ defineCriteriaSet: { id: string } }>(
    'mutation($input: CriteriaSetInput!) { defineCriteriaSet(input: $input) { id } }',
    { input: { year, block, ownerId: options.ownerId, name: `Bộ chỉ số ${block}`, areas: ONE_CRITERION } }, admin,
  )).defineCriteriaSet;
  ok(await viaGateway('mutation($id: ID!) { activateCriteriaSet(id: $id) { id } }', { id: set.id }, admin));
  const opened = ok(await viaGateway<{ openAssessments: { id: string; version: number; organization: { id: string } }[] }>(
    'mutation($y: Int!, $b: String!, $ids: [ID!]!) { openAssessments(year: $y, block: $b, organizationIds: $ids) { id version organization { id } } }',
    { y: year, b: block, ids: options.units.map((u) => u.id) }, admin,
  )).openAssessments;
  const appraiser = await token('APPRAISER', { sub: 'appraiser' });
  for (const unit of options.units) {
    const a = opened.find((x) => x.organization.id === unit.id)!;
    // The unit's head today submits; a unit nobody heads gets an acting head from today (no past year changes).
    const unitHead = await unitHeadToken(unit.id, { actingFromToday: true });
    let v = ok(await viaGateway<{ saveSelfScores: { version: number } }>(
      'mutation($id: ID!, $v: Int!, $s: [SelfScoreInput!]!) { saveSelfScores(assessmentId: $id, expectedVersion: $v, scores: $s) { version } }',
      { id: a.id, v: a.version, s: [{ criterionCode: 'A.1', score: unit.index }] }, unitHead,
    )).saveSelfScores.version;
    v = ok(await viaGateway<{ submitSelfAssessment: { version: number } }>(
      'mutation($id: ID!, $v: Int!) { submitSelfAssessment(assessmentId: $id, expectedVersion: $v) { version } }', { id: a.id, v }, unitHead,
    )).submitSelfAssessment.version;
    v = ok(await viaGateway<{ recordAppraisal: { version: number } }>(
      'mutation($id: ID!, $v: Int!) { recordAppraisal(assessmentId: $id, expectedVersion: $v, scores: []) { version } }', { id: a.id, v }, appraiser,
    )).recordAppraisal.version;
    ok(await viaGateway('mutation($id: ID!, $v: Int!) { finalizeAppraisal(assessmentId: $id, expectedVersion: $v) { version } }', { id: a.id, v }, admin));
  }
  return ok(await viaGateway<{ publishIndex: { entries: { rank: number; indexValue: number; organization: { id: string } }[] } }>(
    'mutation($y: Int!, $b: String!, $d: String!) { publishIndex(year: $y, block: $b, decisionNumber: $d) { entries { rank indexValue organization { id } } } }',
    { y: year, b: block, d: `QĐ ${unique('')}/QĐ-UBND` }, options.publisher,
  )).publishIndex;
}

export const EVALUATION_FIELDS = `id year block status version indexValue rank rankOf monthsInOffice proposedLevel finalLevel dutiesFulfilled dutyNotes
  decisionComment mitigation { ground explanation evidence accepted } organization { id } evaluatorOrganization { id } headAssignment { id } rule { id }`;

export const M = {
  propose: `mutation($y: Int!, $b: String!) { proposeHeadEvaluations(year: $y, block: $b) { ${EVALUATION_FIELDS} } }`,
  duties: `mutation($id: ID!, $v: Int!, $f: Boolean!, $n: String) { recordDuties(evaluationId: $id, expectedVersion: $v, dutiesFulfilled: $f, notes: $n) { ${EVALUATION_FIELDS} } }`,
  mitigate: `mutation($id: ID!, $v: Int!, $input: MitigationInput!) { claimMitigation(evaluationId: $id, expectedVersion: $v, input: $input) { ${EVALUATION_FIELDS} } }`,
  submit: `mutation($id: ID!, $v: Int!) { submitHeadEvaluation(evaluationId: $id, expectedVersion: $v) { ${EVALUATION_FIELDS} } }`,
  decide: `mutation($id: ID!, $v: Int!, $approve: Boolean!, $accept: Boolean, $comment: String) {
    decideHeadEvaluation(evaluationId: $id, expectedVersion: $v, approve: $approve, acceptMitigation: $accept, comment: $comment) { ${EVALUATION_FIELDS} } }`,
  read: `query($id: ID!) { headEvaluation(id: $id) { ${EVALUATION_FIELDS} } }`,
};

export interface Evaluation {
  id: string; year: number; block: string; status: string; version: number; indexValue: number; rank: number | null; rankOf: number | null;
  monthsInOffice: number; proposedLevel: string; finalLevel: string | null; dutiesFulfilled: boolean | null; dutyNotes: string | null;
  decisionComment: string | null; mitigation: { ground: string; explanation: string; evidence: string[]; accepted: boolean | null } | null;
  organization: { id: string }; evaluatorOrganization: { id: string }; headAssignment: { id: string }; rule: { id: string };
}
