import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { byKey, groupByKey, type KitContext } from 'subgraph-kit';
import { Assessment, AssessmentStatus } from '../entities/assessment.entity.js';
import { OrganizationRef } from '../entities/organization-ref.js';

@Resolver(() => OrganizationRef)
export class OrganizationIndexResolver {
  @FieldResolver(() => Assessment, { nullable: true, description: 'Public only once published.' })
  reformIndex(@Root() org: OrganizationRef, @Arg('year', () => Int) year: number, @Ctx() ctx: KitContext) {
    return ctx.loaders
      .get<string, Assessment | null>(`assessment:published:${year}`, async (ids) => {
        const rows = await ctx.em.find(Assessment, { organizationId: { $in: [...ids] }, year, status: AssessmentStatus.PUBLISHED });
        return byKey(ids as string[], rows, (a) => a.organizationId);
      })
      .load(org.id);
  }

  @FieldResolver(() => [Assessment])
  assessments(@Root() org: OrganizationRef, @Ctx() ctx: KitContext) {
    return ctx.loaders
      .get<string, Assessment[]>('assessment:byOrganization', async (ids) => {
        const rows = await ctx.em.find(Assessment, { organizationId: { $in: [...ids] }, status: AssessmentStatus.PUBLISHED }, { orderBy: { year: 'asc' } });
        return groupByKey(ids as string[], rows, (a) => a.organizationId);
      })
      .load(org.id);
  }
}
