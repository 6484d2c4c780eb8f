import { forbidden, hasRole, hasScope, holdsAuthority, isHeadOf, isMemberOf, type KitContext } from 'subgraph-kit';
import { blockAdministrator, blockPublisher, type BlockOwner } from 'shared-rules';
import type { Assessment } from './entities/assessment.entity.js';
import type { CriteriaSet } from './entities/criteria-set.entity.js';
import { ADMINISTRATOR_ONLY, PUBLISHER_ONLY, type AssessmentStake } from './rules/assessment-workflow.js';

/**
 * Who may do what to a block. Who administers and who publishes it is the shared rule (shared-rules,
 * block-authority.ts); whether the caller is that head or the City Chairman is confirmed through the organizations
 * data (one lookup per request), so these checks are asynchronous.
 */
type Owned = Pick<CriteriaSet, 'ownerId' | 'ownedByCity'>;
const ownerOf = (set: Owned): BlockOwner => ({ id: set.ownerId, cityOwned: set.ownedByCity });

export async function isAdministrator(ctx: KitContext, set: Owned): Promise<boolean> {
  return holdsAuthority(ctx, blockAdministrator(ownerOf(set)));
}

export async function isPublisher(ctx: KitContext, set: Owned): Promise<boolean> {
  return holdsAuthority(ctx, blockPublisher(ownerOf(set)));
}

const refusal = (text: { city: string; owner: string }, set: Owned) => (set.ownedByCity ? text.city : text.owner);

export async function requireAdministrator(ctx: KitContext, set: Owned) {
  if (!(await isAdministrator(ctx, set))) throw forbidden(refusal(ADMINISTRATOR_ONLY, set));
}

export async function requirePublisher(ctx: KitContext, set: Owned) {
  if (!(await isPublisher(ctx, set))) throw forbidden(refusal(PUBLISHER_ONLY, set));
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

/** Whether the caller holds `stake` in an assessment of `organizationId` in block `set` (rules/assessment-workflow.ts). */
async function holdsStake(ctx: KitContext, stake: AssessmentStake, organizationId: string, set: Owned): Promise<boolean> {
  switch (stake) {
    case 'UNIT_MEMBER': return isMemberOf(ctx.caller, organizationId);
    case 'UNIT_HEAD': return isHeadOf(ctx, organizationId);
    case 'APPRAISAL_COUNCIL': return hasRole(ctx.caller, 'APPRAISER');
    case 'ADMINISTRATOR': return isAdministrator(ctx, set);
    case 'PUBLISHER': return isPublisher(ctx, set);
  }
}

/**
 * The first of `wanted` the caller holds in the assessment, tried in order (token-only stakes first spare the
 * headship lookup), as the set the workflow rule takes; empty when the caller holds none.
 */
export async function stakeAmong(ctx: KitContext, wanted: readonly AssessmentStake[], assessment: Pick<Assessment, 'organizationId'>, set: Owned): Promise<Set<AssessmentStake>> {
  for (const stake of wanted) if (await holdsStake(ctx, stake, assessment.organizationId, set)) return new Set([stake]);
  return new Set();
}
