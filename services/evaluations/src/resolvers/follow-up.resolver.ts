import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput, conflict, forbidden, hasRole, isCityChair, isMemberOf, isUuid, notFound, openTransaction, type KitContext } from 'subgraph-kit';
import { checkCode } from 'subgraph-kit/codes';
import { CommendationProposal, HandlingCase, ObstacleReport } from '../entities/follow-up.entity.js';
import { CompletionLevel, EvaluationStatus, HandlingStatus, ObstacleStatus, ProposalStatus } from '../entities/enums.js';
import { HeadEvaluation } from '../entities/head-evaluation.entity.js';
import { HeadAssignmentRef, OrganizationRef, headAssignmentRef, organizationRef } from '../entities/refs.js';
import { CommendationInput, HandlingCaseInput, ObstacleInput } from '../inputs/evaluation.input.js';
import { organizationOrBadInput, snapshotOfOrg } from '../reads.js';
import { EVALUATION_ORDER } from '../loaders.js';
import { AnnualSummary, LevelCount, ObstacleCount } from '../views/annual-summary.js';

function checkYear(year: number, field = 'input.year') {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput(field, 'must be a year between 2000 and 2100');
}

function required(value: string, field: string) {
  const text = value.trim();
  if (!text) throw badInput(field, 'must not be empty');
  return text;
}

/** The organization (read through the gateway) and, if given, one of its own head assignments. */
async function subject(ctx: KitContext, input: { organizationId: string; headAssignmentId?: string | null }) {
  const org = await organizationOrBadInput(ctx, input.organizationId, 'input.organizationId', Boolean(input.headAssignmentId));
  if (input.headAssignmentId && !org.headAssignmentIds.includes(input.headAssignmentId)) {
    throw badInput('input.headAssignmentId', `is not a head assignment of ${org.name}`);
  }
  return org;
}

@Resolver()
export class AnnualSummaryResolver {
  /** The city's yearly report (docs/domain.md, The regulation, item 6). */
  @Authorized('HOME_AFFAIRS', 'CITY_CHAIR')
  @Query(() => AnnualSummary)
  async annualSummary(@Arg('year', () => Int) year: number, @Ctx() ctx: KitContext): Promise<AnnualSummary> {
    if (!hasRole(ctx.caller, 'HOME_AFFAIRS') && !(await isCityChair(ctx))) throw forbidden('The annual summary is for Home Affairs and the City Chairman');
    const [evaluations, commendations, handlingCases, obstacles] = await Promise.all([
      ctx.em.find(HeadEvaluation, { year }, { orderBy: EVALUATION_ORDER }),
      ctx.em.fork().find(CommendationProposal, { year }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      ctx.em.fork().find(HandlingCase, { year }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      ctx.em.fork().execute<{ area_code: string | null; n: number }[]>(
        'select area_code, count(*)::int as n from obstacle_report where year = ? group by area_code order by area_code nulls last', [year]),
    ]);
    const levelCounts = [CompletionLevel.EXCELLENT, CompletionLevel.GOOD, CompletionLevel.COMPLETED, CompletionLevel.NOT_COMPLETED].map((level) =>
      Object.assign(new LevelCount(), { level, count: evaluations.filter((e) => e.status === EvaluationStatus.APPROVED && e.finalLevel === level).length }));
    return Object.assign(new AnnualSummary(), {
      year,
      levelCounts,
      evaluations,
      commendations,
      handlingCases,
      obstaclesByArea: obstacles.map((o) => Object.assign(new ObstacleCount(), { areaCode: o.area_code, count: Number(o.n) })),
    });
  }
}

@Resolver(() => CommendationProposal)
export class CommendationResolver {
  @FieldResolver(() => OrganizationRef)
  organization(@Root() p: CommendationProposal) {
    return organizationRef(p.organizationId);
  }

  @FieldResolver(() => HeadAssignmentRef, { nullable: true })
  headAssignment(@Root() p: CommendationProposal) {
    return p.headAssignmentId ? headAssignmentRef(p.headAssignmentId) : null;
  }

  @Authorized('HOME_AFFAIRS')
  @Mutation(() => CommendationProposal)
  async proposeCommendation(@Arg('input', () => CommendationInput) input: CommendationInput, @Ctx() ctx: KitContext) {
    checkYear(input.year);
    const reason = required(input.reason, 'input.reason');
    const org = await subject(ctx, input);
    await openTransaction(ctx);
    const proposal = ctx.em.create(CommendationProposal, {
      year: input.year, organizationId: org.id, organizationSnapshot: snapshotOfOrg(org), headAssignmentId: input.headAssignmentId ?? null, reason,
    });
    ctx.em.persist(proposal);
    return proposal;
  }

  @Authorized('CITY_CHAIR')
  @Mutation(() => CommendationProposal)
  async decideCommendation(
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: KitContext,
  ) {
    if (!(await isCityChair(ctx))) throw forbidden('Only the City Chairman decides commendations');
    await openTransaction(ctx);
    const proposal = isUuid(id) ? await ctx.em.findOne(CommendationProposal, { id }) : null;
    if (!proposal) throw notFound('CommendationProposal', id, 'id');
    if (proposal.status !== ProposalStatus.PROPOSED) throw conflict(`The proposal was already ${proposal.status}`, { status: proposal.status });
    proposal.status = accept ? ProposalStatus.ACCEPTED : ProposalStatus.REJECTED;
    proposal.decisionComment = comment?.trim() || null;
    proposal.decidedAt = new Date();
    return proposal;
  }
}

@Resolver(() => HandlingCase)
export class HandlingCaseResolver {
  @FieldResolver(() => OrganizationRef)
  organization(@Root() c: HandlingCase) {
    return organizationRef(c.organizationId);
  }

  @FieldResolver(() => HeadAssignmentRef, { nullable: true })
  headAssignment(@Root() c: HandlingCase) {
    return c.headAssignmentId ? headAssignmentRef(c.headAssignmentId) : null;
  }

  @Authorized('HOME_AFFAIRS')
  @Mutation(() => HandlingCase)
  async openHandlingCase(@Arg('input', () => HandlingCaseInput) input: HandlingCaseInput, @Ctx() ctx: KitContext) {
    checkYear(input.year);
    const reason = required(input.reason, 'input.reason');
    const org = await subject(ctx, input);
    await openTransaction(ctx);
    const handling = ctx.em.create(HandlingCase, {
      year: input.year, organizationId: org.id, organizationSnapshot: snapshotOfOrg(org), headAssignmentId: input.headAssignmentId ?? null, reason,
    });
    ctx.em.persist(handling);
    return handling;
  }

  @Authorized('HOME_AFFAIRS')
  @Mutation(() => HandlingCase)
  async closeHandlingCase(@Arg('id', () => ID) id: string, @Arg('outcome', () => String) outcome: string, @Ctx() ctx: KitContext) {
    const text = required(outcome, 'outcome');
    await openTransaction(ctx);
    const handling = isUuid(id) ? await ctx.em.findOne(HandlingCase, { id }) : null;
    if (!handling) throw notFound('HandlingCase', id, 'id');
    if (handling.status !== HandlingStatus.OPEN) throw conflict('The handling case is already closed', { status: handling.status });
    handling.status = HandlingStatus.CLOSED;
    handling.outcome = text;
    handling.closedAt = new Date();
    return handling;
  }
}

@Resolver(() => ObstacleReport)
export class ObstacleResolver {
  @FieldResolver(() => OrganizationRef)
  organization(@Root() r: ObstacleReport) {
    return organizationRef(r.organizationId);
  }

  /** A unit's head or staff see their own unit's reports; Home Affairs and the City Chairman see all. */
  @Authorized()
  @Query(() => [ObstacleReport])
  async obstacleReports(
    @Arg('year', () => Int) year: number,
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null,
    @Ctx() ctx: KitContext,
  ) {
    const all = hasRole(ctx.caller, 'HOME_AFFAIRS') || (await isCityChair(ctx));
    if (!all && !(ctx.caller.org && ctx.caller.roles.some((r) => r === 'ORG_HEAD' || r === 'ORG_STAFF'))) throw forbidden();
    if (!all && organizationId && organizationId !== ctx.caller.org) throw forbidden("Only your own unit's reports");
    const org = all ? organizationId : ctx.caller.org;
    if (org && !isUuid(org)) return [];
    return ctx.em.find(ObstacleReport, { year, ...(org ? { organizationId: org } : {}) }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  @Authorized('ORG_HEAD', 'ORG_STAFF')
  @Mutation(() => ObstacleReport)
  async reportObstacle(@Arg('input', () => ObstacleInput) input: ObstacleInput, @Ctx() ctx: KitContext) {
    if (!isMemberOf(ctx.caller, input.organizationId)) throw forbidden("A unit's head or staff report obstacles for their own unit only");
    checkYear(input.year);
    const description = required(input.description, 'input.description');
    const areaCode = input.areaCode?.trim() ? checkCode(input.areaCode.trim(), 'input.areaCode') : null;
    const org = await organizationOrBadInput(ctx, input.organizationId, 'input.organizationId');
    await openTransaction(ctx);
    const report = ctx.em.create(ObstacleReport, {
      year: input.year, organizationId: org.id, organizationSnapshot: snapshotOfOrg(org), areaCode: areaCode ?? null,
      description, reportedBy: ctx.caller.sub ?? 'unknown',
    });
    ctx.em.persist(report);
    return report;
  }

  @Authorized('HOME_AFFAIRS')
  @Mutation(() => ObstacleReport)
  async respondToObstacle(
    @Arg('id', () => ID) id: string,
    @Arg('response', () => String) response: string,
    @Arg('status', () => ObstacleStatus) status: ObstacleStatus,
    @Ctx() ctx: KitContext,
  ) {
    const text = required(response, 'response');
    if (status === ObstacleStatus.OPEN) throw badInput('status', 'a response leaves the report ANSWERED or RESOLVED');
    await openTransaction(ctx);
    const report = isUuid(id) ? await ctx.em.findOne(ObstacleReport, { id }) : null;
    if (!report) throw notFound('ObstacleReport', id, 'id');
    if (report.status === ObstacleStatus.RESOLVED) throw conflict('The obstacle is already resolved', { status: report.status });
    report.status = status;
    report.response = text;
    report.respondedAt = new Date();
    return report;
  }
}
