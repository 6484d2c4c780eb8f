import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { byKey, type KitContext } from 'subgraph-kit';
import { HeadEvaluation } from '../entities/head-evaluation.entity.js';

export function loadHeadEvaluation(ctx: KitContext, id: string) {
  return ctx.loaders
    .get<string, HeadEvaluation | null>('headEvaluation:byId', async (ids) => byKey(ids as string[], await ctx.em.find(HeadEvaluation, { id: { $in: [...ids] } }), (e) => e.id))
    .load(id);
}

@Resolver(() => HeadEvaluation)
export class HeadEvaluationResolver {
  @Query(() => HeadEvaluation, { nullable: true })
  headEvaluation(@Arg('id', () => ID) id: string, @Ctx() ctx: KitContext) {
    return loadHeadEvaluation(ctx, id);
  }
}
