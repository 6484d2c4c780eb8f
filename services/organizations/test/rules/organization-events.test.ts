import { describe, expect, it } from 'vitest';
import { checkEventShape, checkExistingSuccessor, checkLineage, checkPredecessor, planEvent } from '../../src/rules/organization-events.js';

describe('each kind of event has its shape', () => {
  it('an establishment has successors only, a dissolution predecessors only', () => {
    expect(checkEventShape('ESTABLISH', [], [], 11)).toBeNull();
    expect(checkEventShape('ESTABLISH', ['a'], [], 1)?.field).toBe('input.predecessorIds');
    expect(checkEventShape('DISSOLVE', ['a', 'b'], [], 0)).toBeNull();
    expect(checkEventShape('DISSOLVE', ['a'], [], 1)?.field).toBe('input.successors');
  });

  it('a merger joins two or more into one, and may keep one of them (absorption)', () => {
    expect(checkEventShape('MERGE', ['skhdt', 'stc'], ['stc'], 0)).toBeNull();
    expect(checkEventShape('MERGE', ['stnmt', 'snnptnt'], [], 1)).toBeNull();
    expect(checkEventShape('MERGE', ['a'], ['b'], 0)?.field).toBe('input.predecessorIds');
    expect(checkEventShape('MERGE', ['a', 'b'], ['a'], 1)?.field).toBe('input.successors');
  });

  it('only a merger may keep a predecessor as its successor', () => {
    expect(checkEventShape('RENAME', ['a'], ['a'], 0)).toEqual({ field: 'input.successorIds[0]', message: expect.stringContaining('own successor') });
    expect(checkEventShape('RECLASSIFY', ['311-h'], [], 1)).toBeNull();
    expect(checkEventShape('SPLIT', ['a'], [], 2)).toBeNull();
    expect(checkEventShape('SPLIT', ['a'], ['a'], 1)?.field).toBe('input.successorIds[0]');
  });

  it('the same organization cannot be named twice', () => {
    expect(checkEventShape('DISSOLVE', ['a', 'a'], [], 0)?.field).toBe('input.predecessorIds[1]');
  });
});

describe('a predecessor must exist when the event takes effect', () => {
  const district = { code: '303', validFrom: '1961-01-01', validTo: null };
  it('accepts an open organization and an effective date after its first day', () => {
    expect(checkPredecessor(district, 0, '2025-07-01', null)).toBeNull();
    expect(checkPredecessor(district, 0, '2025-07-01', '2025-07-01')).toBeNull();
  });
  it('refuses a closed organization, a date on or before its first day, and a date before its last event', () => {
    expect(checkPredecessor({ ...district, validTo: '2025-06-30' }, 2, '2025-08-01', null)?.field).toBe('input.predecessorIds[2]');
    expect(checkPredecessor(district, 0, '1961-01-01', null)?.field).toBe('input.effectiveDate');
    expect(checkPredecessor(district, 0, '2025-01-01', '2025-03-01')?.field).toBe('input.effectiveDate');
  });
  it('an existing successor must be open on the effective date', () => {
    expect(checkExistingSuccessor({ code: 'STC', validFrom: '2008-04-01', validTo: null }, 0, '2025-03-01')).toBeNull();
    expect(checkExistingSuccessor({ code: 'X', validFrom: '2025-04-01', validTo: null }, 1, '2025-03-01')?.field).toBe('input.successorIds[1]');
    expect(checkExistingSuccessor({ code: 'X', validFrom: '2008-04-01', validTo: '2024-12-31' }, 0, '2025-03-01')?.field).toBe('input.successorIds[0]');
  });
});

describe('no organization becomes its own ancestor', () => {
  it('refuses a successor from the predecessors\' lineage, except the one a merger keeps', () => {
    const lineage = new Set(['c', 'b', 'a']);
    expect(checkLineage(['b'], lineage, new Set())?.field).toBe('input.successorIds[0]');
    expect(checkLineage(['c'], lineage, new Set(['c']))).toBeNull();
    expect(checkLineage(['z'], lineage, new Set())).toBeNull();
  });
});

describe('predecessors close the day before the effective date', () => {
  it('closes all but the absorbing one', () => {
    expect(planEvent(['skhdt', 'stc'], ['stc'], '2025-03-01')).toEqual({ closing: ['skhdt'], continuing: ['stc'], closeOn: '2025-02-28' });
    expect(planEvent(['303'], [], '2025-07-01')).toEqual({ closing: ['303'], continuing: [], closeOn: '2025-06-30' });
    expect(planEvent(['311-h'], ['311'], '2025-01-01').closeOn).toBe('2024-12-31');
  });
});
