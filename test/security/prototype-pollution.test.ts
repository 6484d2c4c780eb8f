import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { direct, expectError, ok, sql, tableCounts, token, unique, viaGateway, type GraphQLResponse } from '../support/client.js';
import { buildWorld, chairToken, HOME_AFFAIRS_SUB, type World } from './fixture.js';

/**
 * Issue 10, item 2. A criteria set could contain a criterion coded `__proto__`; a self-score saved on it went
 * through `sheet[code] ??= {}` onto Object.prototype: every other assessment then showed the injected score,
 * evidence and note, and every later UPDATE of the process failed (`column "self" does not exist`), publishIndex
 * included. Codes now follow one rule (subgraph-kit/codes) and score sheets are Maps, also when read back from
 * documents stored before the rule existed.
 */

const DEFINE = 'mutation($input: CriteriaSetInput!) { defineCriteriaSet(input: $input) { id } }';
const ACTIVATE = 'mutation($id: ID!) { activateCriteriaSet(id: $id) { id } }';
const OPEN = 'mutation($y: Int!, $b: String!, $ids: [ID!]!) { openAssessments(year: $y, block: $b, organizationIds: $ids) { id version organization { id } } }';
const SAVE = 'mutation($id: ID!, $v: Int!, $s: [SelfScoreInput!]!) { saveSelfScores(assessmentId: $id, expectedVersion: $v, scores: $s) { id version } }';
const SUBMIT = 'mutation($id: ID!, $v: Int!) { submitSelfAssessment(assessmentId: $id, expectedVersion: $v) { version } }';
const APPRAISE = 'mutation($id: ID!, $v: Int!) { recordAppraisal(assessmentId: $id, expectedVersion: $v, scores: []) { version } }';
const FINALIZE = 'mutation($id: ID!, $v: Int!) { finalizeAppraisal(assessmentId: $id, expectedVersion: $v) { version } }';
const PUBLISH = 'mutation($y: Int!, $b: String!, $d: String!) { publishIndex(year: $y, block: $b, decisionNumber: $d) { entries { rank indexValue organization { id } } } }';
const SCORES = 'query($id: ID!) { assessment(id: $id) { version scores { criterionCode selfScore appraisedScore finalScore evidence selfNote appraisalNote explanationRequest explanation } } }';

interface Score { criterionCode: string; selfScore: number | null; appraisedScore: number | null; finalScore: number | null; evidence: string[]; selfNote: string | null; appraisalNote: string | null; explanationRequest: string | null; explanation: string | null }

const TWO_CRITERIA = [{ code: 'STEERING', name: 'Chỉ đạo, điều hành', maxPoints: 100, criteria: [
  { code: '1.1', name: 'Kế hoạch', maxPoints: 60 },
  { code: '1.2', name: 'Kiểm tra', maxPoints: 40 },
] }];

const homeAffairs = () => token('HOME_AFFAIRS', { sub: HOME_AFFAIRS_SUB });
const staffOf = (orgId: string) => token('ORG_STAFF', { sub: `pollution-staff-${orgId}`, org: orgId });
const headOf = (unit: World['x']) => token('ORG_HEAD', { sub: unit.headId, org: unit.id });

/** The one error of a refused call: BAD_USER_INPUT naming exactly `field`. */
function refused(response: GraphQLResponse, field: string) {
  const error = expectError(response, 'BAD_USER_INPUT');
  expect(error.extensions?.field, error.message).toBe(field);
  expect(response.data?.[Object.keys(response.data ?? {})[0] ?? ''] ?? null).toBeNull();
}

async function scoresOf(assessmentId: string): Promise<Map<string, Score>> {
  const { assessment } = ok(await viaGateway<{ assessment: { scores: Score[] } }>(SCORES, { id: assessmentId }, await homeAffairs()));
  return new Map(assessment.scores.map((s) => [s.criterionCode, s]));
}

const untouched = (s: Score | undefined) => ({ ...s, criterionCode: undefined });
const EMPTY = { criterionCode: undefined, selfScore: null, appraisedScore: null, finalScore: null, evidence: [], selfNote: null, appraisalNote: null, explanationRequest: null, explanation: null };

/** Scores, submits, appraises and finalizes through the gateway, as the unit, the council and Home Affairs do. */
async function toAppraised(a: { id: string; version: number }, unit: World['x'], scores: unknown[]) {
  let v = ok(await viaGateway<{ saveSelfScores: { version: number } }>(SAVE, { id: a.id, v: a.version, s: scores }, await staffOf(unit.id))).saveSelfScores.version;
  v = ok(await viaGateway<{ submitSelfAssessment: { version: number } }>(SUBMIT, { id: a.id, v }, await headOf(unit))).submitSelfAssessment.version;
  v = ok(await viaGateway<{ recordAppraisal: { version: number } }>(APPRAISE, { id: a.id, v }, await token('APPRAISER', { sub: 'pollution-appraiser' }))).recordAppraisal.version;
  return ok(await viaGateway<{ finalizeAppraisal: { version: number } }>(FINALIZE, { id: a.id, v }, await homeAffairs())).finalizeAppraisal.version;
}

/** A write in each subgraph, after the attack: a polluted Object.prototype made every UPDATE of the process fail. */
async function writesStillWork(w: World) {
  const ha = await homeAffairs();
  const org = ok(await viaGateway<{ createOrganization: { id: string; version: number } }>('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id version } }',
    { input: { code: unique('PP'), name: 'Đơn vị sau tấn công', kind: 'DEPARTMENT', parentId: w.cityId, validFrom: '2020-01-01' } }, ha)).createOrganization;
  ok(await viaGateway('mutation($id: ID!, $v: Int!) { updateOrganization(id: $id, expectedVersion: $v, input: { name: "Đơn vị sau tấn công (đổi tên)" }) { version } }', { id: org.id, v: org.version }, ha));
  const draft = ok(await viaGateway<{ defineCriteriaSet: { id: string } }>(DEFINE, { input: { year: 2021, block: unique('PPAFTER'), name: 'Bộ chỉ số sau tấn công', areas: TWO_CRITERIA } }, ha)).defineCriteriaSet;
  ok(await viaGateway(ACTIVATE, { id: draft.id }, ha));
  const [evaluation] = await sql<{ id: string; version: number }>('evaluations', 'select id, version from head_evaluation where id = $1', [w.evaluation.id]);
  ok(await viaGateway('mutation($id: ID!, $v: Int!) { recordDuties(evaluationId: $id, expectedVersion: $v, dutiesFulfilled: true, notes: "Sau tấn công") { version } }', { id: evaluation!.id, v: evaluation!.version }, ha));
}

describe('a criterion coded __proto__ cannot reach Object.prototype', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });

  it('a criteria set with __proto__, constructor or other unsafe codes is refused, naming the field, and nothing is written', async () => {
    const ha = await homeAffairs();
    const input = (over: Record<string, unknown>) => ({ year: 2023, block: unique('PPDEF'), name: 'Bộ chỉ số tấn công', areas: TWO_CRITERIA, ...over });
    const withCriterion = (at: number, code: string) => [{ ...TWO_CRITERIA[0]!, criteria: TWO_CRITERIA[0]!.criteria.map((c, i) => (i === at ? { ...c, code } : c)) }];
    const cases: [Record<string, unknown>, string][] = [
      [{ areas: withCriterion(1, '__proto__') }, 'input.areas[0].criteria[1].code'],
      [{ areas: withCriterion(0, 'constructor') }, 'input.areas[0].criteria[0].code'],
      [{ areas: withCriterion(1, 'prototype') }, 'input.areas[0].criteria[1].code'],
      [{ areas: withCriterion(1, 'toString') }, 'input.areas[0].criteria[1].code'],
      [{ areas: withCriterion(1, '_1.2') }, 'input.areas[0].criteria[1].code'],
      [{ areas: withCriterion(1, '1.'.repeat(17)) }, 'input.areas[0].criteria[1].code'],
      [{ areas: [{ ...TWO_CRITERIA[0]!, code: '__proto__' }] }, 'input.areas[0].code'],
      [{ areas: [{ ...TWO_CRITERIA[0]!, code: 'constructor' }] }, 'input.areas[0].code'],
      [{ areas: [{ ...TWO_CRITERIA[0]!, criteria: [{ code: '1.1', name: 'Kế hoạch', maxPoints: 100, children: [
        { code: '1.1.1', name: 'a', maxPoints: 50 }, { code: '__proto__', name: 'b', maxPoints: 50 },
      ] }] }] }, 'input.areas[0].criteria[0].children[1].code'],
      [{ block: '__proto__' }, 'input.block'],
      [{ block: 'HP/constructor' }, 'input.block'],
      [{ block: `${'B'.repeat(33)}` }, 'input.block'],
    ];
    const before = await tableCounts('reform-index');
    for (const [over, field] of cases) {
      refused(await viaGateway(DEFINE, { input: input(over) }, ha), field);
      refused(await direct('reform-index', DEFINE, { input: input(over) }, ha), field);
    }
    expect(await tableCounts('reform-index')).toEqual(before);
  });

  it('scores of two units on legitimate codes, with __proto__ and constructor attempts between them, leave every other assessment, publishIndex and later writes intact', async () => {
    const ha = await homeAffairs();
    const year = 2023;
    const block = unique('PPBLOCK');
    const set = ok(await viaGateway<{ defineCriteriaSet: { id: string } }>(DEFINE, { input: { year, block, name: 'Bộ chỉ số thử tấn công', areas: TWO_CRITERIA } }, ha)).defineCriteriaSet;
    ok(await viaGateway(ACTIVATE, { id: set.id }, ha));
    const opened = ok(await viaGateway<{ openAssessments: { id: string; version: number; organization: { id: string } }[] }>(OPEN, { y: year, b: block, ids: [w.x.id, w.y.id] }, ha)).openAssessments;
    const [ax, ay] = [w.x.id, w.y.id].map((id) => opened.find((a) => a.organization.id === id)!);

    // A bystander in another block of the same year: it must never show anything of the attack.
    const otherBlock = unique('PPOTHER');
    const other = ok(await viaGateway<{ defineCriteriaSet: { id: string } }>(DEFINE, { input: { year, block: otherBlock, name: 'Bộ chỉ số bên cạnh', areas: TWO_CRITERIA } }, ha)).defineCriteriaSet;
    ok(await viaGateway(ACTIVATE, { id: other.id }, ha));
    const bystanderOrg = ok(await viaGateway<{ createOrganization: { id: string } }>('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { code: unique('PPBY'), name: 'Sở bên cạnh', kind: 'DEPARTMENT', parentId: w.cityId, validFrom: '2020-01-01' } }, ha)).createOrganization;
    const [bystander] = ok(await viaGateway<{ openAssessments: { id: string }[] }>(OPEN, { y: year, b: otherBlock, ids: [bystanderOrg.id] }, ha)).openAssessments;

    const attack = (code: string) => [
      { criterionCode: '1.1', score: 10 },
      { criterionCode: code, score: 1, evidence: ['injected.pdf'], note: 'injected' },
    ];
    for (const code of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
      refused(await viaGateway(SAVE, { id: ax.id, v: ax.version, s: attack(code) }, await staffOf(w.x.id)), 'scores[1].criterionCode');
    }
    const [stored] = await sql<{ version: number; sheet: unknown }>('reform-index', 'select version, sheet from assessment where id = $1', [ax.id]);
    expect(stored).toEqual({ version: ax.version, sheet: {} });

    const vx = await toAppraised(ax, w.x, [
      { criterionCode: '1.1', score: 50, evidence: ['ke-hoach.pdf'], note: 'Đủ hồ sơ' }, { criterionCode: '1.2', score: 30.5 },
    ]);
    refused(await viaGateway(SAVE, { id: ay.id, v: ay.version, s: attack('__proto__') }, await staffOf(w.y.id)), 'scores[1].criterionCode');
    await toAppraised(ay, w.y, [{ criterionCode: '1.1', score: 40 }, { criterionCode: '1.2', score: 20 }]);

    // Each unit sees its own scores and nothing else; the bystander sees none.
    const x = await scoresOf(ax.id);
    expect(x.get('1.1')).toMatchObject({ selfScore: 50, evidence: ['ke-hoach.pdf'], selfNote: 'Đủ hồ sơ' });
    expect(untouched(x.get('1.2'))).toEqual({ ...EMPTY, selfScore: 30.5, finalScore: 30.5 });
    const y = await scoresOf(ay.id);
    expect([...y.keys()]).toEqual(['1.1', '1.2']);
    expect(untouched(y.get('1.1'))).toEqual({ ...EMPTY, selfScore: 40, finalScore: 40 });
    expect(untouched(y.get('1.2'))).toEqual({ ...EMPTY, selfScore: 20, finalScore: 20 });
    const b = await scoresOf(bystander!.id);
    for (const code of ['1.1', '1.2']) expect(untouched(b.get(code))).toEqual(EMPTY);

    // Publication updates every assessment of the block: the statement a polluted process could no longer run.
    const { publishIndex } = ok(await viaGateway<{ publishIndex: { entries: { rank: number; indexValue: number; organization: { id: string } }[] } }>(
      PUBLISH, { y: year, b: block, d: `QĐ ${unique('')}/QĐ-UBND` }, await chairToken(w)));
    expect(publishIndex.entries.map((e) => [e.organization.id, e.rank, e.indexValue])).toEqual([[w.x.id, 1, 80.5], [w.y.id, 2, 60]]);
    const audit = await sql<{ before: string; after: string }>('reform-index', `select before, after from audit_record where entity_id = $1 and action = 'publishIndex'`, [ax.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).not.toEqual(audit[0]!.after);
    expect(JSON.parse(audit[0]!.after).sheet).toEqual({ '1.1': { self: 5000, selfNotApplicable: false, evidence: ['ke-hoach.pdf'], selfNote: 'Đủ hồ sơ' }, '1.2': { self: 3050, selfNotApplicable: false } });
    expect(vx).toBeGreaterThan(ax.version);

    await writesStillWork(w);
  });

  it('documents stored before codes were checked (a __proto__ criterion, a sheet carrying "__proto__") are read, scored and published without reaching a prototype', async () => {
    const year = 2022;
    const block = unique('PPLEGACY');
    const leaf = (code: string, max: number) => ({ code, name: code, maxHundredths: max, method: 'SELF_ASSESSED', mayNotApply: false, notApplicablePolicy: 'EXCLUDE_FROM_MAX', evidenceRequired: false, children: [] });
    const tree = [{ code: 'STEERING', name: 'Chỉ đạo', maxHundredths: 100_00, criteria: [leaf('__proto__', 30_00), leaf('constructor', 30_00), leaf('1.1', 40_00)] }];
    const setId = randomUUID();
    await sql('reform-index', `insert into criteria_set (id, year, block, owner_id, owner_kind, owner_code, name, status, area_tree, band_list, max_hundredths, activated_at)
      values ($1, $2, $3, $4, 'CITY_COMMITTEE', 'HP', 'Bộ chỉ số lưu trước khi kiểm tra mã', 'ACTIVE', $5::jsonb, '[]', 10000, now())`, [setId, year, block, w.cityId, JSON.stringify(tree)]);
    const [ax, ay] = [randomUUID(), randomUUID()];
    // A sheet whose JSON holds "__proto__" keys, at the top and inside a record, as the old code stored them.
    const hostileSheet = '{"__proto__": {"self": 3000, "evidence": ["injected.pdf"], "selfNote": "injected"}, "constructor": {"self": 3000}, "1.1": {"self": 1000, "__proto__": {"appraised": 1}}}';
    await sql('reform-index', `insert into assessment (id, organization_id, year, block, criteria_set_id, status, sheet) values
      ($1, $3, $5, $6, $7, 'DRAFT', $8::jsonb), ($2, $4, $5, $6, $7, 'DRAFT', '{}')`, [ax, ay, w.x.id, w.y.id, year, block, setId, hostileSheet]);

    // X's own stored entries are its own; the "__proto__" inside a record is dropped, not applied.
    const x = await scoresOf(ax);
    expect(x.get('__proto__')).toMatchObject({ selfScore: 30, evidence: ['injected.pdf'], selfNote: 'injected' });
    expect(x.get('1.1')).toMatchObject({ selfScore: 10, appraisedScore: null, finalScore: 10 });

    // Scoring the stored criteria named like prototypes is refused; legitimate codes are saved around them.
    refused(await viaGateway(SAVE, { id: ay, v: 1, s: [{ criterionCode: '__proto__', score: 30, evidence: ['injected.pdf'] }] }, await staffOf(w.y.id)), 'scores[0].criterionCode');
    ok(await viaGateway(SAVE, { id: ax, v: 1, s: [{ criterionCode: '1.1', score: 35 }] }, await staffOf(w.x.id)));
    ok(await viaGateway(SAVE, { id: ay, v: 1, s: [{ criterionCode: '1.1', score: 20 }] }, await staffOf(w.y.id)));
    const [stored] = await sql<{ sheet: Record<string, unknown> }>('reform-index', 'select sheet from assessment where id = $1', [ax]);
    expect(Object.getOwnPropertyDescriptor(stored!.sheet, '__proto__')?.value).toEqual({ self: 3000, evidence: ['injected.pdf'], selfNote: 'injected' });
    expect(stored!.sheet['1.1']).toEqual({ self: 3500, selfNotApplicable: false });

    const y = await scoresOf(ay);
    expect(untouched(y.get('__proto__'))).toEqual(EMPTY);
    expect(untouched(y.get('constructor'))).toEqual(EMPTY);
    expect(untouched(y.get('1.1'))).toEqual({ ...EMPTY, selfScore: 20, finalScore: 20 });

    // The workflow to appraisal is tested elsewhere; publication computes both indexes from the stored sheets.
    await sql('reform-index', `update assessment set status = 'APPRAISED' where id = any($1::uuid[])`, [[ax, ay]]);
    const { publishIndex } = ok(await viaGateway<{ publishIndex: { entries: { rank: number; indexValue: number; organization: { id: string } }[] } }>(
      PUBLISH, { y: year, b: block, d: `QĐ ${unique('')}/QĐ-UBND` }, await chairToken(w)));
    expect(publishIndex.entries.map((e) => [e.organization.id, e.rank, e.indexValue])).toEqual([[w.x.id, 1, 95], [w.y.id, 2, 20]]);

    await writesStillWork(w);
  });

  it('an obstacle report and a head-evaluation proposal take area and block codes by the same rule', async () => {
    const staff = await staffOf(w.x.id);
    const before = await tableCounts('evaluations');
    refused(await viaGateway('mutation($input: ObstacleInput!) { reportObstacle(input: $input) { id } }',
      { input: { year: 2023, organizationId: w.x.id, areaCode: '__proto__', description: 'Mã lĩnh vực tấn công' } }, staff), 'input.areaCode');
    refused(await viaGateway('mutation($y: Int!, $b: String!) { proposeHeadEvaluations(year: $y, block: $b) { id } }', { y: w.year, b: 'HP/__proto__' }, await homeAffairs()), 'block');
    refused(await viaGateway('query($y: Int!, $a: String!) { areaMonitoring(year: $y, areaCode: $a) { assessmentId } }', { y: w.year, a: 'constructor' }, await homeAffairs()), 'areaCode');
    expect(await tableCounts('evaluations')).toEqual(before);
  });
});
