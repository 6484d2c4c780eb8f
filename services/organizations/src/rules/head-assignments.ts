import { addDays } from './dates.js';

export interface AssignmentPeriod {
  id: string;
  startDate: string;
  endDate: string | null;
}

export type AppointmentPlan =
  | { ok: true; close: { id: string; endDate: string } | null }
  | { ok: false; overlapping: AssignmentPeriod };

/**
 * A new head starts on `startDate`: the assignment in office the day before ends that day; an assignment that starts
 * on or after `startDate` would overlap (one organization has one head on any day), so the appointment is refused.
 */
export function planAppointment(existing: readonly AssignmentPeriod[], startDate: string): AppointmentPlan {
  const later = existing.find((a) => a.startDate >= startDate);
  if (later) return { ok: false, overlapping: later };
  const covering = existing.filter((a) => a.endDate === null || a.endDate >= startDate);
  if (covering.length > 1) return { ok: false, overlapping: covering[1]! };
  const current = covering[0];
  return { ok: true, close: current ? { id: current.id, endDate: addDays(startDate, -1) } : null };
}

/** Who headed it on `day`: the assignment covering that day (there is at most one). */
export function headOn<A extends AssignmentPeriod>(assignments: readonly A[], day: string): A | null {
  let found: A | null = null;
  for (const a of assignments) {
    if (a.startDate <= day && (a.endDate === null || a.endDate >= day) && (!found || a.startDate > found.startDate)) found = a;
  }
  return found;
}

/** Ending an assignment: not before it starts, not after the organization closes, not twice. */
export function checkEnd(assignment: AssignmentPeriod, endDate: string, organizationValidTo: string | null): { field: string; message: string; conflict?: boolean } | null {
  if (assignment.endDate !== null) return { field: 'id', message: `the assignment already ended on ${assignment.endDate}`, conflict: true };
  if (endDate < assignment.startDate) return { field: 'endDate', message: `must not be before the start date ${assignment.startDate}` };
  if (organizationValidTo !== null && endDate > organizationValidTo) return { field: 'endDate', message: `must not be after the organization closed on ${organizationValidTo}` };
  return null;
}
