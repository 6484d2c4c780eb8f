import { describe, expect, it } from 'vitest';
import { expectError, ok, tableCounts, unique, viaGateway } from '../../../test/support/client.js';
import { CREATE_ORGANIZATION, UPDATE_ORGANIZATION, createOrganization, mutate } from './support.js';

const LIST = `query($filter: OrganizationFilter, $first: Int, $after: String) {
  organizations(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id code name } } }
}`;
type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: { id: string; code: string; name: string } }[] };
const list = async (variables: Record<string, unknown>) => ok(await viaGateway<{ organizations: Page }>(LIST, variables)).organizations;

describe('search ignores case and Vietnamese diacritics', () => {
  it('"hong bang" finds "Hồng Bàng", "d" finds "đ", and codes match too', async () => {
    const tag = unique('Q').toLowerCase().replace(/[^a-z0-9]/g, '');
    const ward = await createOrganization({ code: unique('P-HB'), name: `Ủy ban nhân dân phường Hồng Bàng ${tag}`, kind: 'COMMUNE_COMMITTEE', validFrom: '2025-07-01' });
    const doSon = await createOrganization({ code: unique('DS'), name: `Ủy ban nhân dân quận Đồ Sơn ${tag}`, kind: 'DISTRICT_COMMITTEE', validFrom: '2007-09-12' });
    const ids = async (search: string) => (await list({ filter: { search }, first: 500 })).edges.map((e) => e.node.id);

    expect(await ids(`hong bang ${tag}`)).toEqual([ward.id]);
    expect(await ids(`HỒNG BÀNG ${tag.toUpperCase()}`)).toEqual([ward.id]);
    expect(await ids(`do son ${tag}`)).toEqual([doSon.id]);
    expect(await ids(`quan d`)).toContain(doSon.id);
    expect((await ids(tag)).sort()).toEqual([ward.id, doSon.id].sort());
    expect(await ids(ward.code.toLowerCase())).toEqual([ward.id]);
    expect(await ids(`${tag} hong`)).toEqual([ward.id]);
    expect(await ids(`hong bang ${tag}%`)).toEqual([]);
  });
});

describe('the directory is paged in a stable order', () => {
  it('returns every row exactly once across pages, with the total', async () => {
    const parent = await createOrganization({ code: unique('HP'), name: 'Thành phố', kind: 'CITY_COMMITTEE', validFrom: '1955-05-13' });
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      created.push((await createOrganization({ code: unique(`U${i % 3}`), name: `Đơn vị ${i}`, kind: i % 2 ? 'DEPARTMENT' : 'CITY_AGENCY', validFrom: '2010-01-01', parentId: parent.id })).id);
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list({ filter: { parentId: parent.id }, first: 3, after });
      expect(page.totalCount).toBe(7);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created));

    const departments = await list({ filter: { parentId: parent.id, kinds: ['DEPARTMENT'] }, first: 10 });
    expect(departments.totalCount).toBe(3);
    const codes = departments.edges.map((e) => e.node.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('refuses a page over 500, a cursor it did not give out, and a malformed day', async () => {
    expectError(await viaGateway(LIST, { first: 501 }), 'BAD_USER_INPUT', 'first');
    expectError(await viaGateway(LIST, { first: 5, after: 'bm90LWEtY3Vyc29y' }), 'BAD_USER_INPUT', 'after');
    expectError(await viaGateway(LIST, { filter: { activeOn: '2025-13-01' } }), 'BAD_USER_INPUT', 'activeOn');
  });
});

describe('an organization record changes only with the version the writer read', () => {
  it('updates name, advisory areas and parent; a stale expectedVersion is a CONFLICT that writes nothing', async () => {
    const hp = await createOrganization({ code: unique('HP'), name: 'Thành phố', kind: 'CITY_COMMITTEE', validFrom: '1955-05-13' });
    const org = await createOrganization({ code: unique('STP'), name: 'Sở Tư phap', kind: 'DEPARTMENT', validFrom: '2008-04-01' });
    const updated = ok(await mutate(UPDATE_ORGANIZATION, { id: org.id, expectedVersion: org.version, input: { name: 'Sở Tư pháp', advisesOn: ['INSTITUTIONS'], parentId: hp.id } }));
    expect(updated.updateOrganization).toEqual({ id: org.id, name: 'Sở Tư pháp', shortName: null, advisesOn: ['INSTITUTIONS'], version: org.version + 1, parent: { id: hp.id } });
    const found = ok(await viaGateway<any>(`query($s: String!) { organizations(filter: { search: $s }) { edges { node { id } } } }`, { s: `${org.code} tu phap` }));
    expect(found.organizations.edges).toEqual([{ node: { id: org.id } }]);

    const before = await tableCounts('organizations');
    expectError(await mutate(UPDATE_ORGANIZATION, { id: org.id, expectedVersion: org.version, input: { name: 'Sở Khác' } }), 'CONFLICT', 'expectedVersion');
    expectError(await mutate(UPDATE_ORGANIZATION, { id: hp.id, expectedVersion: hp.version, input: { parentId: org.id } }), 'BAD_USER_INPUT', 'input.parentId');
    expectError(await mutate(UPDATE_ORGANIZATION, { id: org.id, expectedVersion: org.version + 1, input: { parentId: '00000000-0000-4000-8000-000000000000' } }), 'BAD_USER_INPUT', 'input.parentId');
    expectError(await mutate(UPDATE_ORGANIZATION, { id: org.id, expectedVersion: org.version + 1, input: { name: ' ' } }), 'BAD_USER_INPUT', 'input.name');
    expectError(await mutate(UPDATE_ORGANIZATION, { id: org.id, expectedVersion: org.version + 1, input: { advisesOn: ['INSTITUTIONS', 'cải cách'] } }), 'BAD_USER_INPUT', 'input.advisesOn[1]');
    expect(await tableCounts('organizations')).toEqual(before);
    expect(ok(await viaGateway<any>(`query($id: ID!) { organization(id: $id) { name version } }`, { id: org.id })).organization).toEqual({ name: 'Sở Tư pháp', version: org.version + 1 });
  });

  it('creating refuses a duplicate code, an unknown parent and a malformed date, writing nothing', async () => {
    const org = await createOrganization({ code: unique('S'), name: 'Sở Y tế', kind: 'DEPARTMENT', validFrom: '2008-04-01' });
    const before = await tableCounts('organizations');
    expectError(await mutate(CREATE_ORGANIZATION, { input: { code: org.code, name: 'Sở Y tế 2', kind: 'DEPARTMENT', validFrom: '2008-04-01' } }), 'CONFLICT', 'input.code');
    expectError(await mutate(CREATE_ORGANIZATION, { input: { code: unique('S'), name: 'X', kind: 'DEPARTMENT', validFrom: '2008-04-01', parentId: '00000000-0000-4000-8000-000000000000' } }), 'BAD_USER_INPUT', 'input.parentId');
    expectError(await mutate(CREATE_ORGANIZATION, { input: { code: unique('S'), name: 'X', kind: 'DEPARTMENT', validFrom: '2008-4-1' } }), 'BAD_USER_INPUT', 'validFrom');
    expect(await tableCounts('organizations')).toEqual(before);
  });
});
