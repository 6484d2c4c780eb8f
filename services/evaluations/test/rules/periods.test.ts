import { describe, expect, it } from 'vitest';
import { changedPeriodClash, planNewPeriod, ruleInForce } from '../../src/rules/periods.js';

const open2018 = { id: 'r2018', effectiveFrom: '2018-01-01', effectiveTo: null, lastEvaluatedYear: null };

describe("one owner's rule periods never overlap", () => {
  it("a new rule closes the owner's open-ended rule the day before it starts", () => {
    expect(planNewPeriod([open2018], { effectiveFrom: '2026-01-01', effectiveTo: null })).toEqual({ ok: true, close: { id: 'r2018', effectiveTo: '2025-12-31' } });
  });
  it('refused when closing would cut a year already evaluated under the open rule', () => {
    const used = { ...open2018, lastEvaluatedYear: 2025 };
    expect(planNewPeriod([used], { effectiveFrom: '2025-07-01', effectiveTo: null })).toMatchObject({ ok: false, kind: 'CUTS_EVALUATED_YEAR' });
    expect(planNewPeriod([used], { effectiveFrom: '2026-01-01', effectiveTo: null })).toMatchObject({ ok: true });
  });
  it('refused when it overlaps a closed rule', () => {
    const closed = { id: 'c', effectiveFrom: '2018-01-01', effectiveTo: '2022-12-31', lastEvaluatedYear: null };
    expect(planNewPeriod([closed], { effectiveFrom: '2022-01-01', effectiveTo: '2023-12-31' })).toMatchObject({ ok: false, kind: 'OVERLAP', ruleId: 'c' });
    expect(planNewPeriod([closed], { effectiveFrom: '2023-01-01', effectiveTo: null })).toEqual({ ok: true, close: null });
  });
  it('refused when a later open rule already exists from the same start or earlier than its end', () => {
    expect(planNewPeriod([open2018], { effectiveFrom: '2018-01-01', effectiveTo: null })).toMatchObject({ ok: false, kind: 'OVERLAP' });
    expect(planNewPeriod([open2018], { effectiveFrom: '2010-01-01', effectiveTo: '2018-06-30' })).toMatchObject({ ok: false, kind: 'OVERLAP' });
  });
  it('a period fully before the open rule fits', () => {
    expect(planNewPeriod([open2018], { effectiveFrom: '2010-01-01', effectiveTo: '2017-12-31' })).toEqual({ ok: true, close: null });
  });
  it('refused when it ends before it starts', () => {
    expect(planNewPeriod([], { effectiveFrom: '2020-01-01', effectiveTo: '2019-12-31' })).toMatchObject({ ok: false, kind: 'BACKWARDS' });
  });
  it('a changed period may not overlap the other rules', () => {
    const later = { id: 'l', effectiveFrom: '2026-01-01', effectiveTo: null, lastEvaluatedYear: null };
    expect(changedPeriodClash([later], { effectiveFrom: '2018-01-01', effectiveTo: '2026-06-30' })?.id).toBe('l');
    expect(changedPeriodClash([later], { effectiveFrom: '2018-01-01', effectiveTo: '2025-12-31' })).toBeNull();
  });
});

describe('the rule in force on 31 December', () => {
  it('is the one whose period covers that day', () => {
    const rules = [{ id: 'a', effectiveFrom: '2018-01-01', effectiveTo: '2025-06-30' }, { id: 'b', effectiveFrom: '2025-07-01', effectiveTo: null }];
    expect(ruleInForce(rules, '2025-12-31')?.id).toBe('b');
    expect(ruleInForce(rules, '2024-12-31')?.id).toBe('a');
    expect(ruleInForce(rules, '2017-12-31')).toBeNull();
  });
});
