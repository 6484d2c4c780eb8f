import { describe, expect, it } from 'vitest';
import { expectError, ok, sql, tableCounts, token, unique, viaGateway } from '../support/client.js';
import { chairToken, headToken } from '../support/heads.js';

const CREATE = 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id version } }';
const UPDATE = 'mutation($id: ID!, $v: Int!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, expectedVersion: $v, input: $input) { id name version } }';

async function freshOrganization() {
  const code = unique('AUDIT');
  const { createOrganization } = ok(await viaGateway<{ createOrganization: { id: string; version: number } }>(CREATE,
    { input: { code, name: 'Sở Kiểm toán Thử', kind: 'DEPARTMENT', validFrom: '2020-01-01' } }, await token('HOME_AFFAIRS', { sub: 'auditor-1' })));
  return { code, ...createOrganization };
}

describe('every successful mutation writes its audit record in its own transaction', () => {
  it('records actor, action, entity, and the state before and after', async () => {
    const org = await freshOrganization();
    ok(await viaGateway(UPDATE, { id: org.id, v: org.version, input: { name: 'Sở Kiểm toán Đổi tên' } }, await token('HOME_AFFAIRS', { sub: 'auditor-2' })));
    const rows = await sql('organizations', `select actor, action, entity_type, entity_id, before, after from audit_record where entity_id = $1 order by id`, [org.id]);
    expect(rows.map((r) => [r.actor, r.action, r.entity_type])).toEqual([
      ['auditor-1', 'createOrganization', 'Organization'],
      ['auditor-2', 'updateOrganization', 'Organization'],
    ]);
    expect(rows[0]!.before).toBeNull();
    expect(JSON.parse(rows[0]!.after)).toMatchObject({ id: org.id, code: org.code, name: 'Sở Kiểm toán Thử' });
    expect(JSON.parse(rows[1]!.before)).toMatchObject({ id: org.id, name: 'Sở Kiểm toán Thử' });
    expect(JSON.parse(rows[1]!.after)).toMatchObject({ id: org.id, name: 'Sở Kiểm toán Đổi tên' });
  });

  it('the audit record and the change share one PostgreSQL transaction id', async () => {
    const org = await freshOrganization();
    ok(await viaGateway(UPDATE, { id: org.id, v: org.version, input: { shortName: 'KTT' } }, await token('HOME_AFFAIRS')));
    const [entity] = await sql('organizations', 'select xmin::text as tx from organization where id = $1', [org.id]);
    const [record] = await sql('organizations', `select xmin::text as tx from audit_record where entity_id = $1 and action = 'updateOrganization'`, [org.id]);
    expect(record!.tx).toBe(entity!.tx);
  });

  it('is readable as auditTrail by HOME_AFFAIRS only', async () => {
    const org = await freshOrganization();
    const trail = ok(await viaGateway(`query($id: ID!) { organization(id: $id) { auditTrail { actor action entityType entityId before after at } } }`, { id: org.id }, await token('HOME_AFFAIRS')));
    expect(trail.organization.auditTrail).toEqual([expect.objectContaining({ actor: 'auditor-1', action: 'createOrganization', entityType: 'Organization', entityId: org.id, before: null })]);
    for (const bearer of [await chairToken(), await token('APPRAISER', { org: org.id }), await headToken(org.id)]) {
      const response = await viaGateway(`query($id: ID!) { organization(id: $id) { auditTrail { action } } }`, { id: org.id }, bearer);
      expectError(response, 'FORBIDDEN');
    }
    expectError(await viaGateway(`query($id: ID!) { organization(id: $id) { auditTrail { action } } }`, { id: org.id }), 'UNAUTHENTICATED');
  });
});

describe('a failed mutation leaves no audit record and no change', () => {
  it('refused, invalid, conflicting and not-found attempts write nothing at all', async () => {
    const org = await freshOrganization();
    const [chair, head] = [await chairToken(), await headToken(org.id)]; // real ones: their posts give no right to the registry
    const before = await tableCounts('organizations');
    const attempts = [
      ['FORBIDDEN', await viaGateway(UPDATE, { id: org.id, v: org.version, input: { name: 'Kẻ lạ' } }, chair)],
      ['FORBIDDEN', await viaGateway(UPDATE, { id: org.id, v: org.version, input: { name: 'Kẻ lạ' } }, head)],
      ['UNAUTHENTICATED', await viaGateway(UPDATE, { id: org.id, v: org.version, input: { name: 'Kẻ lạ' } })],
      ['CONFLICT', await viaGateway(UPDATE, { id: org.id, v: org.version + 5, input: { name: 'Phiên bản cũ' } }, await token('HOME_AFFAIRS'))],
      ['BAD_USER_INPUT', await viaGateway(UPDATE, { id: org.id, v: org.version, input: { parentId: org.id } }, await token('HOME_AFFAIRS'))],
      ['NOT_FOUND', await viaGateway(UPDATE, { id: '00000000-0000-4000-8000-000000000000', v: 1, input: { name: 'Không có' } }, await token('HOME_AFFAIRS'))],
    ] as const;
    for (const [code, response] of attempts) expectError(response, code);
    expect(await tableCounts('organizations')).toEqual(before);
    const [row] = await sql('organizations', 'select name, version from organization where id = $1', [org.id]);
    expect(row).toEqual({ name: 'Sở Kiểm toán Thử', version: org.version });
  });
});
