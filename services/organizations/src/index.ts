import 'reflect-metadata';
import { startSubgraph, type SubgraphDefinition, type SubgraphRunOptions } from 'subgraph-kit';
import { Organization } from './entities/organization.entity.js';
import { migrations } from './migrations/index.js';
import { OrganizationResolver, loadOrganization } from './resolvers/organization.resolver.js';
import { OrganizationMutationResolver } from './resolvers/organization-mutation.resolver.js';
import { seedOrganizations } from './seed/seed.js';

export const organizationsSubgraph: SubgraphDefinition = {
  name: 'organizations',
  entities: [Organization],
  resolvers: [OrganizationResolver, OrganizationMutationResolver],
  referenceResolvers: {
    Organization: (ref, ctx) => loadOrganization(ctx, ref.id),
  },
  migrations,
  seed: seedOrganizations,
};

export function createOrganizationsSubgraph(options: SubgraphRunOptions) {
  return startSubgraph(organizationsSubgraph, options);
}
