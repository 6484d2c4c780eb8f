/** Calendar-day arithmetic on ISO `YYYY-MM-DD` strings (no time zone: a decision is dated by its day). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface Period {
  validFrom: string;
  validTo: string | null;
}

/** True when the organization exists on that day (both ends inclusive). */
export function isActiveOn(period: Period, day: string): boolean {
  return period.validFrom <= day && (period.validTo === null || period.validTo >= day);
}

/** Today in Hải Phòng (UTC+7), the default day of "who heads it". */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
