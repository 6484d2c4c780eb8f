import { beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, sql, tableCounts, unique, viaGateway } from '../../../test/support/client.js';
import haiphong from '../src/seed/haiphong-index.json' with { type: 'json' };
import { createOrg, defineActiveSet, driveToAppraised, M, openAssessments, scoresFor, tokens, type Org } from './support/reform.js';

const YEAR = 2025;
let city: Org;

beforeAll(async () => {
  city = await createOrg('CITY_COMMITTEE', 'Ủy ban nhân dân thành phố (thử nghiệm)');
});

async function appraisedBlock(block: string, values: number[]) {
  await defineActiveSet({ year: YEAR, block, ownerId: city.id });
  const orgs = await Promise.all(values.map((_, i) => createOrg('DEPARTMENT', `Sở thử nghiệm ${i + 1}`, { parentId: city.id })));
  const opened = await openAssessments(YEAR, block, orgs);
  await Promise.all(opened.map((a, i) => driveToAppraised(a, orgs[i]!, scoresFor(values[i]!))));
  ok(await viaGateway(M.survey, { year: YEAR, block, scores: orgs.map((o) => ({ organizationId: o.id, criterionCode: '3.1', score: 30 })) }, await tokens.homeAffairs()));
  return { orgs, opened };
}

describe('Hải Phòng 2025: the departments block replays the published ranking', () => {
  it('gives Thanh tra 1st with 94.71 … Sở Nội vụ 5th with 92.71 and Ban Quản lý khu kinh tế 14th with 88.99', async () => {
    const published = haiphong.published2025.DEPARTMENTS as [string, number, number][];
    // The eight departments the press did not list: distinct values strictly between 88.99 and 92.71.
    const unlisted = [92.5, 92.1, 91.7, 91.3, 90.9, 90.5, 90.1, 89.7];
    const block = unique('DEPARTMENTS');
    const values = [...published.map(([, , v]) => v), ...unlisted];
    const { orgs } = await appraisedBlock(block, values);
    const codeOf = new Map(orgs.map((o, i) => [o.id, i < published.length ? published[i]![0] : `unlisted-${i}`]));

    const ranking = ok(await viaGateway<{ publishIndex: { average: number; entries: { rank: number; indexValue: number; band: string; organization: { id: string } }[] } }>(
      M.publish, { year: YEAR, block, d: 'QĐ 45/QĐ-UBND' }, await tokens.chair())).publishIndex;
    const byCode = new Map(ranking.entries.map((e) => [codeOf.get(e.organization.id), e]));
    for (const [code, rank, value] of published) {
      expect({ code, rank: byCode.get(code)!.rank, value: byCode.get(code)!.indexValue }).toEqual({ code, rank, value });
    }
    expect(ranking.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    // mean of the 14 published values: (556.70 + 728.80) / 14 = 91.8214… → 91.82
    expect(ranking.average).toBe(91.82);
    expect(byCode.get('BQLKKT')!.band).toBe('B');

    // Public: anonymous callers read the ranking and each department's published index, with names from organizations.
    const pub = ok(await viaGateway<{ ranking: { entries: { rank: number; organization: { name: string; reformIndex: { indexValue: number; rank: number; rankOf: number } } }[] } }>(
      `query($year: Int!, $block: String!) { ranking(year: $year, block: $block) { entries { rank organization { name reformIndex(year: ${YEAR}) { indexValue rank rankOf } } } } }`,
      { year: YEAR, block }));
    expect(pub.ranking.entries[0]!.organization).toEqual({ name: 'Sở thử nghiệm 1', reformIndex: { indexValue: 94.71, rank: 1, rankOf: 14 } });
  });
});

describe('equal published values share a rank', () => {
  it('ranks 1, 2, 2, 4', async () => {
    const block = unique('TIES');
    await appraisedBlock(block, [90, 91.5, 90, 89.99]);
    const { publishIndex } = ok(await viaGateway<{ publishIndex: { entries: { rank: number; indexValue: number }[] } }>(M.publish, { year: YEAR, block, d: 'QĐ 1/QĐ-UBND' }, await tokens.chair()));
    expect(publishIndex.entries.map((e) => [e.rank, e.indexValue])).toEqual([[1, 91.5], [2, 90], [2, 90], [4, 89.99]]);
  });
});

describe('publication happens once, for a finished block, by its publisher', () => {
  it('refuses a block with an unfinished assessment or missing survey scores, writing nothing', async () => {
    const block = unique('UNFINISHED');
    await defineActiveSet({ year: YEAR, block, ownerId: city.id });
    const [done, pending] = await Promise.all([createOrg('DEPARTMENT', 'Sở xong', { parentId: city.id }), createOrg('DEPARTMENT', 'Sở chưa xong', { parentId: city.id })]);
    const [a] = await openAssessments(YEAR, block, [done, pending]);
    await driveToAppraised(a!, done, scoresFor(90));
    const before = await tableCounts('reform-index');
    expectError(await viaGateway(M.publish, { year: YEAR, block, d: 'QĐ 2' }, await tokens.chair()), 'CONFLICT');
    expect(await tableCounts('reform-index')).toEqual(before);
  });

  it('refuses publication without survey scores, and by anyone but the City Chairman for a city block', async () => {
    const block = unique('NOSURVEY');
    await defineActiveSet({ year: YEAR, block, ownerId: city.id });
    const org = await createOrg('DEPARTMENT', 'Sở chưa khảo sát', { parentId: city.id });
    const [a] = await openAssessments(YEAR, block, [org]);
    await driveToAppraised(a!, org, scoresFor(90));
    const before = await tableCounts('reform-index');
    expectError(await viaGateway(M.publish, { year: YEAR, block, d: 'QĐ 3' }, await tokens.chair()), 'CONFLICT');
    ok(await viaGateway(M.survey, { year: YEAR, block, scores: [{ organizationId: org.id, criterionCode: '3.1', score: 30 }] }, await tokens.homeAffairs()));
    const after = await tableCounts('reform-index');
    for (const t of [await tokens.homeAffairs(), await tokens.head(org), await tokens.appraiser()]) {
      expectError(await viaGateway(M.publish, { year: YEAR, block, d: 'QĐ 3' }, t), 'FORBIDDEN');
    }
    expectError(await viaGateway(M.publish, { year: YEAR, block, d: 'QĐ 3' }), 'UNAUTHENTICATED');
    expect(await tableCounts('reform-index')).toEqual(after);
    expect(after.assessment).toBe(before.assessment);
  });

  it('two concurrent publications of one block give one publication; a later one is refused', async () => {
    const block = unique('RACE');
    await appraisedBlock(block, [91, 92]);
    const chair = await tokens.chair();
    const results = await Promise.all([
      viaGateway(M.publish, { year: YEAR, block, d: 'QĐ 10' }, chair),
      viaGateway(M.publish, { year: YEAR, block, d: 'QĐ 11' }, chair),
    ]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expectError(results.find((r) => r.errors)!, 'CONFLICT');
    expect((await sql('reform-index', 'select count(*)::int as n from publication where block = $1', [block]))[0]!.n).toBe(1);
    const before = await tableCounts('reform-index');
    expectError(await viaGateway(M.publish, { year: YEAR, block, d: 'QĐ 12' }, chair), 'CONFLICT');
    expect(await tableCounts('reform-index')).toEqual(before);
  });

  it('a published assessment never changes', async () => {
    const block = unique('FROZEN');
    const { orgs, opened } = await appraisedBlock(block, [93]);
    ok(await viaGateway(M.publish, { year: YEAR, block, d: 'QĐ 20' }, await tokens.chair()));
    const before = await tableCounts('reform-index');
    const version = (await sql('reform-index', 'select version from assessment where id = $1', [opened[0]!.id]))[0]!.version as number;
    expectError(await viaGateway(M.appraise, { id: opened[0]!.id, v: version, scores: [] }, await tokens.appraiser()), 'CONFLICT');
    expectError(await viaGateway(M.survey, { year: YEAR, block, scores: [{ organizationId: orgs[0]!.id, criterionCode: '3.1', score: 31 }] }, await tokens.homeAffairs()), 'CONFLICT');
    expect(await tableCounts('reform-index')).toEqual(before);
  });
});
