import { describe, expect, it } from 'vitest';
import { ok, unique, viaGateway } from '../../../test/support/client.js';
import { APPOINT_HEAD, UPDATE_ORGANIZATION, createOrganization, createPerson, mutate } from './support.js';

const codes = (responses: { errors?: { extensions?: { code?: string } }[] }[]) => responses.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();

/** docs/architecture.md: the loser of a race gets an error and the winner's data stays. */
describe('two writers at once', () => {
  it('two heads appointed from the same day: one is appointed, the other refused', async () => {
    const org = await createOrganization({ code: unique('S'), name: 'Sở Xây dựng', kind: 'DEPARTMENT', validFrom: '2008-04-01' });
    const [a, b] = await Promise.all([createPerson('Phan Thanh Sơn'), createPerson('Dương Văn Long')]);
    const appoint = (personId: string) => mutate(APPOINT_HEAD, { input: { personId, organizationId: org.id, title: 'Giám đốc Sở', startDate: '2025-03-01' } });
    const responses = await Promise.all([appoint(a!.id), appoint(b!.id)]);
    expect(codes(responses)).toEqual(['BAD_USER_INPUT', 'OK']);
    const heads = ok(await viaGateway<any>(`query($id: ID!) { organization(id: $id) { headAssignments { startDate endDate } } }`, { id: org.id }));
    expect(heads.organization.headAssignments).toEqual([{ startDate: '2025-03-01', endDate: null }]);
  });

  it('two updates from the same version: one wins, the other gets CONFLICT', async () => {
    const org = await createOrganization({ code: unique('S'), name: 'Sở Y tế', kind: 'DEPARTMENT', validFrom: '2008-04-01' });
    const update = (name: string) => mutate(UPDATE_ORGANIZATION, { id: org.id, expectedVersion: org.version, input: { name } });
    const responses = await Promise.all([update('Sở Y tế A'), update('Sở Y tế B')]);
    expect(codes(responses)).toEqual(['CONFLICT', 'OK']);
    const winner = responses.find((r) => !r.errors)!.data!.updateOrganization.name;
    const stored = ok(await viaGateway<any>(`query($id: ID!) { organization(id: $id) { name version } }`, { id: org.id }));
    expect(stored.organization).toEqual({ name: winner, version: org.version + 1 });
  });
});
