import { describe, expect, it } from 'vitest';
import { direct, ok, sqlStatements, token, unique, viaGateway } from '../../../test/support/client.js';
import { appointHead, createOrganization, createPerson, recordEvent } from './support.js';

/** docs/architecture.md: a query's SQL count does not grow with the number of rows it returns. */
describe('reads run a constant number of SQL statements', () => {
  it('200 organizations with their parents and current heads cost what 20 do', async () => {
    const hp = await createOrganization({ code: unique('HP'), name: 'Thành phố', kind: 'CITY_COMMITTEE', validFrom: '1955-05-13' });
    const prefix = unique('W');
    const event = await recordEvent({
      kind: 'ESTABLISH', effectiveDate: '2025-07-01', legalBasis: 'NQ 1669/NQ-UBTVQH15', predecessorIds: [],
      successors: Array.from({ length: 200 }, (_, i) => ({ code: `${prefix}-${String(i).padStart(3, '0')}`, name: `Ủy ban nhân dân phường ${i}`, kind: 'COMMUNE_COMMITTEE', parentId: hp.id, validFrom: '2025-07-01' })),
    });
    const people = await Promise.all(Array.from({ length: 10 }, (_, i) => createPerson(`Chủ tịch ${i}`)));
    const wards = event.successors;
    for (let i = 0; i < wards.length; i += 10) {
      await Promise.all(wards.slice(i, i + 10).map((w, j) =>
        appointHead({ personId: people[(i + j) % people.length]!.id, organizationId: w.id, title: 'Chủ tịch UBND phường', startDate: '2025-07-01' })));
    }
    const QUERY = `query($parentId: ID!, $first: Int!) { organizations(filter: { parentId: $parentId }, first: $first) {
      totalCount edges { node { code parent { code } head { title person { fullName } } predecessors { code } } } } }`;
    const cost = async (first: number) => {
      const before = await sqlStatements('organizations');
      const data = ok(await viaGateway<any>(QUERY, { parentId: hp.id, first }));
      const statements = (await sqlStatements('organizations')) - before;
      expect(data.organizations.edges).toHaveLength(first);
      expect(data.organizations.edges.every((e: any) => e.node.parent.code === hp.code && e.node.head.person.fullName.startsWith('Chủ tịch'))).toBe(true);
      return statements;
    };
    const twenty = await cost(20);
    const twoHundred = await cost(200);
    expect(twoHundred).toBe(twenty);
    expect(twenty).toBeLessThanOrEqual(6);
  });

  it('the gateway resolves many references with one statement per type', async () => {
    const org = await createOrganization({ code: unique('S'), name: 'Sở', kind: 'DEPARTMENT', validFrom: '2008-04-01' });
    const people = await Promise.all(Array.from({ length: 5 }, (_, i) => createPerson(`Người ${i}`)));
    const orgs = await Promise.all(Array.from({ length: 5 }, (_, i) => createOrganization({ code: unique('S'), name: `Sở ${i}`, kind: 'DEPARTMENT', validFrom: '2008-04-01' })));
    const assignments = await Promise.all(orgs.map((o, i) => appointHead({ personId: people[i]!.id, organizationId: o.id, title: 'Giám đốc', startDate: '2020-01-01' })));
    const representations = [
      ...[org, ...orgs].map((o) => ({ __typename: 'Organization', id: o.id })),
      ...people.map((p) => ({ __typename: 'Person', id: p.id })),
      ...assignments.map((a) => ({ __typename: 'HeadAssignment', id: a.id })),
    ];
    const before = await sqlStatements('organizations');
    const data = ok(await direct<any>('organizations', `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Organization { code } ... on Person { fullName } ... on HeadAssignment { title } } }`, { r: representations }, await token('SERVICE')));
    expect(await sqlStatements('organizations') - before).toBe(3);
    expect(data._entities).toHaveLength(representations.length);
    expect(data._entities.every((e: any) => e !== null)).toBe(true);
  });
});
