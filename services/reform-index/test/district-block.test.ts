import { describe, expect, it } from 'vitest';
import { expectError, ok, tableCounts, viaGateway } from '../../../test/support/client.js';
import { createOrg, driveToAppraised, M, scoresFor, standardAreas, BANDS, tokens } from './support/reform.js';

const YEAR = 2026;
const DEFINE = `mutation($input: CriteriaSetInput!) { defineCriteriaSet(input: $input) { id block owner { id } } }`;
const ACTIVATE = `mutation($id: ID!) { activateCriteriaSet(id: $id) { id status } }`;
const OPEN = `mutation($block: String!, $ids: [ID!]!) { openAssessments(year: ${YEAR}, block: $block, organizationIds: $ids) { id version } }`;

describe("a district runs a block for its own communes: its head administers and publishes it", () => {
  it('is administered and published by the district head, and refused to the head of another district', async () => {
    // The seeded districts closed on 2025-06-30; these are current ones.
    const city = await createOrg('CITY_COMMITTEE', 'Ủy ban nhân dân thành phố (thử nghiệm khối quận)');
    const [district, otherDistrict] = await Promise.all([
      createOrg('DISTRICT_COMMITTEE', 'Ủy ban nhân dân quận Thử Nghiệm', { parentId: city.id }),
      createOrg('DISTRICT_COMMITTEE', 'Ủy ban nhân dân quận Bên Cạnh', { parentId: city.id }),
    ]);
    const [c1, c2, foreign] = await Promise.all([
      createOrg('COMMUNE_COMMITTEE', 'Ủy ban nhân dân phường Một', { parentId: district.id }),
      createOrg('COMMUNE_COMMITTEE', 'Ủy ban nhân dân phường Hai', { parentId: district.id }),
      createOrg('COMMUNE_COMMITTEE', 'Ủy ban nhân dân phường Ngoài', { parentId: otherDistrict.id }),
    ]);
    const [head, otherHead, ha, chair] = await Promise.all([tokens.head(district), tokens.head(otherDistrict), tokens.homeAffairs(), tokens.chair()]);
    const block = `${district.code}/COMMUNES`;
    const input = { year: YEAR, block, ownerId: district.id, name: 'Bộ chỉ số CCHC cấp phường (QĐ 3552/QĐ-UBND)', areas: standardAreas(), bands: BANDS };

    const before = await tableCounts('reform-index');
    for (const t of [otherHead, ha, chair]) expectError(await viaGateway(DEFINE, { input }, t), 'FORBIDDEN');
    expect(await tableCounts('reform-index')).toEqual(before);
    const { defineCriteriaSet } = ok(await viaGateway<{ defineCriteriaSet: { id: string; owner: { id: string } } }>(DEFINE, { input }, head));
    expect(defineCriteriaSet.owner.id).toBe(district.id);
    expectError(await viaGateway(ACTIVATE, { id: defineCriteriaSet.id }, otherHead), 'FORBIDDEN');
    ok(await viaGateway(ACTIVATE, { id: defineCriteriaSet.id }, head));

    expectError(await viaGateway(OPEN, { block, ids: [c1.id, c2.id] }, otherHead), 'FORBIDDEN');
    expectError(await viaGateway(OPEN, { block, ids: [c1.id, foreign.id] }, head), 'BAD_USER_INPUT', 'organizationIds[1]');
    const [a1, a2] = ok(await viaGateway<{ openAssessments: { id: string; version: number }[] }>(OPEN, { block, ids: [c1.id, c2.id] }, head)).openAssessments;

    // The district head appraises and finalizes (as the block's administrator); the other district's head cannot.
    const s1 = await driveToAppraised(a1!, c1, scoresFor(93.5), [], head, head);
    await driveToAppraised(a2!, c2, scoresFor(88.25), [{ criterionCode: '2.1', score: 18 }], head, head);
    expect(s1.status).toBe('APPRAISED');
    const survey = { year: YEAR, block, scores: [{ organizationId: c1.id, criterionCode: '3.1', score: 30 }, { organizationId: c2.id, criterionCode: '3.1', score: 30 }] };
    for (const t of [otherHead, ha]) expectError(await viaGateway(M.survey, survey, t), 'FORBIDDEN');
    ok(await viaGateway(M.survey, survey, head));

    for (const t of [otherHead, chair, ha]) expectError(await viaGateway(M.publish, { year: YEAR, block, d: 'QĐ 7/QĐ-UBND quận' }, t), 'FORBIDDEN');
    const { publishIndex } = ok(await viaGateway<{ publishIndex: { block: string; average: number; entries: { rank: number; indexValue: number; organization: { id: string } }[] } }>(
      M.publish, { year: YEAR, block, d: 'QĐ 7/QĐ-UBND quận' }, head));
    // c2's procedures item was re-scored from 18.25 to 18: 88.00
    expect(publishIndex.entries).toEqual([{ rank: 1, indexValue: 93.5, band: 'A', organization: { id: c1.id } }, { rank: 2, indexValue: 88, band: 'B', organization: { id: c2.id } }]);
    expect(publishIndex.average).toBe(90.75);

    const { ranking } = ok(await viaGateway<{ ranking: { owner: { id: string; name: string } } }>(`query($b: String!) { ranking(year: ${YEAR}, block: $b) { owner { id name } } }`, { b: block }));
    expect(ranking.owner).toEqual({ id: district.id, name: 'Ủy ban nhân dân quận Thử Nghiệm' });
  });
});
