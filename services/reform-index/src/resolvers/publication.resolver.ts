import { LockMode } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { badInput, conflict, notFound, openTransaction, type KitContext } from 'subgraph-kit';
import { checkBlockCode } from 'subgraph-kit/codes';
import { Assessment } from '../entities/assessment.entity.js';
import { CriteriaSet } from '../entities/criteria-set.entity.js';
import { AssessmentStatus, CriteriaSetStatus } from '../entities/enums.js';
import { organizationRef } from '../entities/refs.js';
import { Publication } from '../entities/publication.entity.js';
import { Ranking, RankingEntry } from '../views/shapes.js';
import { fromHundredths } from 'shared-rules';
import { averageHundredths, bandOf, rankByIndex } from '../rules/ranking.js';
import { computeIndex } from '../rules/scoring.js';
import { requirePublisher } from '../access.js';
import { assessmentStep } from '../rules/assessment-workflow.js';

const PUBLISHER = new Set(['PUBLISHER'] as const);
import { loadCriteriaSet } from '../loaders.js';

function rankingOf(set: Pick<CriteriaSet, 'year' | 'block' | 'ownerId'>, publication: Publication, entries: { organizationId: string; rank: number; indexHundredths: number; band: string | null }[]): Ranking {
  return Object.assign(new Ranking(), {
    year: set.year,
    block: set.block,
    owner: organizationRef(set.ownerId),
    publication,
    average: fromHundredths(publication.averageHundredths),
    entries: entries.map((e) => Object.assign(new RankingEntry(), {
      rank: e.rank, organization: organizationRef(e.organizationId), indexValue: fromHundredths(e.indexHundredths), band: e.band,
    })),
  });
}

@Resolver(() => Ranking)
export class PublicationResolver {
  @Query(() => Ranking, { nullable: true, description: 'Published blocks only; public.' })
  async ranking(@Arg('year', () => Int) year: number, @Arg('block', () => String) block: string, @Ctx() ctx: KitContext) {
    checkBlockCode(block, 'block');
    const publication = await ctx.em.findOne(Publication, { year, block });
    if (!publication) return null;
    const set = await loadCriteriaSet(ctx, publication.criteriaSetId);
    if (!set) return null;
    // Only the published columns, not the score sheets: a block may have a thousand units.
    const rows = await ctx.em.getConnection().execute<{ organization_id: string; rank: number; index_hundredths: number; band: string | null }[]>(
      'select organization_id, rank, index_hundredths, band from assessment where publication_id = ? order by rank, organization_id',
      [publication.id],
    );
    return rankingOf(set, publication, rows.map((r) => ({ organizationId: r.organization_id, rank: r.rank, indexHundredths: r.index_hundredths, band: r.band })));
  }

  @Authorized()
  @Mutation(() => Ranking, { description: "The block's publisher: ranks the block, classifies it into bands and freezes every assessment." })
  async publishIndex(
    @Arg('year', () => Int) year: number,
    @Arg('block', () => String) block: string,
    @Arg('decisionNumber', () => String) decisionNumber: string,
    @Ctx() ctx: KitContext,
  ) {
    checkBlockCode(block, 'block');
    const owned = await ctx.em.findOne(CriteriaSet, { year, block });
    if (!owned) throw notFound('Criteria set', `${year} ${block}`, 'block');
    await requirePublisher(ctx, owned);
    const decision = (decisionNumber ?? '').trim();
    if (!decision) throw badInput('decisionNumber', 'must not be empty');
    await openTransaction(ctx);
    // The row lock makes concurrent publications of one block wait for each other; the unique (year, block)
    // constraint on publication stands behind it. It also re-reads the set, as it is now.
    const set = (await ctx.em.findOne(CriteriaSet, { id: owned.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }))!;
    if (set.status !== CriteriaSetStatus.ACTIVE) throw conflict(`The ${year} criteria set of ${block} is not active`);
    const previous = await ctx.em.findOne(Publication, { year, block });
    if (previous) throw conflict(`The ${year} index of ${block} was already published by decision ${previous.decisionNumber}`);
    const assessments = await ctx.em.find(Assessment, { criteriaSetId: set.id });
    if (assessments.length === 0) throw conflict(`No organization is assessed in ${block} for ${year}`);
    // The publisher was settled above, for the whole block; what remains of the step is each assessment's state.
    const unfinished = assessments.filter((a) => !assessmentStep('PUBLISH', a.status, PUBLISHER, set.ownedByCity).ok);
    if (unfinished.length) {
      throw conflict(`Every assessment must be appraised first; ${unfinished.length} are not (e.g. organization ${unfinished[0]!.organizationId}: ${unfinished[0]!.status})`, {
        unfinished: unfinished.slice(0, 20).map((a) => a.id),
      });
    }
    const results = new Map(assessments.map((a) => [a, computeIndex(set.areaTree, a.sheet)]));
    const noSurvey = assessments.filter((a) => results.get(a)!.surveyItemsScored < results.get(a)!.surveyItems);
    if (noSurvey.length) {
      throw conflict(`Survey scores are missing for ${noSurvey.length} assessments (e.g. organization ${noSurvey[0]!.organizationId})`, {
        unfinished: noSurvey.slice(0, 20).map((a) => a.id),
      });
    }
    const notApplicable = assessments.find((a) => results.get(a)!.index === null);
    if (notApplicable) throw conflict(`Nothing in the criteria set applies to organization ${notApplicable.organizationId}; its index cannot be computed`);

    const ranked = rankByIndex(assessments, (a) => results.get(a)!.index!, (a) => a.organizationId);
    const publication = ctx.em.create(Publication, {
      year, block, criteriaSetId: set.id, decisionNumber: decision,
      averageHundredths: averageHundredths(assessments.map((a) => results.get(a)!.index!)), rankedCount: assessments.length,
    });
    ctx.em.persist(publication);
    for (const { item: a, rank } of ranked) {
      const result = results.get(a)!;
      Object.assign(a, {
        status: AssessmentStatus.PUBLISHED, publicationId: publication.id, indexHundredths: result.index!, totalHundredths: result.total,
        applicableMaxHundredths: result.applicableMax, rank, rankOf: assessments.length, band: bandOf(result.index!, set.bandList),
      });
    }
    return rankingOf(set, publication, ranked.map(({ item: a }) => ({ organizationId: a.organizationId, rank: a.rank!, indexHundredths: a.indexHundredths!, band: a.band })));
  }
}
