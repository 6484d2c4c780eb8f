import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { KitContext } from 'subgraph-kit';
import { HeadAssignment } from '../entities/head-assignment.entity.js';
import { Organization } from '../entities/organization.entity.js';
import { Person } from '../entities/person.entity.js';
import { loadOrganization, loadPerson } from '../loaders.js';

@Resolver(() => HeadAssignment)
export class HeadAssignmentResolver {
  @FieldResolver(() => Person)
  person(@Root() assignment: HeadAssignment, @Ctx() ctx: KitContext) {
    return loadPerson(ctx, assignment.person.id);
  }

  @FieldResolver(() => Organization)
  organization(@Root() assignment: HeadAssignment, @Ctx() ctx: KitContext) {
    return loadOrganization(ctx, assignment.organization.id);
  }
}
