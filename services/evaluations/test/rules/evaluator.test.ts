import { describe, expect, it } from 'vitest';
import { decisionDay, evaluatorOrganizationId } from '../../src/rules/evaluator.js';

describe('who evaluates a head', () => {
  it('the head of the parent organization', () => {
    expect(evaluatorOrganizationId({ id: 'unit', parentId: 'district' }, 'city')).toBe('district');
  });
  it('the city committee for organizations directly under it or with no parent recorded', () => {
    expect(evaluatorOrganizationId({ id: 'dept', parentId: 'city' }, 'city')).toBe('city');
    expect(evaluatorOrganizationId({ id: 'dept', parentId: null }, 'city')).toBe('city');
  });
});

describe('the decision day is the calendar day in Hải Phòng', () => {
  it('6 pm UTC on 8 January is already 9 January there', () => {
    expect(decisionDay(new Date('2026-01-08T18:00:00Z'))).toBe('2026-01-09');
    expect(decisionDay(new Date('2026-01-08T16:59:59Z'))).toBe('2026-01-08');
  });
});
