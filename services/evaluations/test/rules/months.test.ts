import { describe, expect, it } from 'vitest';
import { headsOfYear, monthsInOffice } from '../../src/rules/months.js';

describe('whole calendar months in office in the year', () => {
  it('1 Jul–31 Dec is 6', () => {
    expect(monthsInOffice([{ startDate: '2025-07-01', endDate: null }], 2025)).toBe(6);
  });
  it('2 Jul–31 Dec is 5: July is not whole', () => {
    expect(monthsInOffice([{ startDate: '2025-07-02', endDate: null }], 2025)).toBe(5);
  });
  it('the whole year is 12, whatever happened before or after it', () => {
    expect(monthsInOffice([{ startDate: '2019-03-15', endDate: '2027-01-31' }], 2025)).toBe(12);
  });
  it('1 Jan–14 Jun is 5', () => {
    expect(monthsInOffice([{ startDate: '2020-01-01', endDate: '2025-06-14' }], 2025)).toBe(5);
  });
  it('February of a leap year counts when covered to the 29th', () => {
    expect(monthsInOffice([{ startDate: '2024-02-01', endDate: '2024-02-29' }], 2024)).toBe(1);
    expect(monthsInOffice([{ startDate: '2024-02-01', endDate: '2024-02-28' }], 2024)).toBe(0);
  });
  it('acting then confirmed is one stint: months across the change count whole', () => {
    const acting = { startDate: '2025-03-15', endDate: '2025-05-19' };
    const confirmed = { startDate: '2025-05-20', endDate: null };
    expect(monthsInOffice([acting], 2025)).toBe(1);
    expect(monthsInOffice([confirmed], 2025)).toBe(7);
    expect(monthsInOffice([acting, confirmed], 2025)).toBe(9);
  });
  it('a gap between two assignments breaks the months it falls in', () => {
    expect(monthsInOffice([{ startDate: '2025-01-01', endDate: '2025-03-10' }, { startDate: '2025-03-12', endDate: '2025-06-30' }], 2025)).toBe(5);
  });
  it('an assignment outside the year counts nothing', () => {
    expect(monthsInOffice([{ startDate: '2026-01-01', endDate: null }], 2025)).toBe(0);
  });
});

describe('the heads of an organization in a year', () => {
  it('one candidate per person, targeting their last assignment of the year', () => {
    const heads = headsOfYear([
      { id: 'a1', personId: 'p1', startDate: '2020-01-01', endDate: '2025-06-14' },
      { id: 'b1', personId: 'p2', startDate: '2025-03-15', endDate: '2025-05-19' },
      { id: 'b2', personId: 'p2', startDate: '2025-05-20', endDate: null },
      { id: 'old', personId: 'p0', startDate: '2010-01-01', endDate: '2019-12-31' },
    ], 2025);
    expect(heads).toEqual([
      { personId: 'p1', months: 5, lastAssignmentId: 'a1' },
      { personId: 'p2', months: 9, lastAssignmentId: 'b2' },
    ]);
  });
});
