import { describe, expect, it } from 'vitest';
import { decidingOrganizationId, decisionDay, evaluatorOrganizationId } from '../../src/rules/evaluator.js';

describe('who evaluates a head', () => {
  it('the head of the parent organization', () => {
    expect(evaluatorOrganizationId({ id: 'unit', parentId: 'district' }, 'city')).toBe('district');
  });
  it('the city committee for organizations directly under it or with no parent recorded', () => {
    expect(evaluatorOrganizationId({ id: 'dept', parentId: 'city' }, 'city')).toBe('city');
    expect(evaluatorOrganizationId({ id: 'dept', parentId: null }, 'city')).toBe('city');
  });
});

describe('who decides on the decision day', () => {
  const district = { id: 'district', validFrom: '2000-01-01', validTo: null };
  it('the evaluator organization while it exists', () => {
    expect(decidingOrganizationId({ ...district, successors: [] }, '2026-01-09', 'city')).toBe('district');
  });
  it('its successor once it was dissolved', () => {
    const gone = { ...district, validTo: '2025-06-30', successors: [{ id: 'ward', validFrom: '2025-07-01', validTo: null }] };
    expect(decidingOrganizationId(gone, '2026-01-09', 'city')).toBe('ward');
  });
  it('the city committee where it has no successor (districts abolished in 2025)', () => {
    expect(decidingOrganizationId({ ...district, validTo: '2025-06-30', successors: [] }, '2026-01-09', 'city')).toBe('city');
  });
  it('a dissolved successor does not decide', () => {
    const gone = { ...district, validTo: '2025-06-30', successors: [{ id: 'ward', validFrom: '2025-07-01', validTo: '2025-12-31' }] };
    expect(decidingOrganizationId(gone, '2026-01-09', 'city')).toBe('city');
  });
});

describe('the decision day is the calendar day in Hải Phòng', () => {
  it('6 pm UTC on 8 January is already 9 January there', () => {
    expect(decisionDay(new Date('2026-01-08T18:00:00Z'))).toBe('2026-01-09');
    expect(decisionDay(new Date('2026-01-08T16:59:59Z'))).toBe('2026-01-08');
  });
});
