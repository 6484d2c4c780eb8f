import 'reflect-metadata';
import { startSubgraph, type SubgraphDefinition, type SubgraphRunOptions } from 'subgraph-kit';
import { Assessment } from './entities/assessment.entity.js';
import { OrganizationRef, organizationRef } from './entities/organization-ref.js';
import { migrations } from './migrations/index.js';
import { AssessmentResolver, loadAssessment } from './resolvers/assessment.resolver.js';
import { OrganizationIndexResolver } from './resolvers/organization-index.resolver.js';
import { seedReformIndex } from './seed/seed.js';

export const reformIndexSubgraph: SubgraphDefinition = {
  name: 'reform-index',
  entities: [Assessment],
  resolvers: [AssessmentResolver, OrganizationIndexResolver],
  // Federated types this subgraph only extends: type-graphql emits only types reachable from a root field.
  orphanedTypes: [OrganizationRef],
  referenceResolvers: {
    Organization: (ref) => organizationRef(ref.id),
    Assessment: (ref, ctx) => loadAssessment(ctx, ref.id),
  },
  migrations,
  seed: seedReformIndex,
};

export function createReformIndexSubgraph(options: SubgraphRunOptions) {
  return startSubgraph(reformIndexSubgraph, options);
}
