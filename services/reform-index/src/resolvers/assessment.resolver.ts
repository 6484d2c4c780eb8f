import { Arg, Authorized, Ctx, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import {
  AuditRecord, PageInfo, checkPageSize, checkCursor, findPage, isUuid, forbidden, hasRole, isCityChair, isHeadOf, loadAuditTrail, unauthenticated, type KitContext,
} from 'subgraph-kit';
import { checkBlockCode } from 'subgraph-kit/codes';
import { Assessment } from '../entities/assessment.entity.js';
import { CriteriaSet } from '../entities/criteria-set.entity.js';
import { AssessmentStatus } from '../entities/enums.js';
import { OrganizationRef, organizationRef } from '../entities/refs.js';
import { Publication } from '../entities/publication.entity.js';
import { AreaResultView, ScoreView } from '../views/shapes.js';
import { fromHundredths } from 'shared-rules';
import { canReadPublishedScores, canReadUnpublished } from '../access.js';
import { criteriaSetOf, loadAssessment, loadPublication } from '../loaders.js';
import { areaResultView, indexOf, scoreViews } from '../views/build.js';

@ObjectType('AssessmentEdge')
export class AssessmentEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Assessment) node!: Assessment;
}

@ObjectType('AssessmentConnection')
export class AssessmentConnection {
  @Field(() => [AssessmentEdge]) edges!: AssessmentEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

const published = (a: Assessment) => a.status === AssessmentStatus.PUBLISHED;
const h = (value: number | null | undefined) => (value === null || value === undefined ? null : fromHundredths(value));

/** An assessment as the caller may see it: published ones to everyone, the others to those with a stake in them. */
export async function visibleAssessment(ctx: KitContext, assessment: Assessment | null, refuse: boolean): Promise<Assessment | null> {
  if (!assessment || published(assessment)) return assessment;
  if (await canReadUnpublished(ctx, assessment, await criteriaSetOf(ctx, assessment))) return assessment;
  if (!refuse) return null;
  throw ctx.caller.anonymous ? unauthenticated('Unpublished results need a bearer token') : forbidden('This assessment is not published and not yours to read');
}

@Resolver(() => Assessment)
export class AssessmentResolver {
  @Query(() => Assessment, { nullable: true })
  async assessment(@Arg('id', () => ID) id: string, @Ctx() ctx: KitContext) {
    return visibleAssessment(ctx, await loadAssessment(ctx, id), true);
  }

  @Authorized()
  @Query(() => AssessmentConnection, { description: 'Work queues: the unit its own; appraisers and Home Affairs all; a block administrator its blocks. Published rows are public.' })
  async assessments(
    @Arg('year', () => Int) year: number,
    @Arg('block', () => String, { nullable: true }) block: string | null,
    @Arg('status', () => AssessmentStatus, { nullable: true }) status: AssessmentStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: KitContext,
  ): Promise<AssessmentConnection> {
    const size = checkPageSize(first);
    const cursor = checkCursor(after, (key) => key.length === 2 && typeof key[0] === 'string' && typeof key[1] === 'string' && isUuid(key[1]));
    const caller = ctx.caller;
    const where: FilterQuery<Assessment>[] = [{ year }];
    if (block) where.push({ block: checkBlockCode(block, 'block') });
    if (status) where.push({ status });
    if (!hasRole(caller, 'HOME_AFFAIRS', 'APPRAISER')) {
      const visible: FilterQuery<Assessment>[] = [{ status: AssessmentStatus.PUBLISHED }];
      if (caller.org && hasRole(caller, 'ORG_HEAD', 'ORG_STAFF')) visible.push({ organizationId: caller.org });
      const ownerFilters: FilterQuery<CriteriaSet>[] = [];
      if (caller.org && (await isHeadOf(ctx, caller.org))) ownerFilters.push({ ownerId: caller.org });
      if (await isCityChair(ctx)) ownerFilters.push({ ownerKind: 'CITY_COMMITTEE' });
      if (ownerFilters.length) {
        const sets = await ctx.em.find(CriteriaSet, { year, $or: ownerFilters });
        if (sets.length) visible.push({ criteriaSetId: { $in: sets.map((s) => s.id) } });
      }
      where.push({ $or: visible });
    }
    const page = await findPage(ctx.em, Assessment, { $and: where }, { first: size, after: cursor, orderBy: { block: 'asc', id: 'asc' } });
    return Object.assign(new AssessmentConnection(), {
      ...page,
      edges: page.edges.map((edge) => Object.assign(new AssessmentEdge(), edge)),
      pageInfo: Object.assign(new PageInfo(), page.pageInfo),
    });
  }

  @FieldResolver(() => OrganizationRef)
  organization(@Root() a: Assessment) {
    return organizationRef(a.organizationId);
  }

  @FieldResolver(() => CriteriaSet)
  criteriaSet(@Root() a: Assessment, @Ctx() ctx: KitContext) {
    return criteriaSetOf(ctx, a);
  }

  @FieldResolver(() => [ScoreView], { description: 'Per-criterion scores: the unit, its appraisers and administrators; once published also partners with reform-index:read.' })
  async scores(@Root() a: Assessment, @Ctx() ctx: KitContext) {
    const set = await criteriaSetOf(ctx, a);
    if (published(a) && !(await canReadPublishedScores(ctx, a, set))) return [];
    return scoreViews(set, a);
  }

  @FieldResolver(() => Float, { nullable: true })
  async selfAssessedPoints(@Root() a: Assessment, @Ctx() ctx: KitContext) {
    return h(indexOf(await criteriaSetOf(ctx, a), a).selfAssessed);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Self-assessed items with their final scores; null until appraisal starts.' })
  async appraisedPoints(@Root() a: Assessment, @Ctx() ctx: KitContext) {
    if (a.status === AssessmentStatus.DRAFT || a.status === AssessmentStatus.SELF_ASSESSED) return null;
    return h(indexOf(await criteriaSetOf(ctx, a), a).appraised);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Null until survey scores are imported.' })
  async surveyPoints(@Root() a: Assessment, @Ctx() ctx: KitContext) {
    const result = indexOf(await criteriaSetOf(ctx, a), a);
    return result.surveyItems > 0 && result.surveyItemsScored === 0 ? null : h(result.survey);
  }

  @FieldResolver(() => Float, { nullable: true })
  async totalPoints(@Root() a: Assessment, @Ctx() ctx: KitContext) {
    return published(a) ? h(a.totalHundredths) : h(indexOf(await criteriaSetOf(ctx, a), a).total);
  }

  @FieldResolver(() => Float, { nullable: true })
  async applicableMaxPoints(@Root() a: Assessment, @Ctx() ctx: KitContext) {
    return published(a) ? h(a.applicableMaxHundredths) : h(indexOf(await criteriaSetOf(ctx, a), a).applicableMax);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'totalPoints / applicableMaxPoints × 100, rounded half-up to 2 decimals once, at the end.' })
  async indexValue(@Root() a: Assessment, @Ctx() ctx: KitContext) {
    return published(a) ? h(a.indexHundredths) : h(indexOf(await criteriaSetOf(ctx, a), a).index);
  }

  @FieldResolver(() => [AreaResultView])
  async areaResults(@Root() a: Assessment, @Ctx() ctx: KitContext) {
    return indexOf(await criteriaSetOf(ctx, a), a).areas.map(areaResultView);
  }

  @FieldResolver(() => Publication, { nullable: true })
  publication(@Root() a: Assessment, @Ctx() ctx: KitContext) {
    return a.publicationId ? loadPublication(ctx, a.publicationId) : null;
  }

  @Authorized('HOME_AFFAIRS')
  @FieldResolver(() => [AuditRecord], { description: 'HOME_AFFAIRS only.' })
  auditTrail(@Root() a: Assessment, @Ctx() ctx: KitContext) {
    return loadAuditTrail(ctx, 'Assessment', a.id);
  }
}
