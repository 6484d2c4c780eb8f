import { addDays, type Period } from './dates.js';

export type EventKind = 'ESTABLISH' | 'RENAME' | 'MERGE' | 'SPLIT' | 'RECLASSIFY' | 'DISSOLVE';

/** A refusal naming the offending input field. */
export interface Refusal {
  field: string;
  message: string;
}

/**
 * What each kind of event must look like: how many predecessors and successors, and whether a predecessor may
 * continue as the successor (only a merge may keep one: absorption, as Sở Tài chính absorbing Sở Kế hoạch và
 * Đầu tư in 2025). `successorIds` are existing organizations, `newSuccessors` the number created by the event.
 */
export function checkEventShape(kind: EventKind, predecessorIds: string[], successorIds: string[], newSuccessors: number): Refusal | null {
  const duplicate = (ids: string[]) => ids.findIndex((id, i) => ids.indexOf(id) !== i);
  const dp = duplicate(predecessorIds);
  if (dp >= 0) return { field: `input.predecessorIds[${dp}]`, message: 'names the same organization twice' };
  const ds = duplicate(successorIds);
  if (ds >= 0) return { field: `input.successorIds[${ds}]`, message: 'names the same organization twice' };
  const preds = predecessorIds.length;
  const succs = successorIds.length + newSuccessors;
  const need = (ok: boolean, field: string, message: string) => (ok ? null : { field, message });
  const shape =
    kind === 'ESTABLISH' ? need(preds === 0, 'input.predecessorIds', 'an establishment has no predecessors') ?? need(succs >= 1, 'input.successors', 'an establishment needs at least one successor')
    : kind === 'DISSOLVE' ? need(preds >= 1, 'input.predecessorIds', 'a dissolution needs at least one predecessor') ?? need(succs === 0, 'input.successors', 'a dissolution has no successors')
    : kind === 'MERGE' ? need(preds >= 2, 'input.predecessorIds', 'a merger needs at least two predecessors') ?? need(succs === 1, 'input.successors', 'a merger has exactly one successor')
    : kind === 'SPLIT' ? need(preds === 1, 'input.predecessorIds', 'a split has exactly one predecessor') ?? need(succs >= 2, 'input.successors', 'a split needs at least two successors')
    : need(preds === 1, 'input.predecessorIds', `a ${kind.toLowerCase()} has exactly one predecessor`) ?? need(succs === 1, 'input.successors', `a ${kind.toLowerCase()} has exactly one successor`);
  if (shape) return shape;
  const continuing = successorIds.findIndex((id) => predecessorIds.includes(id));
  if (continuing >= 0 && kind !== 'MERGE') {
    return { field: `input.successorIds[${continuing}]`, message: 'an organization cannot be its own successor (only a merger may absorb its predecessors)' };
  }
  return null;
}

/**
 * A predecessor must still exist when the event takes effect: not closed already, and the effective date after its
 * first day (it is closed the day before, which must fall inside its validity), and not before an event already
 * recorded for it (history is written in order and never moves).
 */
export function checkPredecessor(predecessor: Period & { code: string }, index: number, effectiveDate: string, lastEventDate: string | null): Refusal | null {
  if (predecessor.validTo !== null) {
    return { field: `input.predecessorIds[${index}]`, message: `${predecessor.code} was already closed on ${predecessor.validTo}` };
  }
  if (effectiveDate <= predecessor.validFrom) {
    return { field: 'input.effectiveDate', message: `must be after ${predecessor.code}'s first day ${predecessor.validFrom}` };
  }
  if (lastEventDate !== null && effectiveDate < lastEventDate) {
    return { field: 'input.effectiveDate', message: `${predecessor.code} already has an event dated ${lastEventDate}; history is recorded in order` };
  }
  return null;
}

/** An existing successor that is not a predecessor must exist on the effective date and still be open. */
export function checkExistingSuccessor(successor: Period & { code: string }, index: number, effectiveDate: string): Refusal | null {
  if (successor.validTo !== null) return { field: `input.successorIds[${index}]`, message: `${successor.code} was closed on ${successor.validTo}` };
  if (successor.validFrom > effectiveDate) return { field: `input.successorIds[${index}]`, message: `${successor.code} starts on ${successor.validFrom}, after the event` };
  return null;
}

/**
 * No organization may become its own ancestor through the predecessor chain: a successor must not be one of the
 * predecessors' lineage ancestors (the predecessors themselves included), except the one a merger keeps.
 */
export function checkLineage(successorIds: string[], lineageOfPredecessors: ReadonlySet<string>, continuingIds: ReadonlySet<string>): Refusal | null {
  const index = successorIds.findIndex((id) => !continuingIds.has(id) && lineageOfPredecessors.has(id));
  if (index < 0) return null;
  return { field: `input.successorIds[${index}]`, message: 'is already an ancestor of a predecessor: the event would make it its own ancestor' };
}

/** The plan of an event: which predecessors close (the day before) and which continue (merger absorption). */
export function planEvent(predecessorIds: string[], successorIds: string[], effectiveDate: string) {
  const continuing = predecessorIds.filter((id) => successorIds.includes(id));
  return {
    closing: predecessorIds.filter((id) => !continuing.includes(id)),
    continuing,
    closeOn: addDays(effectiveDate, -1),
  };
}
