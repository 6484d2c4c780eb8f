import 'reflect-metadata';
import { startSubgraph, type SubgraphDefinition, type SubgraphRunOptions } from 'subgraph-kit';
import { HeadEvaluation } from './entities/head-evaluation.entity.js';
import { OrganizationRef, organizationRef } from './entities/organization-ref.js';
import { migrations } from './migrations/index.js';
import { HeadEvaluationResolver, loadHeadEvaluation } from './resolvers/head-evaluation.resolver.js';
import { OrganizationEvaluationsResolver } from './resolvers/organization-evaluations.resolver.js';
import { seedEvaluations } from './seed/seed.js';

export const evaluationsSubgraph: SubgraphDefinition = {
  name: 'evaluations',
  entities: [HeadEvaluation],
  resolvers: [HeadEvaluationResolver, OrganizationEvaluationsResolver],
  // Federated types this subgraph only extends: type-graphql emits only types reachable from a root field.
  orphanedTypes: [OrganizationRef],
  referenceResolvers: {
    Organization: (ref) => organizationRef(ref.id),
    HeadEvaluation: (ref, ctx) => loadHeadEvaluation(ctx, ref.id),
  },
  migrations,
  seed: seedEvaluations,
};

export function createEvaluationsSubgraph(options: SubgraphRunOptions) {
  return startSubgraph(evaluationsSubgraph, options);
}
