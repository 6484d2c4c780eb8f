import { forbidden, hasRole, hasScope, isHeadOf, isMemberOf, type Caller } from 'subgraph-kit';
import type { Assessment } from '../entities/assessment.entity.js';
import type { CriteriaSet } from '../entities/criteria-set.entity.js';

/**
 * Who may do what to a block (see the contract's comments). A city block is administered by Home Affairs and
 * published by the City Chairman; a block a department or district runs for its own units is administered and
 * published by that organization's head.
 */
type Owned = Pick<CriteriaSet, 'ownerId' | 'ownerKind'>;
const cityOwned = (set: Owned) => set.ownerKind === 'CITY_COMMITTEE';

export function isAdministrator(caller: Caller, set: Owned): boolean {
  return cityOwned(set) ? hasRole(caller, 'HOME_AFFAIRS') : isHeadOf(caller, set.ownerId);
}

export function isPublisher(caller: Caller, set: Owned): boolean {
  return cityOwned(set) ? hasRole(caller, 'CITY_CHAIR') : isHeadOf(caller, set.ownerId);
}

/** The appraisal council (APPRAISER) works on every block; so does the block's administrator. */
export function isAppraiser(caller: Caller, set: Owned): boolean {
  return hasRole(caller, 'APPRAISER') || isAdministrator(caller, set);
}

export function requireAdministrator(caller: Caller, set: Owned) {
  if (!isAdministrator(caller, set)) throw forbidden(cityOwned(set) ? 'Only Home Affairs administers this block' : "Only the head of the block's owner administers this block");
}

export function requirePublisher(caller: Caller, set: Owned) {
  if (!isPublisher(caller, set)) throw forbidden(cityOwned(set) ? 'Only the City Chairman publishes this block' : "Only the head of the block's owner publishes this block");
}

export function requireAppraiser(caller: Caller, set: Owned) {
  if (!isAppraiser(caller, set)) throw forbidden('Only the appraisal council or the block administrator appraises');
}

/**
 * Unpublished results: the unit's own people, the block's administrator and publisher, the appraisal council and
 * Home Affairs (the reform secretariat). Never another unit.
 */
export function canReadUnpublished(caller: Caller, assessment: Pick<Assessment, 'organizationId'>, set: Owned): boolean {
  return hasRole(caller, 'HOME_AFFAIRS', 'APPRAISER') || isAdministrator(caller, set) || isPublisher(caller, set) || isMemberOf(caller, assessment.organizationId);
}

/** Per-criterion scores of a published assessment: those who could read it before, and partners with the scope. */
export function canReadPublishedScores(caller: Caller, assessment: Pick<Assessment, 'organizationId'>, set: Owned): boolean {
  return canReadUnpublished(caller, assessment, set) || hasScope(caller, 'reform-index:read');
}
