import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AuditRecord, loadAuditTrail, type KitContext } from 'subgraph-kit';
import { HeadEvaluation, Mitigation } from '../entities/head-evaluation.entity.js';
import { CompletionLevel, EvaluationStatus } from '../entities/enums.js';
import { LevelRule } from '../entities/level-rule.entity.js';
import { HeadAssignmentRef, OrganizationRef, headAssignmentRef, organizationRef } from '../entities/refs.js';
import { canRead, readable, seesDecisionComment, seesPrivate } from '../access.js';
import { EVALUATION_ORDER, loadEvaluationsOfAssignment, loadEvaluationsOfOrganization, loadHeadEvaluation, loadLevelRule } from '../loaders.js';

/** The federation entry point: unreadable evaluations resolve to null like unknown ones. */
export async function resolveHeadEvaluationReference(ctx: KitContext, id: string) {
  const e = await loadHeadEvaluation(ctx, id);
  return e && (await canRead(ctx, e)) ? e : null;
}

@Resolver(() => HeadEvaluation)
export class HeadEvaluationResolver {
  @Query(() => HeadEvaluation, { nullable: true })
  async headEvaluation(@Arg('id', () => ID) id: string, @Ctx() ctx: KitContext) {
    return resolveHeadEvaluationReference(ctx, id);
  }

  /** Every caller gets the evaluations they may read: approved ones for everyone, the rest to those involved. */
  @Query(() => [HeadEvaluation])
  async headEvaluations(
    @Arg('year', () => Int) year: number,
    @Arg('status', () => EvaluationStatus, { nullable: true }) status: EvaluationStatus | null,
    @Arg('level', () => CompletionLevel, { nullable: true }) level: CompletionLevel | null,
    @Ctx() ctx: KitContext,
  ) {
    const rows = await ctx.em.find(HeadEvaluation, {
      year,
      ...(status ? { status } : {}),
      ...(level ? { finalLevel: level } : {}),
      ...(ctx.caller.anonymous ? { status: EvaluationStatus.APPROVED } : {}),
    }, { orderBy: EVALUATION_ORDER });
    if (ctx.caller.anonymous && status && status !== EvaluationStatus.APPROVED) return [];
    return readable(ctx, rows);
  }

  @FieldResolver(() => HeadAssignmentRef)
  headAssignment(@Root() e: HeadEvaluation) {
    return headAssignmentRef(e.headAssignmentId);
  }

  @FieldResolver(() => OrganizationRef)
  organization(@Root() e: HeadEvaluation) {
    return organizationRef(e.organizationId);
  }

  @FieldResolver(() => OrganizationRef, { description: 'Whose head decides: the parent organization, or the city committee.' })
  evaluatorOrganization(@Root() e: HeadEvaluation) {
    return organizationRef(e.evaluatorOrganizationId);
  }

  @FieldResolver(() => LevelRule)
  rule(@Root() e: HeadEvaluation, @Ctx() ctx: KitContext) {
    return loadLevelRule(ctx, e.ruleId);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Whole calendar months of the year the person headed the organization (those involved only).' })
  async monthsInOffice(@Root() e: HeadEvaluation, @Ctx() ctx: KitContext) {
    return (await seesPrivate(ctx, e)) ? e.monthsInOffice : null;
  }

  @FieldResolver(() => Boolean, { nullable: true })
  async dutiesFulfilled(@Root() e: HeadEvaluation, @Ctx() ctx: KitContext) {
    return (await seesPrivate(ctx, e)) ? e.dutiesFulfilled : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async dutyNotes(@Root() e: HeadEvaluation, @Ctx() ctx: KitContext) {
    return (await seesPrivate(ctx, e)) ? e.dutyNotes : null;
  }

  @FieldResolver(() => Mitigation, { nullable: true })
  async mitigation(@Root() e: HeadEvaluation, @Ctx() ctx: KitContext) {
    return (await seesPrivate(ctx, e)) ? e.mitigation : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async decisionComment(@Root() e: HeadEvaluation, @Ctx() ctx: KitContext) {
    return (await seesDecisionComment(ctx, e)) ? e.decisionComment : null;
  }

  @Authorized('HOME_AFFAIRS')
  @FieldResolver(() => [AuditRecord])
  auditTrail(@Root() e: HeadEvaluation, @Ctx() ctx: KitContext) {
    return loadAuditTrail(ctx, 'HeadEvaluation', e.id);
  }
}

@Resolver(() => OrganizationRef)
export class OrganizationEvaluationsResolver {
  @FieldResolver(() => [HeadEvaluation])
  async headEvaluations(@Root() org: OrganizationRef, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: KitContext) {
    return readable(ctx, await loadEvaluationsOfOrganization(ctx, org.id, year));
  }
}

@Resolver(() => HeadAssignmentRef)
export class HeadAssignmentEvaluationsResolver {
  @FieldResolver(() => [HeadEvaluation])
  async evaluations(@Root() assignment: HeadAssignmentRef, @Ctx() ctx: KitContext) {
    return readable(ctx, await loadEvaluationsOfAssignment(ctx, assignment.id));
  }
}
