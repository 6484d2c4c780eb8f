import { describe, expect, it } from 'vitest';
import { direct, expectError, ok, sql, token, unique, viaGateway } from '../../../test/support/client.js';
import { chairToken } from '../../../test/support/heads.js';
import { APPOINT_HEAD, CREATE_ORGANIZATION, CREATE_PERSON, END_HEAD, RECORD_EVENT, UPDATE_ORGANIZATION, appointHead, createOrganization, createPerson } from './support.js';

/** docs/architecture.md: the registry is kept by Home Affairs; the directory, its history and its heads are public. */
describe('every mutation is HOME_AFFAIRS only', () => {
  it('refuses each one to other roles (FORBIDDEN) and to anonymous callers (UNAUTHENTICATED)', async () => {
    const org = await createOrganization({ code: unique('S'), name: 'Sở Nội vụ', kind: 'DEPARTMENT', validFrom: '2008-04-01' });
    const person = await createPerson('Trần Thị Thu Hà');
    const assignment = await appointHead({ personId: person.id, organizationId: org.id, title: 'Giám đốc Sở', startDate: '2020-01-01' });
    const calls: [string, Record<string, unknown>][] = [
      [CREATE_ORGANIZATION, { input: { code: unique('S'), name: 'X', kind: 'DEPARTMENT', validFrom: '2020-01-01' } }],
      [UPDATE_ORGANIZATION, { id: org.id, expectedVersion: org.version, input: { name: 'Y' } }],
      [RECORD_EVENT, { input: { kind: 'DISSOLVE', effectiveDate: '2025-07-01', legalBasis: 'QĐ', predecessorIds: [org.id] } }],
      [CREATE_PERSON, { fullName: 'Z' }],
      [APPOINT_HEAD, { input: { personId: person.id, organizationId: org.id, title: 'T', startDate: '2025-01-01' } }],
      [END_HEAD, { id: assignment.id, endDate: '2025-01-01' }],
    ];
    // Real heads: the City Chairman and the person heading this very organization are refused the registry all the same.
    const others = [await chairToken(), await token('ORG_HEAD', { org: org.id, sub: person.id }), await token('APPRAISER'), await token(['PARTNER'], { scope: 'organizations:read' })];
    for (const [query, variables] of calls) {
      for (const t of others) expectError(await viaGateway(query, variables, t), 'FORBIDDEN');
      expectError(await viaGateway(query, variables), 'UNAUTHENTICATED');
    }
    expectError(await direct('organizations', CREATE_PERSON, { fullName: 'Z' }, await token('ORG_STAFF')), 'FORBIDDEN');
    const unchanged = ok(await viaGateway<any>(`query($id: ID!) { organization(id: $id) { name validTo version head(on: "2025-06-01") { endDate } } }`, { id: org.id }));
    expect(unchanged.organization).toEqual({ name: 'Sở Nội vụ', validTo: null, version: org.version, head: { endDate: null } });
  });
});

describe('each write leaves an audit record, readable by Home Affairs only', () => {
  it('auditTrail lists who changed the organization; others are refused it', async () => {
    const org = await createOrganization({ code: unique('S'), name: 'Sở Ngoại vụ', kind: 'DEPARTMENT', validFrom: '2008-04-01' });
    const person = await createPerson('Trần Khánh Linh');
    const assignment = await appointHead({ personId: person.id, organizationId: org.id, title: 'Giám đốc Sở', startDate: '2022-06-01' });
    const TRAIL = `query($id: ID!) { organization(id: $id) { auditTrail { actor action entityType entityId before after } } }`;
    const trail = ok(await viaGateway<any>(TRAIL, { id: org.id }, await token('HOME_AFFAIRS'))).organization.auditTrail;
    expect(trail).toEqual([expect.objectContaining({ actor: 'home-affairs-officer', action: 'createOrganization', entityType: 'Organization', entityId: org.id, before: null })]);
    expectError(await viaGateway(TRAIL, { id: org.id }), 'UNAUTHENTICATED');
    expectError(await viaGateway(TRAIL, { id: org.id }, await chairToken()), 'FORBIDDEN');
    const rows = await sql('organizations', 'select action, entity_type from audit_record where entity_id = any($1) order by id', [[person.id, assignment.id]]);
    expect(rows).toEqual([{ action: 'createPerson', entity_type: 'Person' }, { action: 'appointHead', entity_type: 'HeadAssignment' }]);
  });
});

describe('the directory, its history and its heads are public', () => {
  it('an anonymous caller reads organizations, heads, people and history through the gateway', async () => {
    const org = await createOrganization({ code: unique('S'), name: 'Sở Y tế', kind: 'DEPARTMENT', validFrom: '2008-04-01' });
    const person = await createPerson('Nguyễn Hữu Cường');
    await appointHead({ personId: person.id, organizationId: org.id, title: 'Giám đốc Sở Y tế', startDate: '2021-05-01' });
    const data = ok(await viaGateway<any>(`query($code: String!, $pid: ID!) {
      organizationByCode(code: $code) { name history { kind } head(on: "2025-01-01") { title startDate endDate acting person { fullName } } }
      person(id: $pid) { fullName assignments { title organization { code } } }
    }`, { code: org.code, pid: person.id }));
    expect(data.organizationByCode).toEqual({ name: 'Sở Y tế', history: [], head: { title: 'Giám đốc Sở Y tế', startDate: '2021-05-01', endDate: null, acting: false, person: { fullName: 'Nguyễn Hữu Cường' } } });
    expect(data.person).toEqual({ fullName: 'Nguyễn Hữu Cường', assignments: [{ title: 'Giám đốc Sở Y tế', organization: { code: org.code } }] });
  });
});
