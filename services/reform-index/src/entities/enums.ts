import { registerEnumType } from 'type-graphql';
import { stringEnum } from 'subgraph-kit';
import { ASSESSMENT_STATES, type AssessmentState } from '../rules/assessment-workflow.js';

export enum ScoringMethod {
  SELF_ASSESSED = 'SELF_ASSESSED',
  SURVEY = 'SURVEY',
}
registerEnumType(ScoringMethod, { name: 'ScoringMethod' });

export enum NotApplicablePolicy {
  EXCLUDE_FROM_MAX = 'EXCLUDE_FROM_MAX',
  FULL_POINTS = 'FULL_POINTS',
  ZERO = 'ZERO',
}
registerEnumType(NotApplicablePolicy, { name: 'NotApplicablePolicy' });

export enum CriteriaSetStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
}
registerEnumType(CriteriaSetStatus, { name: 'CriteriaSetStatus' });

// The workflow rule's own states (rules/assessment-workflow.ts).
export const AssessmentStatus = stringEnum(ASSESSMENT_STATES);
export type AssessmentStatus = AssessmentState;
registerEnumType(AssessmentStatus, { name: 'AssessmentStatus' });
