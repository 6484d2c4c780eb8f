import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { KitContext } from 'subgraph-kit';
import { Person } from '../entities/person.entity.js';
import { HeadAssignment } from '../entities/head-assignment.entity.js';
import { loadAssignmentsOfPerson, loadPerson } from '../loaders.js';

/** Heads' names, titles and periods are public (docs/architecture.md). */
@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true })
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: KitContext) {
    return loadPerson(ctx, id);
  }

  @FieldResolver(() => [HeadAssignment], { description: 'Every head assignment of this person, oldest first.' })
  assignments(@Root() person: Person, @Ctx() ctx: KitContext) {
    return loadAssignmentsOfPerson(ctx, person.id);
  }
}
