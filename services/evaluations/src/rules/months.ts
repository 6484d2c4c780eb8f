/**
 * Time in office (NĐ 90/2020, docs/domain.md, Months in office): whole calendar months of the year a person headed an organization,
 * all their assignments to it counted together (acting then confirmed is one stint).
 */
export interface Period { startDate: string; endDate: string | null }

const DAY = 86_400_000;
export const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
export const isoOfDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
export const addDays = (iso: string, days: number) => isoOfDay(dayNumber(iso) + days);

/** Days of the year covered by the periods, merged where they touch or overlap; endDate inclusive, null = open. */
export function coveredSpans(periods: Period[], year: number): [number, number][] {
  const first = dayNumber(`${year}-01-01`);
  const last = dayNumber(`${year}-12-31`);
  const spans = periods
    .map((p): [number, number] => [Math.max(first, dayNumber(p.startDate)), Math.min(last, p.endDate ? dayNumber(p.endDate) : last)])
    .filter(([s, e]) => s <= e)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const top = merged[merged.length - 1];
    if (top && span[0] <= top[1] + 1) top[1] = Math.max(top[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** Whole calendar months of `year` entirely covered by the periods: 1 Jul–31 Dec = 6, 15 Jan–31 Dec = 11. */
export function monthsInOffice(periods: Period[], year: number): number {
  const spans = coveredSpans(periods, year);
  let months = 0;
  for (let m = 0; m < 12; m++) {
    const start = Date.UTC(year, m, 1) / DAY;
    const end = Date.UTC(year, m + 1, 0) / DAY;
    if (spans.some(([s, e]) => s <= start && e >= end)) months++;
  }
  return months;
}

/** Periods that touch the year at all. */
export const overlapsYear = (p: Period, year: number) =>
  p.startDate <= `${year}-12-31` && (p.endDate === null || p.endDate >= `${year}-01-01`);

export interface AssignmentLike extends Period { id: string; personId: string }

export interface Evaluable { personId: string; months: number; lastAssignmentId: string }

/** One candidate per person who headed the organization in the year, with their months and last assignment. */
export function headsOfYear(assignments: AssignmentLike[], year: number): Evaluable[] {
  const byPerson = new Map<string, AssignmentLike[]>();
  for (const a of assignments) {
    if (!overlapsYear(a, year)) continue;
    const list = byPerson.get(a.personId) ?? [];
    list.push(a);
    byPerson.set(a.personId, list);
  }
  return [...byPerson.entries()].map(([personId, list]) => {
    const last = [...list].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0)).at(-1)!;
    return { personId, months: monthsInOffice(list, year), lastAssignmentId: last.id };
  });
}
