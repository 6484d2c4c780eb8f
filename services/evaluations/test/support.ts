import { ok, token, unique, viaGateway } from '../../../test/support/client.js';

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
