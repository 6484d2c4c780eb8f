import { describe, expect, it } from 'vitest';
import { ok, unique, viaGateway } from '../../../test/support/client.js';
import data from '../src/seed/haiphong.json' with { type: 'json' };
import { createOrganization, recordEvent } from './support.js';

const seeded = (code: string) => (data.organizations as { code: string; name: string; validFrom: string }[]).find((o) => o.code === code)!;

/**
 * NQ 1669/NQ-UBTVQH15: on 1 July 2025 the district level is abolished and new wards are established. A name is not
 * an identity: quận Hồng Bàng and phường Hồng Bàng are two organizations, each valid for its own period.
 */
describe('the 2025 reorganization keeps history where it happened', () => {
  it('on 2024-06-01 quận Hồng Bàng is active and phường Hồng Bàng is not; on 2025-08-01 the opposite', async () => {
    const city = await createOrganization({ code: unique('HP'), name: data.city.name, kind: 'CITY_COMMITTEE', validFrom: data.city.validFrom });
    const district = await createOrganization({ code: unique('303'), name: seeded('303').name, kind: 'DISTRICT_COMMITTEE', validFrom: seeded('303').validFrom, parentId: city.id });

    const dissolution = await recordEvent({
      kind: 'DISSOLVE', effectiveDate: '2025-07-01', legalBasis: 'NQ 202/2025/QH15; NQ 1669/NQ-UBTVQH15', predecessorIds: [district.id],
      note: 'District level abolished',
    });
    expect(dissolution.predecessors).toEqual([{ id: district.id, code: district.code, validTo: '2025-06-30' }]);
    const ward = seeded('P-HONGBANG');
    const establishment = await recordEvent({
      kind: 'ESTABLISH', effectiveDate: '2025-07-01', legalBasis: 'NQ 1669/NQ-UBTVQH15', predecessorIds: [],
      successors: [{ code: unique('P-HONGBANG'), name: ward.name, kind: 'COMMUNE_COMMITTEE', parentId: city.id, validFrom: '2025-07-01' }],
    });
    const wardId = establishment.successors[0]!.id;

    const ACTIVE = `query($parentId: ID!, $day: Date!) {
      organizations(filter: { parentId: $parentId, activeOn: $day }) { totalCount edges { node { id name } } }
      organization(id: $parentId) { children(activeOn: $day) { id } }
    }`;
    // Public: anonymous callers read the directory through the gateway.
    const before = ok(await viaGateway<any>(ACTIVE, { parentId: city.id, day: '2024-06-01' }));
    expect(before.organizations.edges.map((e: any) => e.node)).toEqual([{ id: district.id, name: 'Ủy ban nhân dân quận Hồng Bàng' }]);
    expect(before.organization.children).toEqual([{ id: district.id }]);

    const after = ok(await viaGateway<any>(ACTIVE, { parentId: city.id, day: '2025-08-01' }));
    expect(after.organizations.edges.map((e: any) => e.node)).toEqual([{ id: wardId, name: 'Ủy ban nhân dân phường Hồng Bàng' }]);
    expect(after.organization.children).toEqual([{ id: wardId }]);

    const lastDay = ok(await viaGateway<any>(ACTIVE, { parentId: city.id, day: '2025-06-30' }));
    expect(lastDay.organizations.edges.map((e: any) => e.node.id)).toEqual([district.id]);

    const story = ok(await viaGateway<any>(`query($id: ID!) { organization(id: $id) { validFrom validTo successors { id } history { kind effectiveDate legalBasis note } } }`, { id: district.id }));
    expect(story.organization).toEqual({
      validFrom: seeded('303').validFrom, validTo: '2025-06-30', successors: [],
      history: [{ kind: 'DISSOLVE', effectiveDate: '2025-07-01', legalBasis: 'NQ 202/2025/QH15; NQ 1669/NQ-UBTVQH15', note: 'District level abolished' }],
    });
  });

  it('a reclassification closes the huyện and opens the thành phố the next day, linked both ways', async () => {
    const city = await createOrganization({ code: unique('HP'), name: 'Ủy ban nhân dân thành phố Hải Phòng', kind: 'CITY_COMMITTEE', validFrom: '1955-05-13' });
    const huyen = await createOrganization({ code: unique('311-H'), name: 'Ủy ban nhân dân huyện Thủy Nguyên', kind: 'DISTRICT_COMMITTEE', validFrom: '1961-01-01', parentId: city.id });
    const event = await recordEvent({
      kind: 'RECLASSIFY', effectiveDate: '2025-01-01', legalBasis: 'NQ 1232/NQ-UBTVQH15', predecessorIds: [huyen.id],
      successors: [{ code: unique('311'), name: 'Ủy ban nhân dân thành phố Thủy Nguyên', kind: 'DISTRICT_COMMITTEE', parentId: city.id, validFrom: '2025-01-01' }],
    });
    const successor = event.successors[0]!;
    const links = ok(await viaGateway<any>(`query($a: ID!, $b: ID!) {
      a: organization(id: $a) { validTo successors { id } predecessors { id } }
      b: organization(id: $b) { validFrom validTo predecessors { id } successors { id } history { kind } }
    }`, { a: huyen.id, b: successor.id }));
    expect(links.a).toEqual({ validTo: '2024-12-31', successors: [{ id: successor.id }], predecessors: [] });
    expect(links.b).toEqual({ validFrom: '2025-01-01', validTo: null, predecessors: [{ id: huyen.id }], successors: [], history: [{ kind: 'RECLASSIFY' }] });
  });
});
