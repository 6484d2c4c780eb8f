import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import {
  assertVersion, audit, badInput, conflict, forbidden, hasRole, isCityChair, isHeadOf, isUuid, nextStateOrRefuse, notFound, openTransaction, type KitContext,
} from 'subgraph-kit';
import { actingOwnerId, blockOwner, toHundredths } from 'shared-rules';
import { checkBlockCode } from 'subgraph-kit/codes';
import { HeadEvaluation, type EvaluationSnapshot } from '../entities/head-evaluation.entity.js';
import { LevelRule, snapshotOf, termsOf } from '../entities/level-rule.entity.js';
import { MitigationInput } from '../inputs/evaluation.input.js';
import { blockOwnerOf, cityCommittee, organizationWithSuccessors, publishedRanking, snapshotOfOrg } from '../reads.js';
import { administers, stakeAmong } from '../access.js';
import { finalLevel, proposedLevel } from '../rules/levels.js';
import { headsOfYear } from '../rules/months.js';
import { decisionDay, evaluatorOrganizationId } from '../rules/evaluator.js';
import { EVALUATION_STEPS, evaluationStep, type EvaluationAction, type EvaluationState } from '../rules/evaluation-workflow.js';
import { ruleInForce, yearEnd } from '../rules/periods.js';
import { EVALUATION_ORDER } from '../loaders.js';

async function evaluationOrNotFound(ctx: KitContext, id: string) {
  const e = isUuid(id) ? await ctx.em.findOne(HeadEvaluation, { id }) : null;
  if (!e) throw notFound('HeadEvaluation', id, 'evaluationId');
  return e;
}

/** Who may (FORBIDDEN, whatever the state), the state (CONFLICT), the version (CONFLICT): the checks before a step's transaction. */
async function authorizeStep(ctx: KitContext, action: EvaluationAction, e: HeadEvaluation, expectedVersion: number): Promise<EvaluationState> {
  const next = nextStateOrRefuse(evaluationStep(action, e.status, await stakeAmong(ctx, EVALUATION_STEPS[action].by, e)));
  assertVersion(e, expectedVersion, 'The evaluation');
  return next;
}

const COLUMNS = [
  'id', 'year', 'block', 'organization_id', 'person_id', 'head_assignment_id', 'evaluator_organization_id', 'evaluator_is_city_committee',
  'block_owner_id', 'block_owned_by_city', 'rule_id', 'rule_snapshot', 'snapshot', 'index_hundredths', 'rank', 'rank_of', 'last_in_block',
  'months_in_office', 'proposed_level',
] as const;
const JSON_COLUMNS = new Set(['rule_snapshot', 'snapshot']);

@Resolver(() => HeadEvaluation)
export class EvaluationWorkflowResolver {
  /**
   * The block's administrator proposes, from the published ranking and the head assignments read through the
   * gateway, one evaluation per person who headed a ranked organization long enough that year. Idempotent; two
   * concurrent calls create no duplicates (the unique key decides, the loser inserts nothing).
   */
  @Authorized()
  @Mutation(() => [HeadEvaluation])
  async proposeHeadEvaluations(@Arg('year', () => Int) year: number, @Arg('block', () => String) block: string, @Ctx() ctx: KitContext) {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'must be a year between 2000 and 2100');
    checkBlockCode(block, 'block');
    const ranking = await publishedRanking(ctx, year, block);
    if (!ranking) {
      let owner: Awaited<ReturnType<typeof blockOwnerOf>> | undefined;
      try {
        owner = await blockOwnerOf(ctx, year, block);
      } catch {
        owner = undefined; // the criteria set is not readable to this service: judge by role alone
      }
      // A block still in draft is not visible to this service: judge by role alone, as for an unreadable one.
      const administrator = owner ? await administers(ctx, owner) : hasRole(ctx.caller, 'HOME_AFFAIRS', 'ORG_HEAD');
      if (!administrator) throw forbidden("Only the block's administrator proposes its heads' evaluations");
      throw conflict(`block: no published ${block} index of ${year} (not published yet, or no such block); evaluations need the published ranking`, { field: 'block' });
    }
    const ownedByCity = blockOwner(ranking.owner).cityOwned;
    if (!(await administers(ctx, ranking.owner))) {
      throw forbidden(`Only the administrator of block ${block} (${ownedByCity ? 'Home Affairs' : `the head of ${ranking.owner.name}`}) proposes its heads' evaluations`);
    }
    const city = await cityCommittee(ctx);
    const evaluatorOf = new Map(ranking.entries.map((entry) => [entry.organization.id, evaluatorOrganizationId({ id: entry.organization.id, parentId: entry.organization.parent?.id ?? null }, city.id)]));
    const ownerIds = [...new Set([...evaluatorOf.values(), city.id])];
    await openTransaction(ctx);
    const day = yearEnd(year);
    // Shared locks: a rule cannot be updated while evaluations that use it are being created.
    const inForce = await ctx.em.find(LevelRule, {
      ownerId: { $in: ownerIds }, effectiveFrom: { $lte: day }, $or: [{ effectiveTo: null }, { effectiveTo: { $gte: day } }],
    }, { lockMode: LockMode.PESSIMISTIC_READ });
    const ruleFor = (ownerId: string) => ruleInForce(inForce.filter((r) => r.ownerId === ownerId), day) ?? ruleInForce(inForce.filter((r) => r.ownerId === city.id), day);

    const lastRank = Math.max(0, ...ranking.entries.map((e) => e.rank));
    const rows: Record<(typeof COLUMNS)[number], unknown>[] = [];
    for (const entry of ranking.entries) {
      const org = entry.organization;
      const evaluatorId = evaluatorOf.get(org.id)!;
      const rule = ruleFor(evaluatorId);
      if (!rule) throw conflict(`No level rule of the city committee or of organization ${evaluatorId} is in force on ${day}; define one first`);
      // The published value has 2 decimals by contract.
      const indexHundredths = toHundredths(entry.indexValue);
      const lastInBlock = entry.rank === lastRank;
      const assignments = org.headAssignments.map((a) => ({ ...a, personId: a.person.id }));
      for (const head of headsOfYear(assignments, year)) {
        if (head.months < rule.minMonthsInOffice) continue;
        const assignment = assignments.find((a) => a.id === head.lastAssignmentId)!;
        const snapshot: EvaluationSnapshot = {
          organization: { ...snapshotOfOrg(org), parentId: org.parent?.id ?? null },
          person: { id: head.personId, fullName: assignment.person.fullName ?? null },
          assignment: { id: assignment.id, title: assignment.title, startDate: assignment.startDate, endDate: assignment.endDate, acting: assignment.acting },
          ranking: { decisionNumber: ranking.publication.decisionNumber, publishedAt: ranking.publication.publishedAt, owner: snapshotOfOrg(ranking.owner), lastRank },
        };
        rows.push({
          id: randomUUID(), year, block, organization_id: org.id, person_id: head.personId, head_assignment_id: assignment.id,
          evaluator_organization_id: evaluatorId, evaluator_is_city_committee: evaluatorId === city.id,
          block_owner_id: ranking.owner.id, block_owned_by_city: ownedByCity, rule_id: rule.id, rule_snapshot: snapshotOf(rule), snapshot,
          index_hundredths: indexHundredths, rank: entry.rank, rank_of: ranking.entries.length, last_in_block: lastInBlock, months_in_office: head.months,
          proposed_level: proposedLevel(termsOf(snapshotOf(rule)), { indexHundredths, lastInBlock }),
        });
      }
    }
    if (rows.length) {
      const values = rows.map(() => `(${COLUMNS.map((c) => (JSON_COLUMNS.has(c) ? '?::jsonb' : '?')).join(', ')})`).join(',\n');
      const params = rows.flatMap((row) => COLUMNS.map((c) => (JSON_COLUMNS.has(c) ? JSON.stringify(row[c]) : row[c])));
      const created = await ctx.em.execute<{ id: string }[]>(
        `insert into head_evaluation (${COLUMNS.join(', ')}) values ${values} on conflict (year, organization_id, person_id) do nothing returning id`,
        params,
      );
      const createdIds = new Set(created.map((r) => r.id));
      // The ORM's flush never sees this insert (it skips rows a concurrent proposal made), so its audit is explicit.
      for (const row of rows) if (createdIds.has(row.id as string)) audit(ctx, 'HeadEvaluation', row.id as string, null, row);
    }
    return ctx.em.find(HeadEvaluation, { year, block }, { orderBy: EVALUATION_ORDER });
  }

  @Authorized()
  @Mutation(() => HeadEvaluation)
  async recordDuties(
    @Arg('evaluationId', () => ID) evaluationId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('dutiesFulfilled', () => Boolean) dutiesFulfilled: boolean,
    @Arg('notes', () => String, { nullable: true }) notes: string | null,
    @Ctx() ctx: KitContext,
  ) {
    const e = await evaluationOrNotFound(ctx, evaluationId);
    await authorizeStep(ctx, 'RECORD_DUTIES', e, expectedVersion);
    await openTransaction(ctx);
    e.dutiesFulfilled = dutiesFulfilled;
    e.dutyNotes = notes?.trim() || null;
    return e;
  }

  @Authorized()
  @Mutation(() => HeadEvaluation)
  async claimMitigation(
    @Arg('evaluationId', () => ID) evaluationId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => MitigationInput) input: MitigationInput,
    @Ctx() ctx: KitContext,
  ) {
    const e = await evaluationOrNotFound(ctx, evaluationId);
    await authorizeStep(ctx, 'CLAIM_MITIGATION', e, expectedVersion);
    await openTransaction(ctx);
    const explanation = input.explanation.trim();
    if (!explanation) throw badInput('input.explanation', 'must explain how the ground holds');
    const evidence = input.evidence.map((x) => x.trim());
    if (evidence.length === 0) throw badInput('input.evidence', 'at least one evidence reference is needed');
    const blank = evidence.findIndex((x) => !x);
    if (blank >= 0) throw badInput(`input.evidence[${blank}]`, 'must not be empty');
    e.mitigationGround = input.ground;
    e.mitigationExplanation = explanation;
    e.mitigationEvidence = evidence;
    e.mitigationAccepted = null;
    return e;
  }

  @Authorized()
  @Mutation(() => HeadEvaluation)
  async submitHeadEvaluation(@Arg('evaluationId', () => ID) evaluationId: string, @Arg('expectedVersion', () => Int) expectedVersion: number, @Ctx() ctx: KitContext) {
    const e = await evaluationOrNotFound(ctx, evaluationId);
    const next = await authorizeStep(ctx, 'SUBMIT', e, expectedVersion);
    if (e.dutiesFulfilled === null) throw conflict('Record whether the duties were fulfilled before submitting', { field: 'dutiesFulfilled' });
    await openTransaction(ctx);
    e.status = next;
    return e;
  }

  /**
   * Only the evaluator decides: the person who, by the organizations data, heads the evaluator organization on the
   * decision day (its successor's head once it is gone, else the City Chairman) — a role claim is not enough. Who
   * decides is settled before the state and version are looked at, so nobody else learns how far the evaluation got;
   * the transaction opens after every gateway read.
   */
  @Authorized()
  @Mutation(() => HeadEvaluation)
  async decideHeadEvaluation(
    @Arg('evaluationId', () => ID) evaluationId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('approve', () => Boolean) approve: boolean,
    @Arg('acceptMitigation', () => Boolean, { nullable: true }) acceptMitigation: boolean | null,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: KitContext,
  ) {
    const e = await evaluationOrNotFound(ctx, evaluationId);
    const action: EvaluationAction = approve ? 'APPROVE' : 'RETURN';
    // Only a head or the chairman can ever decide: refuse every other token before any gateway read.
    if (!hasRole(ctx.caller, 'ORG_HEAD', 'CITY_CHAIR') || !ctx.caller.sub) nextStateOrRefuse(evaluationStep(action, e.status, new Set()));
    const day = decisionDay(new Date());
    const city = await cityCommittee(ctx);
    const evaluator = await organizationWithSuccessors(ctx, e.evaluatorOrganizationId);
    const decidingId = evaluator ? actingOwnerId(evaluator, day, city.id) : city.id;
    const decider = (await isHeadOf(ctx, decidingId)) || (decidingId === city.id && (await isCityChair(ctx)));
    const deciding = decidingId === evaluator?.id ? evaluator : evaluator?.successors.find((s) => s.id === decidingId) ?? city;
    const next = nextStateOrRefuse(evaluationStep(action, e.status, new Set(decider ? ['DECIDER'] as const : [])), `Only the head of ${deciding.name} on ${day} decides this evaluation`);
    assertVersion(e, expectedVersion, 'The evaluation');
    if (acceptMitigation === true && !e.mitigationGround) throw badInput('acceptMitigation', 'no mitigation was claimed for this evaluation');
    const text = comment?.trim() || null;
    if (!approve && !text) throw badInput('comment', 'say why the evaluation is returned');
    await openTransaction(ctx);
    if (approve) {
      e.mitigationAccepted = e.mitigationGround ? acceptMitigation ?? false : null;
      e.finalLevel = finalLevel(termsOf(e.ruleSnapshot), {
        indexHundredths: e.indexHundredths,
        lastInBlock: e.lastInBlock,
        dutiesFulfilled: e.dutiesFulfilled ?? false,
        mitigationAccepted: e.mitigationAccepted === true,
      });
    } else if (e.mitigationGround && acceptMitigation !== null) {
      e.mitigationAccepted = acceptMitigation;
    }
    e.status = next;
    e.decisionComment = text;
    e.decidedAt = new Date();
    e.decidedBy = ctx.caller.sub;
    e.decidingOrganizationId = decidingId;
    return e;
  }
}
