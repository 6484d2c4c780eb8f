import { addDays } from './months.js';

/**
 * Effective periods of one owner's level rules: they never overlap. Defining a rule closes the owner's open-ended
 * rule the day before the new one starts, unless that would cut a year already evaluated under it. An evaluation
 * of year Y uses the rule in force on 31 December of Y.
 */
export interface RulePeriod { id: string; effectiveFrom: string; effectiveTo: string | null; lastEvaluatedYear: number | null }

export const yearEnd = (year: number) => `${year}-12-31`;

export const covers = (p: { effectiveFrom: string; effectiveTo: string | null }, day: string) =>
  p.effectiveFrom <= day && (p.effectiveTo === null || p.effectiveTo >= day);

export function periodsOverlap(a: { effectiveFrom: string; effectiveTo: string | null }, b: { effectiveFrom: string; effectiveTo: string | null }) {
  return a.effectiveFrom <= (b.effectiveTo ?? '9999-12-31') && b.effectiveFrom <= (a.effectiveTo ?? '9999-12-31');
}

export type PeriodPlan =
  | { ok: true; close: { id: string; effectiveTo: string } | null }
  | { ok: false; kind: 'CUTS_EVALUATED_YEAR' | 'OVERLAP' | 'BACKWARDS'; ruleId?: string; message: string };

export function planNewPeriod(existing: RulePeriod[], period: { effectiveFrom: string; effectiveTo: string | null }): PeriodPlan {
  if (period.effectiveTo !== null && period.effectiveTo < period.effectiveFrom) {
    return { ok: false, kind: 'BACKWARDS', message: 'effectiveTo is before effectiveFrom' };
  }
  let close: { id: string; effectiveTo: string } | null = null;
  const open = existing.find((r) => r.effectiveTo === null && r.effectiveFrom < period.effectiveFrom);
  if (open) {
    const newEnd = addDays(period.effectiveFrom, -1);
    if (open.lastEvaluatedYear !== null && yearEnd(open.lastEvaluatedYear) > newEnd) {
      return {
        ok: false,
        kind: 'CUTS_EVALUATED_YEAR',
        ruleId: open.id,
        message: `the rule in force from ${open.effectiveFrom} was used for ${open.lastEvaluatedYear}; a new rule can start on ${open.lastEvaluatedYear + 1}-01-01 at the earliest`,
      };
    }
    close = { id: open.id, effectiveTo: newEnd };
  }
  const after = existing.map((r) => (close && r.id === close.id ? { ...r, effectiveTo: close.effectiveTo } : r));
  const clash = after.find((r) => periodsOverlap(r, period));
  if (clash) {
    return { ok: false, kind: 'OVERLAP', ruleId: clash.id, message: `overlaps the rule in force ${clash.effectiveFrom}–${clash.effectiveTo ?? 'open'}` };
  }
  return { ok: true, close };
}

/** A changed period of an existing rule: it may not overlap the owner's other rules. */
export function changedPeriodClash(others: RulePeriod[], period: { effectiveFrom: string; effectiveTo: string | null }): RulePeriod | null {
  return others.find((r) => periodsOverlap(r, period)) ?? null;
}

/** The rule in force on a day, among one owner's rules. */
export function ruleInForce<T extends { effectiveFrom: string; effectiveTo: string | null }>(rules: T[], day: string): T | null {
  return rules.find((r) => covers(r, day)) ?? null;
}
