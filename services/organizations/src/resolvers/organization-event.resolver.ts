import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { KitContext } from 'subgraph-kit';
import { Organization } from '../entities/organization.entity.js';
import { OrganizationEvent } from '../entities/organization-event.entity.js';
import { loadOrganizations } from '../loaders.js';

@Resolver(() => OrganizationEvent)
export class OrganizationEventResolver {
  @FieldResolver(() => [Organization])
  predecessors(@Root() event: OrganizationEvent, @Ctx() ctx: KitContext) {
    return loadOrganizations(ctx, event.predecessorIds);
  }

  @FieldResolver(() => [Organization])
  successors(@Root() event: OrganizationEvent, @Ctx() ctx: KitContext) {
    return loadOrganizations(ctx, event.successorIds);
  }
}
