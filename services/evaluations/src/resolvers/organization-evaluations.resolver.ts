import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { groupByKey, type KitContext } from 'subgraph-kit';
import { EvaluationStatus, HeadEvaluation } from '../entities/head-evaluation.entity.js';
import { OrganizationRef } from '../entities/organization-ref.js';

@Resolver(() => OrganizationRef)
export class OrganizationEvaluationsResolver {
  @FieldResolver(() => [HeadEvaluation])
  headEvaluations(@Root() org: OrganizationRef, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: KitContext) {
    return ctx.loaders
      .get<string, HeadEvaluation[]>(`headEvaluation:byOrganization:${year ?? 'all'}`, async (ids) => {
        const rows = await ctx.em.find(HeadEvaluation, {
          organizationId: { $in: [...ids] },
          status: EvaluationStatus.APPROVED,
          ...(year ? { year } : {}),
        }, { orderBy: { year: 'asc' } });
        return groupByKey(ids as string[], rows, (e) => e.organizationId);
      })
      .load(org.id);
  }
}
