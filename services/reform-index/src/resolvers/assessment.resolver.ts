import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { byKey, type KitContext } from 'subgraph-kit';
import { Assessment } from '../entities/assessment.entity.js';
import { OrganizationRef, organizationRef } from '../entities/organization-ref.js';

export function loadAssessment(ctx: KitContext, id: string) {
  return ctx.loaders
    .get<string, Assessment | null>('assessment:byId', async (ids) => byKey(ids as string[], await ctx.em.find(Assessment, { id: { $in: [...ids] } }), (a) => a.id))
    .load(id);
}

@Resolver(() => Assessment)
export class AssessmentResolver {
  @Query(() => Assessment, { nullable: true })
  assessment(@Arg('id', () => ID) id: string, @Ctx() ctx: KitContext) {
    return loadAssessment(ctx, id);
  }

  @FieldResolver(() => OrganizationRef)
  organization(@Root() assessment: Assessment) {
    return organizationRef(assessment.organizationId);
  }
}
