import { byKey, notFound, type KitContext } from 'subgraph-kit';
import { Assessment } from './entities/assessment.entity.js';
import { CriteriaSet } from './entities/criteria-set.entity.js';
import { Publication } from './entities/publication.entity.js';

/** Batched lookups: one SQL statement per lookup path per request, whatever the number of rows. */
export function loadCriteriaSet(ctx: KitContext, id: string): Promise<CriteriaSet | null> {
  return ctx.loaders
    .get<string, CriteriaSet | null>('criteriaSet:byId', async (ids) => byKey(ids, await ctx.em.find(CriteriaSet, { id: { $in: [...ids] } }), (s) => s.id))
    .load(id);
}

export async function criteriaSetOf(ctx: KitContext, assessment: Assessment): Promise<CriteriaSet> {
  const set = await loadCriteriaSet(ctx, assessment.criteriaSetId);
  if (!set) throw notFound('CriteriaSet', assessment.criteriaSetId);
  return set;
}

export function loadAssessment(ctx: KitContext, id: string): Promise<Assessment | null> {
  return ctx.loaders
    .get<string, Assessment | null>('assessment:byId', async (ids) => byKey(ids, await ctx.em.find(Assessment, { id: { $in: [...ids] } }), (a) => a.id))
    .load(id);
}

export function loadPublication(ctx: KitContext, id: string): Promise<Publication | null> {
  return ctx.loaders
    .get<string, Publication | null>('publication:byId', async (ids) => byKey(ids, await ctx.em.find(Publication, { id: { $in: [...ids] } }), (p) => p.id))
    .load(id);
}
