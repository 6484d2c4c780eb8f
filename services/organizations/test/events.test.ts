import { describe, expect, it } from 'vitest';
import { expectError, ok, tableCounts, unique, viaGateway } from '../../../test/support/client.js';
import { createOrganization, mutate, recordEvent, RECORD_EVENT } from './support.js';

const ORG = `query($id: ID!) { organization(id: $id) { code validFrom validTo predecessors { code } successors { code } history { kind effectiveDate predecessors { code } successors { code } } } }`;
const read = async (id: string) => ok(await viaGateway<any>(ORG, { id })).organization;

async function city() {
  return createOrganization({ code: unique('HP'), name: 'Ủy ban nhân dân thành phố', kind: 'CITY_COMMITTEE', validFrom: '1955-05-13' });
}
const department = (parentId: string, name: string, validFrom = '2008-04-01') =>
  createOrganization({ code: unique('S'), name, kind: 'DEPARTMENT', validFrom, parentId });

describe('a merger closes its predecessors the day before and links them both ways', () => {
  it('two departments merged into a new one', async () => {
    const hp = await city();
    const environment = await department(hp.id, 'Sở Tài nguyên và Môi trường');
    const agriculture = await department(hp.id, 'Sở Nông nghiệp và Phát triển nông thôn');
    const code = unique('SNNMT');
    const event = await recordEvent({
      kind: 'MERGE', effectiveDate: '2025-03-01', legalBasis: 'Nghị quyết HĐND thành phố 2025', predecessorIds: [environment.id, agriculture.id],
      successors: [{ code, name: 'Sở Nông nghiệp và Môi trường', kind: 'DEPARTMENT', parentId: hp.id, validFrom: '2025-03-01', advisesOn: [] }],
    });
    expect(event.predecessors.map((p) => p.validTo)).toEqual(['2025-02-28', '2025-02-28']);
    expect(event.successors).toEqual([expect.objectContaining({ code, validFrom: '2025-03-01' })]);

    expect(await read(environment.id)).toMatchObject({ validTo: '2025-02-28', successors: [{ code }], predecessors: [] });
    expect(await read(agriculture.id)).toMatchObject({ validTo: '2025-02-28', successors: [{ code }] });
    const merged = await read(event.successors[0]!.id);
    expect(merged.predecessors.map((p: any) => p.code).sort()).toEqual([environment.code, agriculture.code].sort());
    expect(merged.history).toEqual([{ kind: 'MERGE', effectiveDate: '2025-03-01', predecessors: [{ code: environment.code }, { code: agriculture.code }], successors: [{ code }] }]);
  });

  it('a department that absorbs another stays open and links to it both ways', async () => {
    const hp = await city();
    const planning = await department(hp.id, 'Sở Kế hoạch và Đầu tư');
    const finance = await department(hp.id, 'Sở Tài chính');
    await recordEvent({ kind: 'MERGE', effectiveDate: '2025-03-01', legalBasis: '2025 streamlining', predecessorIds: [planning.id, finance.id], successorIds: [finance.id] });
    expect(await read(finance.id)).toMatchObject({ validFrom: '2008-04-01', validTo: null, predecessors: [{ code: planning.code }], successors: [] });
    expect(await read(planning.id)).toMatchObject({ validTo: '2025-02-28', successors: [{ code: finance.code }], predecessors: [] });
  });
});

describe('an event that would rewrite history is refused and writes nothing', () => {
  it('dated before a predecessor existed', async () => {
    const hp = await city();
    const young = await department(hp.id, 'Sở mới', '2025-05-01');
    const before = await tableCounts('organizations');
    const response = await mutate(RECORD_EVENT, { input: { kind: 'DISSOLVE', effectiveDate: '2025-04-01', legalBasis: 'QĐ 1', predecessorIds: [young.id] } });
    expectError(response, 'BAD_USER_INPUT', 'input.effectiveDate');
    expect(await tableCounts('organizations')).toEqual(before);
  });

  it('on an organization already closed', async () => {
    const hp = await city();
    const gone = await department(hp.id, 'Sở đã giải thể');
    await recordEvent({ kind: 'DISSOLVE', effectiveDate: '2024-01-01', legalBasis: 'QĐ 1', predecessorIds: [gone.id] });
    const before = await tableCounts('organizations');
    const response = await mutate(RECORD_EVENT, {
      input: { kind: 'RENAME', effectiveDate: '2025-01-01', legalBasis: 'QĐ 2', predecessorIds: [gone.id], successors: [{ code: unique('S'), name: 'Sở đổi tên', kind: 'DEPARTMENT', validFrom: '2025-01-01' }] },
    });
    expectError(response, 'BAD_USER_INPUT', 'input.predecessorIds[0]');
    expect(await tableCounts('organizations')).toEqual(before);
    expect((await read(gone.id)).validTo).toBe('2023-12-31');
  });

  it('that would make an organization its own ancestor', async () => {
    const hp = await city();
    const a = await department(hp.id, 'Sở A');
    const b = await department(hp.id, 'Sở B');
    const c = await department(hp.id, 'Sở C');
    await recordEvent({ kind: 'MERGE', effectiveDate: '2024-01-01', legalBasis: 'QĐ 1', predecessorIds: [a.id, b.id], successorIds: [b.id] });
    await recordEvent({ kind: 'MERGE', effectiveDate: '2024-06-01', legalBasis: 'QĐ 2', predecessorIds: [b.id, c.id], successorIds: [c.id] });
    // B already flows into C: making B C's successor would loop the lineage.
    const before = await tableCounts('organizations');
    const loop = await mutate(RECORD_EVENT, { input: { kind: 'MERGE', effectiveDate: '2025-01-01', legalBasis: 'QĐ 3', predecessorIds: [c.id, hp.id], successorIds: [b.id] } });
    expectError(loop, 'BAD_USER_INPUT', 'input.successorIds[0]');
    const self = await mutate(RECORD_EVENT, { input: { kind: 'RENAME', effectiveDate: '2025-01-01', legalBasis: 'QĐ 4', predecessorIds: [c.id], successorIds: [c.id] } });
    expectError(self, 'BAD_USER_INPUT', 'input.successorIds[0]');
    expect(await tableCounts('organizations')).toEqual(before);
  });

  it('with a successor code already used, or an unknown predecessor, or the wrong shape', async () => {
    const hp = await city();
    const a = await department(hp.id, 'Sở A');
    const b = await department(hp.id, 'Sở B');
    const before = await tableCounts('organizations');
    const duplicate = await mutate(RECORD_EVENT, {
      input: { kind: 'MERGE', effectiveDate: '2025-03-01', legalBasis: 'QĐ', predecessorIds: [a.id, b.id], successors: [{ code: a.code, name: 'Sở AB', kind: 'DEPARTMENT', validFrom: '2025-03-01' }] },
    });
    expectError(duplicate, 'CONFLICT', 'input.successors[0].code');
    const unknown = await mutate(RECORD_EVENT, { input: { kind: 'DISSOLVE', effectiveDate: '2025-03-01', legalBasis: 'QĐ', predecessorIds: [a.id, '00000000-0000-4000-8000-000000000000'] } });
    expectError(unknown, 'BAD_USER_INPUT', 'input.predecessorIds[1]');
    const lonelyMerger = await mutate(RECORD_EVENT, { input: { kind: 'MERGE', effectiveDate: '2025-03-01', legalBasis: 'QĐ', predecessorIds: [a.id], successorIds: [b.id] } });
    expectError(lonelyMerger, 'BAD_USER_INPUT', 'input.predecessorIds');
    const lateSuccessor = await mutate(RECORD_EVENT, {
      input: { kind: 'SPLIT', effectiveDate: '2025-03-01', legalBasis: 'QĐ', predecessorIds: [a.id], successors: [
        { code: unique('S'), name: 'Sở A1', kind: 'DEPARTMENT', validFrom: '2025-03-01' }, { code: unique('S'), name: 'Sở A2', kind: 'DEPARTMENT', validFrom: '2025-04-01' }] },
    });
    expectError(lateSuccessor, 'BAD_USER_INPUT', 'input.successors[1].validFrom');
    const noBasis = await mutate(RECORD_EVENT, { input: { kind: 'DISSOLVE', effectiveDate: '2025-03-01', legalBasis: '  ', predecessorIds: [a.id] } });
    expectError(noBasis, 'BAD_USER_INPUT', 'input.legalBasis');
    const malformed = await mutate(RECORD_EVENT, { input: { kind: 'DISSOLVE', effectiveDate: '2025-02-30', legalBasis: 'QĐ', predecessorIds: [a.id] } });
    expectError(malformed, 'BAD_USER_INPUT', 'effectiveDate');
    expect(await tableCounts('organizations')).toEqual(before);
  });
});
