import 'reflect-metadata';
import { startSubgraph, type SubgraphDefinition, type SubgraphRunOptions } from 'subgraph-kit';
import { HeadEvaluation } from './entities/head-evaluation.entity.js';
import { LevelRule } from './entities/level-rule.entity.js';
import { CommendationProposal, HandlingCase, ObstacleReport } from './entities/follow-up.entity.js';
import { HeadAssignmentRef, OrganizationRef, headAssignmentRef, organizationRef } from './entities/refs.js';
import { migrations } from './migrations/index.js';
// Level rules first: the printed schema lists their fields first (schema/ is committed and compared).
import { LevelRuleResolver } from './resolvers/level-rule.resolver.js';
import {
  HeadAssignmentEvaluationsResolver, HeadEvaluationResolver, OrganizationEvaluationsResolver, resolveHeadEvaluationReference,
} from './resolvers/head-evaluation.resolver.js';
import { EvaluationWorkflowResolver } from './resolvers/evaluation-workflow.resolver.js';
import { loadLevelRule } from './loaders.js';
import { AnnualSummaryResolver, CommendationResolver, HandlingCaseResolver, ObstacleResolver } from './resolvers/follow-up.resolver.js';
import { seedEvaluations } from './seed/seed.js';

export const evaluationsSubgraph: SubgraphDefinition = {
  name: 'evaluations',
  entities: [LevelRule, HeadEvaluation, CommendationProposal, HandlingCase, ObstacleReport],
  resolvers: [
    LevelRuleResolver, HeadEvaluationResolver, EvaluationWorkflowResolver, OrganizationEvaluationsResolver, HeadAssignmentEvaluationsResolver,
    AnnualSummaryResolver, CommendationResolver, HandlingCaseResolver, ObstacleResolver,
  ],
  // Federated types this subgraph only extends: type-graphql emits only types reachable from a root field.
  orphanedTypes: [OrganizationRef, HeadAssignmentRef],
  referenceResolvers: {
    Organization: (ref) => organizationRef(ref.id),
    HeadAssignment: (ref) => headAssignmentRef(ref.id),
    HeadEvaluation: (ref, ctx) => resolveHeadEvaluationReference(ctx, ref.id),
    LevelRule: (ref, ctx) => loadLevelRule(ctx, ref.id),
  },
  migrations,
  seed: seedEvaluations,
};

export function createEvaluationsSubgraph(options: SubgraphRunOptions) {
  return startSubgraph(evaluationsSubgraph, options);
}
