import { beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, sql, tableCounts, unique, viaGateway } from '../../../test/support/client.js';
import { cityAndChairman } from '../../../test/support/heads.js';
import { BANDS, createOrg, standardAreas, tokens, type Org } from './support/reform.js';

const DEFINE = `mutation($input: CriteriaSetInput!) { defineCriteriaSet(input: $input) { id year block status maxPoints name owner { id } } }`;
const ACTIVATE = `mutation($id: ID!) { activateCriteriaSet(id: $id) { id status version } }`;
const READ = `query($year: Int!, $block: String!) { criteriaSet(year: $year, block: $block) {
  block status maxPoints owner { id code } bands { label minIndex }
  areas { code maxPoints criteria { code maxPoints method mayNotApply notApplicablePolicy evidenceRequired children { code maxPoints children { code } } } } } }`;

let city: Org;
beforeAll(async () => {
  city = await createOrg('CITY_COMMITTEE', 'Ủy ban nhân dân thành phố (thử nghiệm bộ chỉ số)');
});

const input = (over: Record<string, unknown> = {}) => ({ year: 2024, block: unique('DEPARTMENTS'), ownerId: city.id, name: 'Bộ chỉ số CCHC các sở', legalBasis: 'QĐ 876/QĐ-BNV', areas: standardAreas(), bands: BANDS, ...over });

describe('a criteria set: areas → criteria → sub-criteria, 100 points', () => {
  it('is defined by Home Affairs for a city block, read back as a tree, and listed with its year', async () => {
    const block = unique('DEPARTMENTS');
    const { defineCriteriaSet } = ok(await viaGateway<{ defineCriteriaSet: { id: string; status: string; maxPoints: number; owner: { id: string } } }>(DEFINE, { input: input({ block }) }, await tokens.homeAffairs()));
    expect(defineCriteriaSet).toMatchObject({ status: 'DRAFT', maxPoints: 100, owner: { id: city.id } });
    const { criteriaSet } = ok(await viaGateway<{ criteriaSet: any }>(READ, { year: 2024, block }, await tokens.homeAffairs()));
    expect(criteriaSet.owner.code).toBe(city.code);
    expect(criteriaSet.bands).toEqual(BANDS);
    expect(criteriaSet.areas.map((a: { code: string; maxPoints: number }) => [a.code, a.maxPoints])).toEqual([['STEERING', 40], ['PROCEDURES', 28], ['IMPACT', 32]]);
    expect(criteriaSet.areas[0].criteria[0]).toMatchObject({ code: '1.1', maxPoints: 25, children: [{ code: '1.1.1', maxPoints: 15, children: [] }, { code: '1.1.2', maxPoints: 10, children: [] }] });
    expect(criteriaSet.areas[0].criteria[1]).toMatchObject({ code: '1.2', mayNotApply: true, notApplicablePolicy: 'EXCLUDE_FROM_MAX', method: 'SELF_ASSESSED' });
    expect(criteriaSet.areas[2].criteria[0].method).toBe('SURVEY');

    // A draft is the administrator's: the public does not see it until it is active.
    expect(ok(await viaGateway<{ criteriaSet: unknown }>(READ, { year: 2024, block })).criteriaSet).toBeNull();
    ok(await viaGateway(ACTIVATE, { id: defineCriteriaSet.id }, await tokens.homeAffairs()));
    expect(ok(await viaGateway<{ criteriaSet: { status: string } }>(READ, { year: 2024, block })).criteriaSet.status).toBe('ACTIVE');
    const { criteriaSets } = ok(await viaGateway<{ criteriaSets: { block: string }[] }>(`{ criteriaSets(year: 2024) { block } }`));
    expect(criteriaSets.map((s) => s.block)).toContain(block);
  });

  it('is frozen once active', async () => {
    const block = unique('FROZEN');
    const ha = await tokens.homeAffairs();
    const { defineCriteriaSet } = ok(await viaGateway<{ defineCriteriaSet: { id: string } }>(DEFINE, { input: input({ block }) }, ha));
    ok(await viaGateway(DEFINE, { input: input({ block, name: 'Bộ chỉ số sửa lần 2' }) }, ha)); // a draft may be redefined
    ok(await viaGateway(ACTIVATE, { id: defineCriteriaSet.id }, ha));
    const before = await tableCounts('reform-index');
    expectError(await viaGateway(DEFINE, { input: input({ block }) }, ha), 'CONFLICT');
    expectError(await viaGateway(ACTIVATE, { id: defineCriteriaSet.id }, ha), 'CONFLICT');
    expect(await tableCounts('reform-index')).toEqual(before);
  });

  it('belongs to the city committee when no owner is given', async () => {
    const { cityId } = await cityAndChairman();
    const { defineCriteriaSet } = ok(await viaGateway<{ defineCriteriaSet: { owner: { id: string } } }>(DEFINE, { input: input({ ownerId: undefined }) }, await tokens.homeAffairs()));
    expect(defineCriteriaSet.owner.id).toBe(cityId);
  });
});

describe('a criteria set that does not add up is refused, naming the field, and nothing is written', () => {
  const broken: [string, (areas: any[]) => void, string][] = [
    ['sub-criteria not adding up to their criterion', (a) => { a[0].criteria[0].children[1].maxPoints = 9; }, 'input.areas[0].criteria[0].children'],
    ['criteria not adding up to their area', (a) => { a[1].maxPoints = 27; a[2].maxPoints = 33; }, 'input.areas[1].criteria'],
    ['a total other than 100', (a) => { a[1].maxPoints = 27; a[1].criteria[0].maxPoints = 27; }, 'input.areas'],
    ['a duplicate code', (a) => { a[1].criteria[0].code = '1.1.2'; }, 'input.areas[1].criteria[0].code'],
    ['a survey item with sub-criteria', (a) => { a[0].criteria[0].method = 'SURVEY'; }, 'input.areas[0].criteria[0].method'],
    ['points with three decimals', (a) => { a[0].criteria[0].children[0].maxPoints = 14.995; a[0].criteria[0].children[1].maxPoints = 10.005; }, 'input.areas[0].criteria[0].children[0].maxPoints'],
  ];
  for (const [what, breakIt, field] of broken) {
    it(what, async () => {
      const areas = standardAreas();
      breakIt(areas);
      const before = await tableCounts('reform-index');
      expectError(await viaGateway(DEFINE, { input: input({ areas }) }, await tokens.homeAffairs()), 'BAD_USER_INPUT', field);
      expect(await tableCounts('reform-index')).toEqual(before);
    });
  }

  it('bands not descending', async () => {
    const before = await tableCounts('reform-index');
    expectError(await viaGateway(DEFINE, { input: input({ bands: [{ label: 'A', minIndex: 80 }, { label: 'B', minIndex: 90 }] }) }, await tokens.homeAffairs()), 'BAD_USER_INPUT', 'input.bands[1].minIndex');
    expect(await tableCounts('reform-index')).toEqual(before);
  });
});

describe("a block's administrator defines its criteria", () => {
  it('a department runs a block for its own units, coded with its own code and a slash', async () => {
    const dept = await createOrg('DEPARTMENT', 'Sở Y tế (thử nghiệm)', { parentId: city.id });
    const block = `${dept.code}/UNITS`;
    const before = await tableCounts('reform-index');
    expectError(await viaGateway(DEFINE, { input: input({ ownerId: dept.id, block }) }, await tokens.homeAffairs()), 'FORBIDDEN');
    expectError(await viaGateway(DEFINE, { input: input({ ownerId: dept.id, block }) }, await tokens.staff(dept)), 'FORBIDDEN');
    expectError(await viaGateway(DEFINE, { input: input({ ownerId: dept.id, block: 'UNITS' }) }, await tokens.head(dept)), 'BAD_USER_INPUT', 'input.block');
    expectError(await viaGateway(DEFINE, { input: input({ ownerId: dept.id, block: `OTHER/UNITS` }) }, await tokens.head(dept)), 'BAD_USER_INPUT', 'input.block');
    expect(await tableCounts('reform-index')).toEqual(before);
    const { defineCriteriaSet } = ok(await viaGateway<{ defineCriteriaSet: { owner: { id: string } } }>(DEFINE, { input: input({ ownerId: dept.id, block }) }, await tokens.head(dept)));
    expect(defineCriteriaSet.owner.id).toBe(dept.id);
    const [row] = await sql('reform-index', 'select owner_kind, owner_code from criteria_set where block = $1', [block]);
    expect(row).toEqual({ owner_kind: 'DEPARTMENT', owner_code: dept.code });
  });

  it('a city block is refused to an organization head, and to an unknown owner', async () => {
    const dept = await createOrg('DEPARTMENT', 'Sở khác', { parentId: city.id });
    const before = await tableCounts('reform-index');
    expectError(await viaGateway(DEFINE, { input: input() }, await tokens.head(dept)), 'FORBIDDEN');
    expectError(await viaGateway(DEFINE, { input: input() }, await tokens.appraiser()), 'FORBIDDEN');
    expectError(await viaGateway(DEFINE, { input: input() }), 'UNAUTHENTICATED');
    expectError(await viaGateway(DEFINE, { input: input({ ownerId: '00000000-0000-4000-8000-000000000000' }) }, await tokens.homeAffairs()), 'BAD_USER_INPUT', 'input.ownerId');
    expect(await tableCounts('reform-index')).toEqual(before);
  });
});
