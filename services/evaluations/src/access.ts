import { hasRole, hasScope, isHeadOf, type Caller } from 'subgraph-kit';
import { EvaluationStatus } from './entities/enums.js';
import type { HeadEvaluation } from './entities/head-evaluation.entity.js';

/**
 * Who may do and see what with an evaluation. Token claims suffice for these; deciding additionally confirms,
 * through the organizations data, that the caller heads the evaluator organization on the decision day.
 */

/** HOME_AFFAIRS for a block the city committee owns; the owner's head for a block a department or district runs. */
export const isBlockAdministrator = (caller: Caller, e: Pick<HeadEvaluation, 'blockOwnerId' | 'blockOwnedByCity'>) =>
  e.blockOwnedByCity ? hasRole(caller, 'HOME_AFFAIRS') : isHeadOf(caller, e.blockOwnerId);

/** The evaluator as the token states it (the head of the evaluator organization, or whoever decided in its place). */
export const isEvaluatorByToken = (caller: Caller, e: Pick<HeadEvaluation, 'evaluatorOrganizationId' | 'evaluatorIsCityCommittee' | 'decidingOrganizationId'>) =>
  isHeadOf(caller, e.evaluatorOrganizationId)
  || (e.evaluatorIsCityCommittee && hasRole(caller, 'CITY_CHAIR'))
  || (e.decidingOrganizationId !== null && isHeadOf(caller, e.decidingOrganizationId));

export const isEvaluatedHead = (caller: Caller, e: Pick<HeadEvaluation, 'personId'>) => caller.sub !== null && caller.sub === e.personId;

/** Sees everything of the evaluation but its audit trail. */
export const seesPrivate = (caller: Caller, e: HeadEvaluation) =>
  !caller.anonymous && (hasRole(caller, 'HOME_AFFAIRS', 'CITY_CHAIR') || isEvaluatedHead(caller, e) || isEvaluatorByToken(caller, e) || isBlockAdministrator(caller, e));

/** Approved levels are public; everything else only to those involved. */
export const canRead = (caller: Caller, e: HeadEvaluation) => e.status === EvaluationStatus.APPROVED || seesPrivate(caller, e);

/** Decision comments: those involved, and partners with `evaluations:read` once approved. */
export const seesDecisionComment = (caller: Caller, e: HeadEvaluation) =>
  seesPrivate(caller, e) || (e.status === EvaluationStatus.APPROVED && hasScope(caller, 'evaluations:read'));
