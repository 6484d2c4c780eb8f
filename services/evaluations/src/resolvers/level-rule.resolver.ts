import { LockMode } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertVersion, badInput, conflict, forbidden, isUuid, notFound, openTransaction, type KitContext } from 'subgraph-kit';
import { toHundredths } from 'shared-rules';
import { LevelRule } from '../entities/level-rule.entity.js';
import { CompletionLevel } from '../entities/enums.js';
import { OrganizationRef, organizationRef } from '../entities/refs.js';
import { HeadEvaluation } from '../entities/head-evaluation.entity.js';
import { LevelRuleInput } from '../inputs/level-rule.input.js';
import { cityCommittee, organizationOrBadInput, snapshotOfOrg } from '../reads.js';
import { administers } from '../access.js';
import { loadEvaluationCount, loadLevelRule } from '../loaders.js';
import { bandProblems, type Band } from '../rules/levels.js';
import { changedPeriodClash, planNewPeriod, type RulePeriod } from '../rules/periods.js';

/** Checks the terms of a rule and returns them as stored (bounds in hundredths). */
function validatedTerms(input: LevelRuleInput) {
  const name = input.name.trim();
  if (!name) throw badInput('input.name', 'must not be empty');
  const problem = bandProblems(input.bands)[0];
  if (problem) throw badInput(problem.index < 0 ? 'input.bands' : `input.bands[${problem.index}]${problem.field ? `.${problem.field}` : ''}`, problem.message);
  const months = input.minMonthsInOffice ?? 6;
  if (!Number.isInteger(months) || months < 0 || months > 12) throw badInput('input.minMonthsInOffice', 'must be a whole number of months between 0 and 12');
  return {
    name,
    legalBasis: input.legalBasis?.trim() || null,
    effectiveFrom: input.effectiveFrom,
    effectiveTo: input.effectiveTo ?? null,
    bandHundredths: input.bands.map((b): Band => ({ level: b.level, minHundredths: toHundredths(b.minIndex) })),
    excellentRequiresAllDuties: input.excellentRequiresAllDuties ?? true,
    lastInBlockMaxLevel: input.lastInBlockMaxLevel ?? null,
    mitigationCeiling: input.mitigationCeiling ?? CompletionLevel.COMPLETED,
    minMonthsInOffice: months,
  };
}

/** One owner's rules with the last year each was used for (periods may not cut an evaluated year). */
async function periodsOf(ctx: KitContext, ownerId: string): Promise<{ rules: LevelRule[]; periods: RulePeriod[] }> {
  const rules = await ctx.em.find(LevelRule, { ownerId }, { orderBy: { effectiveFrom: 'asc' } });
  const used = rules.length
    ? await ctx.em.execute<{ rule_id: string; last_year: number }[]>(
      `select rule_id, max(year) as last_year from head_evaluation where rule_id in (${rules.map(() => '?').join(', ')}) group by rule_id`,
      rules.map((r) => r.id),
    )
    : [];
  const lastYear = new Map(used.map((u) => [u.rule_id, Number(u.last_year)]));
  return { rules, periods: rules.map((r) => ({ id: r.id, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, lastEvaluatedYear: lastYear.get(r.id) ?? null })) };
}

/** Serializes rule changes per owner, so two concurrent definitions cannot both pass the overlap check. */
const lockOwner = (ctx: KitContext, ownerId: string) => ctx.em.execute('select pg_advisory_xact_lock(hashtext(?))', [`level_rule:${ownerId}`]);

@Resolver(() => LevelRule)
export class LevelRuleResolver {
  /** Public: the rule behind a published level must be explainable to anyone. */
  @Query(() => [LevelRule])
  levelRules(@Arg('ownerId', () => ID, { nullable: true }) ownerId: string | null, @Ctx() ctx: KitContext) {
    if (ownerId && !isUuid(ownerId)) return [];
    return ctx.em.find(LevelRule, ownerId ? { ownerId } : {}, { orderBy: { ownerId: 'asc', effectiveFrom: 'asc' } });
  }

  @Query(() => LevelRule, { nullable: true })
  levelRule(@Arg('id', () => ID) id: string, @Ctx() ctx: KitContext) {
    return loadLevelRule(ctx, id);
  }

  @FieldResolver(() => OrganizationRef)
  owner(@Root() rule: LevelRule) {
    return organizationRef(rule.ownerId);
  }

  @FieldResolver(() => Int, { description: 'How many head evaluations used this rule; once any did, it can no longer be updated.' })
  evaluationCount(@Root() rule: LevelRule, @Ctx() ctx: KitContext) {
    return loadEvaluationCount(ctx, rule.id);
  }

  @Authorized()
  @Mutation(() => LevelRule)
  async defineLevelRule(@Arg('input', () => LevelRuleInput) input: LevelRuleInput, @Ctx() ctx: KitContext) {
    const owner = input.ownerId ? await organizationOrBadInput(ctx, input.ownerId, 'input.ownerId') : await cityCommittee(ctx);
    if (!(await administers(ctx, owner))) {
      throw forbidden(owner.kind === 'CITY_COMMITTEE' ? "Only Home Affairs defines the city's level rules" : `Only the head of ${owner.name} defines its level rules`);
    }
    const terms = validatedTerms(input);
    await openTransaction(ctx);
    await lockOwner(ctx, owner.id);
    const { rules, periods } = await periodsOf(ctx, owner.id);
    const plan = planNewPeriod(periods, terms);
    if (!plan.ok) {
      if (plan.kind === 'BACKWARDS') throw badInput('input.effectiveTo', plan.message);
      if (plan.kind === 'OVERLAP') throw badInput('input.effectiveFrom', plan.message);
      throw conflict(`input.effectiveFrom: ${plan.message}`, { field: 'input.effectiveFrom' });
    }
    if (plan.close) {
      const open = rules.find((r) => r.id === plan.close!.id)!;
      open.effectiveTo = plan.close.effectiveTo;
    }
    const rule = ctx.em.create(LevelRule, { ...terms, ownerId: owner.id, ownerSnapshot: snapshotOfOrg(owner) });
    ctx.em.persist(rule);
    return rule;
  }

  @Authorized()
  @Mutation(() => LevelRule)
  async updateLevelRule(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => LevelRuleInput) input: LevelRuleInput,
    @Ctx() ctx: KitContext,
  ) {
    const found = isUuid(id) ? await ctx.em.findOne(LevelRule, { id }) : null;
    if (!found) throw notFound('LevelRule', id, 'id');
    if (!(await administers(ctx, found.ownerSnapshot))) throw forbidden(`Only the authority that defines ${found.ownerSnapshot.name}'s level rules may change them`);
    await openTransaction(ctx);
    const rule = (await ctx.em.findOne(LevelRule, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }))!;
    if (input.ownerId && input.ownerId !== rule.ownerId) throw badInput('input.ownerId', 'a rule cannot move to another owner; define a new one');
    const used = await ctx.em.count(HeadEvaluation, { ruleId: rule.id });
    if (used > 0) throw conflict(`This rule was used by ${used} head evaluation(s) and keeps its terms; define a new rule for later years`);
    assertVersion(rule, expectedVersion, 'The level rule');
    const terms = validatedTerms(input);
    if (terms.effectiveTo !== null && terms.effectiveTo < terms.effectiveFrom) throw badInput('input.effectiveTo', 'effectiveTo is before effectiveFrom');
    await lockOwner(ctx, rule.ownerId);
    const { periods } = await periodsOf(ctx, rule.ownerId);
    const clash = changedPeriodClash(periods.filter((p) => p.id !== rule.id), terms);
    if (clash) throw badInput('input.effectiveFrom', `overlaps the rule in force ${clash.effectiveFrom}–${clash.effectiveTo ?? 'open'}`);
    Object.assign(rule, terms);
    return rule;
  }
}
