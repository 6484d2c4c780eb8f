import { describe, expect, it } from 'vitest';
import { expectError, ok, platform, sql, tableCounts, token, unique, viaGateway, direct } from '../support/client.js';

const CREATE = `mutation Create($input: CreateOrganizationInput!) { createOrganization(input: $input) { id code name validFrom version } }`;

describe('the gateway composes the three subgraphs', () => {
  it('answers one query that touches organizations, reform-index and evaluations', async () => {
    const homeAffairs = await token('HOME_AFFAIRS');
    const code = unique('FED');
    const created = ok(await viaGateway<{ createOrganization: { id: string } }>(CREATE, {
      input: { code, name: 'Sở Thử nghiệm Liên kết', kind: 'DEPARTMENT', validFrom: '2020-01-01' },
    }, homeAffairs));
    const id = created.createOrganization.id;

    const result = ok(await viaGateway<{ organization: { id: string; code: string; reformIndex: unknown; assessments: unknown[]; headEvaluations: unknown[] } }>(
      `query($id: ID!) { organization(id: $id) { id code reformIndex(year: 2025) { indexValue } assessments { id } headEvaluations { id } } }`,
      { id },
    ));
    expect(result.organization).toEqual({ id, code, reformIndex: null, assessments: [], headEvaluations: [] });
  });

  it('serves health and readiness', async () => {
    const base = platform().gatewayUrl.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    for (const url of Object.values(platform().subgraphUrls)) {
      expect((await fetch(url.replace('/graphql', '/ready'))).status).toBe(200);
    }
  });
});

describe('every mutation is one transaction', () => {
  it('a refused mutation writes nothing, not even its audit record', async () => {
    const homeAffairs = await token('HOME_AFFAIRS');
    const code = unique('TX');
    ok(await viaGateway(CREATE, { input: { code, name: 'Đơn vị A', kind: 'DEPARTMENT', validFrom: '2020-01-01' } }, homeAffairs));
    const before = await tableCounts('organizations');
    const duplicate = await viaGateway(CREATE, { input: { code, name: 'Đơn vị B', kind: 'DEPARTMENT', validFrom: '2020-01-01' } }, homeAffairs);
    expectError(duplicate, 'CONFLICT', 'code');
    const unknownParent = await viaGateway(CREATE, {
      input: { code: unique('TX'), name: 'Đơn vị C', kind: 'SUBORDINATE_UNIT', validFrom: '2020-01-01', parentId: '00000000-0000-4000-8000-000000000000' },
    }, homeAffairs);
    expectError(unknownParent, 'BAD_USER_INPUT', 'parentId');
    expect(await tableCounts('organizations')).toEqual(before);
  });

  it('a successful mutation writes its audit record with it', async () => {
    const homeAffairs = await token('HOME_AFFAIRS', { sub: 'person-ha-1' });
    const code = unique('AUD');
    const { createOrganization } = ok(await viaGateway<{ createOrganization: { id: string } }>(CREATE, {
      input: { code, name: 'Đơn vị kiểm toán', kind: 'DEPARTMENT', validFrom: '2020-01-01' },
    }, homeAffairs));
    const rows = await sql('organizations', 'select actor, action, entity_type from audit_record where entity_id = $1', [createOrganization.id]);
    expect(rows).toEqual([{ actor: 'person-ha-1', action: 'createOrganization', entity_type: 'Organization' }]);
  });

  it('a malformed date is refused naming the field', async () => {
    const homeAffairs = await token('HOME_AFFAIRS');
    const response = await direct('organizations', CREATE, { input: { code: unique('D'), name: 'X', kind: 'DEPARTMENT', validFrom: '2025-02-30' } }, homeAffairs);
    const error = expectError(response, 'BAD_USER_INPUT');
    expect(error.message).toMatch(/validFrom/);
  });
});
