import { byKey, groupByKey, uuidsOnly, type KitContext } from 'subgraph-kit';
import { HeadEvaluation } from './entities/head-evaluation.entity.js';
import { LevelRule } from './entities/level-rule.entity.js';

/**
 * Every lookup path of this subgraph, batched per request: one SQL statement per path, whatever the number of
 * rows asking (docs/architecture.md).
 */
export const EVALUATION_ORDER = { year: 'asc', block: 'asc', rank: 'asc', organizationId: 'asc', createdAt: 'asc' } as const;

export function loadHeadEvaluation(ctx: KitContext, id: string): Promise<HeadEvaluation | null> {
  return ctx.loaders
    .get<string, HeadEvaluation | null>('headEvaluation:byId', async (ids) => byKey(ids, await ctx.em.find(HeadEvaluation, { id: { $in: uuidsOnly(ids) } }), (e) => e.id))
    .load(id);
}

export function loadEvaluationsOfOrganization(ctx: KitContext, organizationId: string, year: number | null): Promise<HeadEvaluation[]> {
  return ctx.loaders
    .get<string, HeadEvaluation[]>(`headEvaluation:byOrganization:${year ?? 'all'}`, async (ids) => {
      const found = await ctx.em.find(HeadEvaluation, { organizationId: { $in: uuidsOnly(ids) }, ...(year ? { year } : {}) }, { orderBy: EVALUATION_ORDER });
      return groupByKey(ids, found, (e) => e.organizationId);
    })
    .load(organizationId);
}

export function loadEvaluationsOfAssignment(ctx: KitContext, headAssignmentId: string): Promise<HeadEvaluation[]> {
  return ctx.loaders
    .get<string, HeadEvaluation[]>('headEvaluation:byAssignment', async (ids) => {
      const found = await ctx.em.find(HeadEvaluation, { headAssignmentId: { $in: uuidsOnly(ids) } }, { orderBy: EVALUATION_ORDER });
      return groupByKey(ids, found, (e) => e.headAssignmentId);
    })
    .load(headAssignmentId);
}

export function loadLevelRule(ctx: KitContext, id: string): Promise<LevelRule | null> {
  return ctx.loaders
    .get<string, LevelRule | null>('levelRule:byId', async (ids) => byKey(ids, await ctx.em.find(LevelRule, { id: { $in: uuidsOnly(ids) } }), (r) => r.id))
    .load(id);
}

/** How many head evaluations used each rule. */
export function loadEvaluationCount(ctx: KitContext, ruleId: string): Promise<number> {
  return ctx.loaders
    .get<string, number>('levelRule:evaluationCount', async (ids) => {
      const rows = await ctx.em.execute<{ rule_id: string; n: number }[]>(
        `select rule_id, count(*)::int as n from head_evaluation where rule_id in (${ids.map(() => '?').join(', ')}) group by rule_id`, [...ids]);
      const counts = new Map(rows.map((r) => [r.rule_id, Number(r.n)]));
      return ids.map((id) => counts.get(id) ?? 0);
    })
    .load(ruleId);
}
