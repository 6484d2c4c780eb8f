import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { byKey, groupByKey, type KitContext } from 'subgraph-kit';
import { Assessment, AssessmentStatus } from '../entities/assessment.entity.js';
import { OrganizationRef } from '../entities/refs.js';
import { canReadUnpublished } from '../access.js';
import { criteriaSetOf } from '../loaders.js';

/** The organizations subgraph's Organization, extended with its index results (batched per request). */
@Resolver(() => OrganizationRef)
export class OrganizationIndexResolver {
  @FieldResolver(() => Assessment, { nullable: true, description: 'Public only once published.' })
  reformIndex(@Root() org: OrganizationRef, @Arg('year', () => Int) year: number, @Ctx() ctx: KitContext) {
    return ctx.loaders
      .get<string, Assessment | null>(`assessment:published:${year}`, async (ids) => {
        const rows = await ctx.em.find(Assessment, { organizationId: { $in: [...ids] }, year, status: AssessmentStatus.PUBLISHED });
        return byKey(ids, rows, (a) => a.organizationId);
      })
      .load(org.id);
  }

  @FieldResolver(() => [Assessment], { description: 'Published ones for everyone; unpublished ones to those who may read them.' })
  async assessments(@Root() org: OrganizationRef, @Ctx() ctx: KitContext) {
    const all = await ctx.loaders
      .get<string, Assessment[]>('assessment:byOrganization', async (ids) => {
        const rows = await ctx.em.find(Assessment, { organizationId: { $in: [...ids] } }, { orderBy: { year: 'asc' } });
        return groupByKey(ids, rows, (a) => a.organizationId);
      })
      .load(org.id);
    const visible = await Promise.all(all.map(async (a) => a.status === AssessmentStatus.PUBLISHED || canReadUnpublished(ctx, a, await criteriaSetOf(ctx, a))));
    return all.filter((_, i) => visible[i]);
  }
}
