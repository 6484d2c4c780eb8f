import { describe, expect, it } from 'vitest';
import { expectError, ok, tableCounts, unique, viaGateway } from '../../../test/support/client.js';
import { APPOINT_HEAD, END_HEAD, appointHead, createOrganization, createPerson, mutate, recordEvent } from './support.js';

const HEAD_ON = `query($id: ID!, $on: Date!) { organization(id: $id) { head(on: $on) { title acting startDate endDate person { fullName } } } }`;
const headOn = async (id: string, on: string) => ok(await viaGateway<any>(HEAD_ON, { id, on })).organization.head;

const department = () => createOrganization({ code: unique('S'), name: 'Sở Tư pháp', kind: 'DEPARTMENT', validFrom: '2008-04-01' });

describe('a new head closes the previous assignment the day before', () => {
  it('head(on:) answers before and after a reappointment, for anyone', async () => {
    const org = await department();
    const first = await createPerson('Lê Văn Thành');
    const second = await createPerson('Phạm Thị Ngọc Lan');
    const old = await appointHead({ personId: first.id, organizationId: org.id, title: 'Giám đốc Sở', startDate: '2019-03-01' });
    expect(old.endDate).toBeNull();
    await appointHead({ personId: second.id, organizationId: org.id, title: 'Giám đốc Sở', startDate: '2025-07-15' });

    expect(await headOn(org.id, '2025-07-14')).toEqual({ title: 'Giám đốc Sở', acting: false, startDate: '2019-03-01', endDate: '2025-07-14', person: { fullName: 'Lê Văn Thành' } });
    expect(await headOn(org.id, '2025-07-15')).toMatchObject({ startDate: '2025-07-15', endDate: null, person: { fullName: 'Phạm Thị Ngọc Lan' } });
    expect(await headOn(org.id, '2019-02-28')).toBeNull();
    const today = ok(await viaGateway<any>(`query($id: ID!) { organization(id: $id) { head { person { fullName } } headAssignments { startDate endDate } } }`, { id: org.id }));
    expect(today.organization).toEqual({
      head: { person: { fullName: 'Phạm Thị Ngọc Lan' } },
      headAssignments: [{ startDate: '2019-03-01', endDate: '2025-07-14' }, { startDate: '2025-07-15', endDate: null }],
    });
  });

  it('an acting head is marked, and the confirmed appointment follows without a gap', async () => {
    const org = await department();
    const person = await createPerson('Lã Thị Thanh Hương');
    await appointHead({ personId: person.id, organizationId: org.id, title: 'Phó Giám đốc phụ trách', startDate: '2025-04-01', acting: true });
    await appointHead({ personId: person.id, organizationId: org.id, title: 'Giám đốc Sở', startDate: '2025-10-01' });
    expect(await headOn(org.id, '2025-09-30')).toMatchObject({ acting: true, endDate: '2025-09-30' });
    expect(await headOn(org.id, '2025-10-01')).toMatchObject({ acting: false, title: 'Giám đốc Sở' });
    const mine = ok(await viaGateway<any>(`query($id: ID!) { person(id: $id) { fullName assignments { acting organization { id } } } }`, { id: person.id }));
    expect(mine.person.assignments).toEqual([{ acting: true, organization: { id: org.id } }, { acting: false, organization: { id: org.id } }]);
  });

  it('an assignment can be ended, and heads leave office when their organization closes', async () => {
    const org = await department();
    const person = await createPerson('Đỗ Minh Tuấn');
    const assignment = await appointHead({ personId: person.id, organizationId: org.id, title: 'Giám đốc Sở', startDate: '2020-05-01' });
    await recordEvent({ kind: 'DISSOLVE', effectiveDate: '2025-03-01', legalBasis: 'QĐ', predecessorIds: [org.id] });
    expect(await headOn(org.id, '2025-02-28')).toMatchObject({ endDate: '2025-02-28' });
    expect(await headOn(org.id, '2025-03-01')).toBeNull();

    const other = await department();
    const a = await appointHead({ personId: person.id, organizationId: other.id, title: 'Giám đốc Sở', startDate: '2021-01-01' });
    const ended = ok(await mutate(END_HEAD, { id: a.id, endDate: '2024-12-31' }));
    expect(ended.endHeadAssignment).toEqual({ id: a.id, startDate: '2021-01-01', endDate: '2024-12-31' });
    expect(await headOn(other.id, '2025-01-01')).toBeNull();
    expectError(await mutate(END_HEAD, { id: a.id, endDate: '2025-01-31' }), 'CONFLICT', 'id');
    expect(assignment.id).not.toBe(a.id);
  });
});

describe('one organization has one head on any day', () => {
  it('an overlapping or misplaced appointment is refused and writes nothing', async () => {
    const org = await department();
    const person = await createPerson('Vũ Quang Huy');
    const current = await appointHead({ personId: person.id, organizationId: org.id, title: 'Giám đốc Sở', startDate: '2022-01-01' });
    const before = await tableCounts('organizations');
    const input = { personId: person.id, organizationId: org.id, title: 'Giám đốc Sở' };
    expectError(await mutate(APPOINT_HEAD, { input: { ...input, startDate: '2021-06-01' } }), 'BAD_USER_INPUT', 'input.startDate');
    expectError(await mutate(APPOINT_HEAD, { input: { ...input, startDate: '2022-01-01' } }), 'BAD_USER_INPUT', 'input.startDate');
    expectError(await mutate(APPOINT_HEAD, { input: { ...input, startDate: '2000-01-01' } }), 'BAD_USER_INPUT', 'input.startDate');
    expectError(await mutate(APPOINT_HEAD, { input: { ...input, personId: '00000000-0000-4000-8000-000000000000', startDate: '2024-01-01' } }), 'BAD_USER_INPUT', 'input.personId');
    expectError(await mutate(APPOINT_HEAD, { input: { ...input, organizationId: '00000000-0000-4000-8000-000000000000', startDate: '2024-01-01' } }), 'BAD_USER_INPUT', 'input.organizationId');
    expectError(await mutate(APPOINT_HEAD, { input: { ...input, startDate: '2024-02-30' } }), 'BAD_USER_INPUT', 'input.startDate');
    expectError(await mutate(END_HEAD, { id: current.id, endDate: '2021-12-31' }), 'BAD_USER_INPUT', 'endDate');
    expect(await tableCounts('organizations')).toEqual(before);
    expect(await headOn(org.id, '2023-01-01')).toMatchObject({ startDate: '2022-01-01', endDate: null });
  });
});
