import { hasRole, hasScope, holdsAuthority, isCityChair, isHeadOf, type KitContext } from 'subgraph-kit';
import { blockAdministrator, blockOwner } from 'shared-rules';
import { EvaluationStatus } from './entities/enums.js';
import type { HeadEvaluation } from './entities/head-evaluation.entity.js';
import type { EvaluationStake } from './rules/evaluation-workflow.js';

/**
 * Who may do and see what with an evaluation. "The head of X" and "the City Chairman" are confirmed through the
 * organizations data (the kit's isHeadOf / isCityChair, one lookup per request); "the evaluated head" is the
 * evaluation's person, whether or not they still head anything; Home Affairs rests on the token.
 */

/**
 * The administrator of a block, and of an owner's level rules: Home Affairs for the city committee, the owner's head
 * otherwise (shared-rules, block-authority.ts).
 */
export const administers = (ctx: KitContext, owner: { id: string; kind: string }) => holdsAuthority(ctx, blockAdministrator(blockOwner(owner)));

/** The administrator of the block an evaluation was proposed in. */
export const isBlockAdministrator = async (ctx: KitContext, e: Pick<HeadEvaluation, 'blockOwnerId' | 'blockOwnedByCity'>) =>
  holdsAuthority(ctx, blockAdministrator({ id: e.blockOwnerId, cityOwned: e.blockOwnedByCity }));

/** The evaluator: the head of the evaluator organization (the City Chairman for the city's), or whoever decided in its place. */
export const isEvaluator = async (ctx: KitContext, e: Pick<HeadEvaluation, 'evaluatorOrganizationId' | 'evaluatorIsCityCommittee' | 'decidingOrganizationId'>) =>
  (await isHeadOf(ctx, e.evaluatorOrganizationId))
  || (e.evaluatorIsCityCommittee && (await isCityChair(ctx)))
  || (e.decidingOrganizationId !== null && isHeadOf(ctx, e.decidingOrganizationId));

export const isEvaluatedHead = (ctx: KitContext, e: Pick<HeadEvaluation, 'personId'>) => ctx.caller.sub !== null && ctx.caller.sub === e.personId;

/**
 * The first of `wanted` the caller holds in the evaluation, tried in order, as the set the workflow rule takes
 * (rules/evaluation-workflow.ts). The decider is settled by decideHeadEvaluation itself, on the decision day.
 */
export async function stakeAmong(ctx: KitContext, wanted: readonly EvaluationStake[], e: HeadEvaluation): Promise<Set<EvaluationStake>> {
  const holds: Record<Exclude<EvaluationStake, 'DECIDER'>, () => boolean | Promise<boolean>> = {
    HOME_AFFAIRS: () => hasRole(ctx.caller, 'HOME_AFFAIRS'),
    EVALUATED_HEAD: () => isEvaluatedHead(ctx, e),
    ADMINISTRATOR: () => isBlockAdministrator(ctx, e),
    EVALUATOR: () => isEvaluator(ctx, e),
  };
  for (const stake of wanted) if (stake !== 'DECIDER' && (await holds[stake]())) return new Set([stake]);
  return new Set();
}

/** Sees everything of the evaluation but its audit trail. Token-only grounds first: they never cause a lookup. */
export const seesPrivate = async (ctx: KitContext, e: HeadEvaluation) => {
  if (ctx.caller.anonymous) return false;
  if (hasRole(ctx.caller, 'HOME_AFFAIRS') || isEvaluatedHead(ctx, e)) return true;
  return (await isCityChair(ctx)) || (await isEvaluator(ctx, e)) || isBlockAdministrator(ctx, e);
};

/** Approved levels are public; everything else only to those involved. */
export const canRead = async (ctx: KitContext, e: HeadEvaluation) => e.status === EvaluationStatus.APPROVED || seesPrivate(ctx, e);

/** Decision comments: those involved, and partners with `evaluations:read` once approved. */
export const seesDecisionComment = async (ctx: KitContext, e: HeadEvaluation) =>
  (e.status === EvaluationStatus.APPROVED && hasScope(ctx.caller, 'evaluations:read')) || seesPrivate(ctx, e);

/** The rows of `rows` the caller may read, in order. */
export async function readable(ctx: KitContext, rows: HeadEvaluation[]): Promise<HeadEvaluation[]> {
  const visible = await Promise.all(rows.map((e) => canRead(ctx, e)));
  return rows.filter((_, i) => visible[i]);
}
