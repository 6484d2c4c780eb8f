import { describe, expect, it } from 'vitest';
import { expectError, ok, sql, tableCounts, token, viaGateway, direct } from '../../../../test/support/client.js';
import { DEFINE_RULE, QUANG_NGAI_BANDS, UPDATE_RULE, cityChairman, cityCommittee, cityRule, createOrganization, headToken, homeAffairs, newHead } from '../support.js';

type Rule = { id: string; effectiveFrom: string; effectiveTo: string | null; version: number; owner: { id: string }; bands: { level: string; minIndex: number }[]; mitigationCeiling: string; minMonthsInOffice: number; excellentRequiresAllDuties: boolean };

/** A department that runs its own rules, and the token of the person heading it. */
async function departmentWithHead() {
  const department = await createOrganization('DEPARTMENT');
  return { department, head: await headToken((await newHead(department.id, '2020-01-01')).personId, department.id) };
}

const ruleInput = (ownerId: string, effectiveFrom: string, extra: Record<string, unknown> = {}) => ({
  ownerId, name: `Quy định ${effectiveFrom}`, effectiveFrom, bands: QUANG_NGAI_BANDS, ...extra,
});

describe("the city's level rules are Home Affairs'", () => {
  it('defaults the owner to the city committee and keeps the contract defaults', async () => {
    const city = await cityCommittee();
    const rule = await cityRule();
    const rules = ok(await viaGateway<{ levelRules: Rule[] }>('query($o: ID) { levelRules(ownerId: $o) { id owner { id } mitigationCeiling minMonthsInOffice excellentRequiresAllDuties } }', { o: city.id })).levelRules;
    expect(rules.find((r) => r.id === rule.id)).toMatchObject({ owner: { id: city.id }, mitigationCeiling: 'COMPLETED', minMonthsInOffice: 6, excellentRequiresAllDuties: true });
  });

  it('anyone else is refused, and nothing is written', async () => {
    await cityRule();
    const before = await tableCounts('evaluations');
    const chair = (await cityChairman()).token; // the City Chairman decides evaluations; the city's rules are Home Affairs'
    expectError(await viaGateway(DEFINE_RULE, { input: { name: 'X', effectiveFrom: '2040-01-01', bands: QUANG_NGAI_BANDS } }, chair), 'FORBIDDEN');
    expectError(await viaGateway(DEFINE_RULE, { input: { name: 'X', effectiveFrom: '2040-01-01', bands: QUANG_NGAI_BANDS } }), 'UNAUTHENTICATED');
    expect(await tableCounts('evaluations')).toEqual(before);
  });

  it('levels rules are public, so a published level can be explained', async () => {
    await cityRule();
    const rules = ok(await viaGateway<{ levelRules: Rule[] }>('{ levelRules { id bands { level minIndex } } }')).levelRules;
    expect(rules.length).toBeGreaterThan(0);
  });
});

describe("a department's or district's own rules are its head's", () => {
  it('its head defines them; the head of another organization and Home Affairs are refused', async () => {
    const { department, head } = await departmentWithHead();
    const other = await departmentWithHead();
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(DEFINE_RULE, { input: ruleInput(department.id, '2020-01-01') }, other.head), 'FORBIDDEN');
    expectError(await viaGateway(DEFINE_RULE, { input: ruleInput(department.id, '2020-01-01') }, await homeAffairs()), 'FORBIDDEN');
    expect(await tableCounts('evaluations')).toEqual(before);
    const rule = ok(await viaGateway<{ defineLevelRule: Rule }>(DEFINE_RULE, { input: ruleInput(department.id, '2020-01-01', { minMonthsInOffice: 9 }) }, head)).defineLevelRule;
    expect(rule).toMatchObject({ owner: { id: department.id }, effectiveFrom: '2020-01-01', effectiveTo: null, minMonthsInOffice: 9, version: 1 });
    expect(rule.bands).toEqual(QUANG_NGAI_BANDS);
    const audit = await sql('evaluations', 'select action, entity_type from audit_record where entity_id = $1', [rule.id]);
    expect(audit).toEqual([{ action: 'defineLevelRule', entity_type: 'LevelRule' }]);
  });

  it('an owner that is not in the directory is bad input', async () => {
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(DEFINE_RULE, { input: ruleInput('00000000-0000-4000-8000-000000000000', '2020-01-01') }, await homeAffairs()), 'BAD_USER_INPUT', 'input.ownerId');
    expect(await tableCounts('evaluations')).toEqual(before);
  });
});

describe('bands are validated', () => {
  it('refuses repeated levels, bounds that do not descend, bounds outside 0–100, and more than 2 decimals', async () => {
    const { department, head } = await departmentWithHead();
    const before = await tableCounts('evaluations');
    const cases: [unknown[], string][] = [
      [[{ level: 'GOOD', minIndex: 80 }, { level: 'GOOD', minIndex: 70 }], 'input.bands[1].level'],
      [[{ level: 'EXCELLENT', minIndex: 70 }, { level: 'GOOD', minIndex: 80 }], 'input.bands[1].minIndex'],
      [[{ level: 'EXCELLENT', minIndex: 101 }], 'input.bands[0].minIndex'],
      [[{ level: 'EXCELLENT', minIndex: 80.005 }], 'input.bands[0].minIndex'],
      [[], 'input.bands'],
    ];
    for (const [bands, field] of cases) {
      expectError(await viaGateway(DEFINE_RULE, { input: ruleInput(department.id, '2020-01-01', { bands }) }, head), 'BAD_USER_INPUT', field);
    }
    expectError(await viaGateway(DEFINE_RULE, { input: ruleInput(department.id, '2020-01-01', { minMonthsInOffice: 13 }) }, head), 'BAD_USER_INPUT', 'input.minMonthsInOffice');
    expect(await tableCounts('evaluations')).toEqual(before);
  });
});

describe("one owner's rule periods never overlap", () => {
  it("a new rule closes the owner's open-ended rule the day before it starts", async () => {
    const { department, head } = await departmentWithHead();
    const first = ok(await viaGateway<{ defineLevelRule: Rule }>(DEFINE_RULE, { input: ruleInput(department.id, '2018-01-01') }, head)).defineLevelRule;
    const second = ok(await viaGateway<{ defineLevelRule: Rule }>(DEFINE_RULE, { input: ruleInput(department.id, '2023-07-01') }, head)).defineLevelRule;
    expect(second).toMatchObject({ effectiveFrom: '2023-07-01', effectiveTo: null });
    const rules = ok(await viaGateway<{ levelRules: Rule[] }>('query($o: ID) { levelRules(ownerId: $o) { id effectiveFrom effectiveTo version } }', { o: department.id })).levelRules;
    expect(rules).toEqual([
      { id: first.id, effectiveFrom: '2018-01-01', effectiveTo: '2023-06-30', version: 2 },
      { id: second.id, effectiveFrom: '2023-07-01', effectiveTo: null, version: 1 },
    ]);
  });

  it('an overlapping period is bad input and changes nothing', async () => {
    const { department, head } = await departmentWithHead();
    ok(await viaGateway(DEFINE_RULE, { input: ruleInput(department.id, '2018-01-01', { effectiveTo: '2021-12-31' }) }, head));
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(DEFINE_RULE, { input: ruleInput(department.id, '2021-01-01', { effectiveTo: '2022-12-31' }) }, head), 'BAD_USER_INPUT', 'input.effectiveFrom');
    expectError(await viaGateway(DEFINE_RULE, { input: ruleInput(department.id, '2019-01-01', { effectiveTo: '2018-12-31' }) }, head), 'BAD_USER_INPUT', 'input.effectiveTo');
    expect(await tableCounts('evaluations')).toEqual(before);
  });
});

describe('updateLevelRule', () => {
  it('by the same authority, with the version the writer read', async () => {
    const { department, head } = await departmentWithHead();
    const other = await departmentWithHead();
    const rule = ok(await viaGateway<{ defineLevelRule: Rule }>(DEFINE_RULE, { input: ruleInput(department.id, '2019-01-01') }, head)).defineLevelRule;
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(UPDATE_RULE, { id: rule.id, v: 1, input: ruleInput(department.id, '2019-01-01') }, other.head), 'FORBIDDEN');
    expectError(await viaGateway(UPDATE_RULE, { id: rule.id, v: 7, input: ruleInput(department.id, '2019-01-01') }, head), 'CONFLICT');
    expectError(await viaGateway(UPDATE_RULE, { id: rule.id, v: 1, input: ruleInput(other.department.id, '2019-01-01') }, head), 'BAD_USER_INPUT', 'input.ownerId');
    expect(await tableCounts('evaluations')).toEqual(before);
    const updated = ok(await viaGateway<{ updateLevelRule: Rule }>(UPDATE_RULE, {
      id: rule.id, v: 1, input: ruleInput(department.id, '2019-01-01', { bands: [{ level: 'EXCELLENT', minIndex: 85 }, { level: 'GOOD', minIndex: 70 }], mitigationCeiling: 'NOT_COMPLETED' }),
    }, head)).updateLevelRule;
    expect(updated).toMatchObject({ version: 2, mitigationCeiling: 'NOT_COMPLETED', bands: [{ level: 'EXCELLENT', minIndex: 85 }, { level: 'GOOD', minIndex: 70 }] });
  });

  it('answers partners calling the subgraph directly the same way', async () => {
    const partner = await token('PARTNER', { scope: 'evaluations:read' });
    const rules = ok(await direct<{ levelRules: Rule[] }>('evaluations', '{ levelRules { id } }', {}, partner)).levelRules;
    expect(Array.isArray(rules)).toBe(true);
  });
});
