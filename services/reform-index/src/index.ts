import 'reflect-metadata';
import { startSubgraph, type SubgraphDefinition, type SubgraphRunOptions } from 'subgraph-kit';
import { Assessment } from './entities/assessment.entity.js';
import { CriteriaSet } from './entities/criteria-set.entity.js';
import { OrganizationRef, organizationRef } from './entities/refs.js';
import { Publication } from './entities/publication.entity.js';
import { migrations } from './migrations/index.js';
import { AreaMonitoringResolver } from './resolvers/area-monitoring.resolver.js';
import { AssessmentResolver, visibleAssessment } from './resolvers/assessment.resolver.js';
import { CriteriaSetResolver } from './resolvers/criteria-set.resolver.js';
import { OrganizationIndexResolver } from './resolvers/organization-index.resolver.js';
import { PublicationResolver } from './resolvers/publication.resolver.js';
import { WorkflowResolver } from './resolvers/workflow.resolver.js';
import { seedReformIndex } from './seed/seed.js';
import { loadAssessment, loadCriteriaSet } from './loaders.js';

export const reformIndexSubgraph: SubgraphDefinition = {
  name: 'reform-index',
  entities: [CriteriaSet, Assessment, Publication],
  resolvers: [CriteriaSetResolver, AssessmentResolver, WorkflowResolver, PublicationResolver, AreaMonitoringResolver, OrganizationIndexResolver],
  // Federated types this subgraph only extends: type-graphql emits only types reachable from a root field.
  orphanedTypes: [OrganizationRef],
  referenceResolvers: {
    Organization: (ref) => organizationRef(ref.id),
    Assessment: async (ref, ctx) => visibleAssessment(ctx, await loadAssessment(ctx, ref.id), false),
    CriteriaSet: (ref, ctx) => loadCriteriaSet(ctx, ref.id),
  },
  migrations,
  seed: seedReformIndex,
};

export function createReformIndexSubgraph(options: SubgraphRunOptions) {
  return startSubgraph(reformIndexSubgraph, options);
}
