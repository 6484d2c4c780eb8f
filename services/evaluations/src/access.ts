import { hasRole, hasScope, isCityChair, isHeadOf, type KitContext } from 'subgraph-kit';
import { EvaluationStatus } from './entities/enums.js';
import type { HeadEvaluation } from './entities/head-evaluation.entity.js';

/**
 * Who may do and see what with an evaluation. "The head of X" and "the City Chairman" are confirmed through the
 * organizations data (the kit's isHeadOf / isCityChair, one lookup per request); "the evaluated head" is the
 * evaluation's person, whether or not they still head anything; Home Affairs rests on the token.
 */

/** HOME_AFFAIRS for a block the city committee owns; the owner's head for a block a department or district runs. */
export const isBlockAdministrator = async (ctx: KitContext, e: Pick<HeadEvaluation, 'blockOwnerId' | 'blockOwnedByCity'>) =>
  e.blockOwnedByCity ? hasRole(ctx.caller, 'HOME_AFFAIRS') : isHeadOf(ctx, e.blockOwnerId);

/** The evaluator: the head of the evaluator organization (the City Chairman for the city's), or whoever decided in its place. */
export const isEvaluator = async (ctx: KitContext, e: Pick<HeadEvaluation, 'evaluatorOrganizationId' | 'evaluatorIsCityCommittee' | 'decidingOrganizationId'>) =>
  (await isHeadOf(ctx, e.evaluatorOrganizationId))
  || (e.evaluatorIsCityCommittee && (await isCityChair(ctx)))
  || (e.decidingOrganizationId !== null && isHeadOf(ctx, e.decidingOrganizationId));

export const isEvaluatedHead = (ctx: KitContext, e: Pick<HeadEvaluation, 'personId'>) => ctx.caller.sub !== null && ctx.caller.sub === e.personId;

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
