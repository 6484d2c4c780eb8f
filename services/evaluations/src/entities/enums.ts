import { registerEnumType } from 'type-graphql';
import { stringEnum } from 'subgraph-kit';
import { CompletionLevel } from '../rules/levels.js';
import { EVALUATION_STATES, type EvaluationState } from '../rules/evaluation-workflow.js';

/** The contract's enums; CompletionLevel and the statuses are shared in spelling with every client. */
export { CompletionLevel };
// The levels are the rule's own (rules/levels.ts): one spelling, no casts between the contract and the rule.
registerEnumType(CompletionLevel, { name: 'CompletionLevel' });

// The workflow rule's own states (rules/evaluation-workflow.ts).
export const EvaluationStatus = stringEnum(EVALUATION_STATES);
export type EvaluationStatus = EvaluationState;
registerEnumType(EvaluationStatus, { name: 'EvaluationStatus' });

export enum MitigationGround {
  FULL_DIRECTION_AND_MEASURES = 'FULL_DIRECTION_AND_MEASURES',
  OBJECTIVE_CAUSES = 'OBJECTIVE_CAUSES',
}
registerEnumType(MitigationGround, { name: 'MitigationGround' });

export enum ProposalStatus { PROPOSED = 'PROPOSED', ACCEPTED = 'ACCEPTED', REJECTED = 'REJECTED' }
registerEnumType(ProposalStatus, { name: 'ProposalStatus' });

export enum HandlingStatus { OPEN = 'OPEN', CLOSED = 'CLOSED' }
registerEnumType(HandlingStatus, { name: 'HandlingStatus' });

export enum ObstacleStatus { OPEN = 'OPEN', ANSWERED = 'ANSWERED', RESOLVED = 'RESOLVED' }
registerEnumType(ObstacleStatus, { name: 'ObstacleStatus' });
