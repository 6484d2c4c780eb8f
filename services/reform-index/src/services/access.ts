import { forbidden, hasRole, hasScope, isCityChair, isHeadOf, isMemberOf, type KitContext } from 'subgraph-kit';
import type { Assessment } from '../entities/assessment.entity.js';
import type { CriteriaSet } from '../entities/criteria-set.entity.js';

/**
 * Who may do what to a block (see the contract's comments). A city block is administered by Home Affairs and
 * published by the City Chairman; a block a department or district runs for its own units is administered and
 * published by that organization's head. "Head" and "City Chairman" are confirmed through the organizations data
 * (the kit's isHeadOf / isCityChair: one lookup per request), so these checks are asynchronous.
 */
type Owned = Pick<CriteriaSet, 'ownerId' | 'ownerKind'>;
const cityOwned = (set: Owned) => set.ownerKind === 'CITY_COMMITTEE';

export async function isAdministrator(ctx: KitContext, set: Owned): Promise<boolean> {
  return cityOwned(set) ? hasRole(ctx.caller, 'HOME_AFFAIRS') : isHeadOf(ctx, set.ownerId);
}

export async function isPublisher(ctx: KitContext, set: Owned): Promise<boolean> {
  return cityOwned(set) ? isCityChair(ctx) : isHeadOf(ctx, set.ownerId);
}

/** The appraisal council (APPRAISER) works on every block; so does the block's administrator. */
export async function isAppraiser(ctx: KitContext, set: Owned): Promise<boolean> {
  return hasRole(ctx.caller, 'APPRAISER') || isAdministrator(ctx, set);
}

export async function requireAdministrator(ctx: KitContext, set: Owned) {
  if (!(await isAdministrator(ctx, set))) throw forbidden(cityOwned(set) ? 'Only Home Affairs administers this block' : "Only the head of the block's owner administers this block");
}

export async function requirePublisher(ctx: KitContext, set: Owned) {
  if (!(await isPublisher(ctx, set))) throw forbidden(cityOwned(set) ? 'Only the City Chairman publishes this block' : "Only the head of the block's owner publishes this block");
}

export async function requireAppraiser(ctx: KitContext, set: Owned) {
  if (!(await isAppraiser(ctx, set))) throw forbidden('Only the appraisal council or the block administrator appraises');
}

/**
 * Unpublished results: the unit's own people, the block's administrator and publisher, the appraisal council and
 * Home Affairs (the reform secretariat). Never another unit. The token-only grounds are tried first, so the unit's
 * own people and the council never cause a lookup.
 */
export async function canReadUnpublished(ctx: KitContext, assessment: Pick<Assessment, 'organizationId'>, set: Owned): Promise<boolean> {
  const caller = ctx.caller;
  if (hasRole(caller, 'HOME_AFFAIRS', 'APPRAISER') || isMemberOf(caller, assessment.organizationId)) return true;
  return (await isAdministrator(ctx, set)) || isPublisher(ctx, set);
}

/** Per-criterion scores of a published assessment: those who could read it before, and partners with the scope. */
export async function canReadPublishedScores(ctx: KitContext, assessment: Pick<Assessment, 'organizationId'>, set: Owned): Promise<boolean> {
  return hasScope(ctx.caller, 'reform-index:read') || canReadUnpublished(ctx, assessment, set);
}
