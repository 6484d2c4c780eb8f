import { registerEnumType } from 'type-graphql';

/** The contract's enums; CompletionLevel and the statuses are shared in spelling with every client. */
export enum CompletionLevel {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  COMPLETED = 'COMPLETED',
  NOT_COMPLETED = 'NOT_COMPLETED',
}
registerEnumType(CompletionLevel, { name: 'CompletionLevel' });

export enum EvaluationStatus {
  PROPOSED = 'PROPOSED',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}
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
