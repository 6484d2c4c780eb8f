import { describe, expect, it } from 'vitest';
import { checkEnd, headOn, planAppointment } from '../../src/rules/head-assignments.js';

const a = (id: string, startDate: string, endDate: string | null = null) => ({ id, startDate, endDate });

describe('a new head ends the previous assignment the day before', () => {
  it('closes the assignment in office', () => {
    expect(planAppointment([a('old', '2019-03-01')], '2025-07-15')).toEqual({ ok: true, close: { id: 'old', endDate: '2025-07-14' } });
    expect(planAppointment([a('old', '2019-03-01', '2025-12-31')], '2025-07-15')).toEqual({ ok: true, close: { id: 'old', endDate: '2025-07-14' } });
  });
  it('leaves a finished assignment alone, and appoints the first head freely', () => {
    expect(planAppointment([a('old', '2019-03-01', '2024-12-31')], '2025-03-01')).toEqual({ ok: true, close: null });
    expect(planAppointment([], '2025-03-01')).toEqual({ ok: true, close: null });
  });
  it('refuses a start on or before an existing assignment\'s start (overlap)', () => {
    expect(planAppointment([a('old', '2022-01-01')], '2022-01-01')).toEqual({ ok: false, overlapping: a('old', '2022-01-01') });
    expect(planAppointment([a('old', '2022-01-01')], '2021-06-01').ok).toBe(false);
  });
});

describe('head(on:) answers any day in history', () => {
  const history = [a('first', '2019-03-01', '2025-07-14'), a('second', '2025-07-15')];
  it('finds the assignment covering the day, or nobody', () => {
    expect(headOn(history, '2025-07-14')?.id).toBe('first');
    expect(headOn(history, '2025-07-15')?.id).toBe('second');
    expect(headOn(history, '2019-02-28')).toBeNull();
  });
});

describe('ending an assignment', () => {
  it('not before its start, not after the organization closed, not twice', () => {
    expect(checkEnd(a('x', '2021-01-01'), '2024-12-31', null)).toBeNull();
    expect(checkEnd(a('x', '2021-01-01'), '2020-12-31', null)?.field).toBe('endDate');
    expect(checkEnd(a('x', '2021-01-01'), '2025-03-01', '2025-02-28')?.field).toBe('endDate');
    expect(checkEnd(a('x', '2021-01-01', '2024-01-01'), '2025-01-01', null)).toMatchObject({ field: 'id', conflict: true });
  });
});
