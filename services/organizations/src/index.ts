import 'reflect-metadata';
import { startSubgraph, type SubgraphDefinition, type SubgraphRunOptions } from 'subgraph-kit';
import { Organization } from './entities/organization.entity.js';
import { Person } from './entities/person.entity.js';
import { HeadAssignment } from './entities/head-assignment.entity.js';
import { OrganizationEvent } from './entities/organization-event.entity.js';
import { migrations } from './migrations/index.js';
import { OrganizationResolver } from './resolvers/organization.resolver.js';
import { OrganizationEventResolver } from './resolvers/organization-event.resolver.js';
import { PersonResolver } from './resolvers/person.resolver.js';
import { HeadAssignmentResolver } from './resolvers/head-assignment.resolver.js';
import { OrganizationMutationResolver } from './resolvers/mutation.resolver.js';
import { loadAssignment, loadOrganization, loadPerson } from './loaders.js';
import { seedOrganizations } from './seed/seed.js';

export const organizationsSubgraph: SubgraphDefinition = {
  name: 'organizations',
  entities: [Organization, Person, HeadAssignment, OrganizationEvent],
  resolvers: [OrganizationResolver, OrganizationEventResolver, PersonResolver, HeadAssignmentResolver, OrganizationMutationResolver],
  // Batched: the gateway's _entities call for N references runs one statement per type.
  referenceResolvers: {
    Organization: (ref, ctx) => loadOrganization(ctx, ref.id),
    Person: (ref, ctx) => loadPerson(ctx, ref.id),
    HeadAssignment: (ref, ctx) => loadAssignment(ctx, ref.id),
  },
  migrations,
  seed: seedOrganizations,
};

export function createOrganizationsSubgraph(options: SubgraphRunOptions) {
  return startSubgraph(organizationsSubgraph, options);
}

export { SEEDED_HEADS, SEEDED_PERSONS, seededAssignmentId, seededOrganizationId, seededPersonId } from './seed/heads.js';
