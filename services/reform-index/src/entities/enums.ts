import { registerEnumType } from 'type-graphql';

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

export enum AssessmentStatus {
  DRAFT = 'DRAFT',
  SELF_ASSESSED = 'SELF_ASSESSED',
  UNDER_APPRAISAL = 'UNDER_APPRAISAL',
  EXPLANATION_REQUESTED = 'EXPLANATION_REQUESTED',
  APPRAISED = 'APPRAISED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(AssessmentStatus, { name: 'AssessmentStatus' });
