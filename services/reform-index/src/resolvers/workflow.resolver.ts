import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { assertVersion, badInput, conflict, nextStateOrRefuse, notFound, openTransaction, type KitContext } from 'subgraph-kit';
import { Assessment } from '../entities/assessment.entity.js';
import { CriteriaSet } from '../entities/criteria-set.entity.js';
import { checkBlockCode, checkCode } from 'subgraph-kit/codes';
import { AssessmentStatus, CriteriaSetStatus } from '../entities/enums.js';
import { AppraisalScoreInput, ExplanationInput, ExplanationRequestInput, SelfScoreInput, SurveyScoreInput } from '../inputs/scores.input.js';
import { criteriaByCode, leavesOf, type CriterionNode } from '../rules/criteria-set.js';
import { HundredthsError, toHundredths } from 'shared-rules';
import { copySheet, recordOf, type ScoreSheet } from '../rules/score-sheet.js';
import { requireAdministrator, stakeAmong } from '../access.js';
import { ASSESSMENT_STEPS, assessmentStep, type AssessmentAction } from '../rules/assessment-workflow.js';
import { fetchOrganizations } from '../reads.js';

// importSurveyScores settles the administrator once for the whole block, before its transaction.
const ADMINISTRATOR = new Set(['ADMINISTRATOR'] as const);

/** The scored item `code` of the set, or a BAD_USER_INPUT naming `field`. */
function leafFor(set: CriteriaSet, code: string, field: string, method: 'SELF_ASSESSED' | 'SURVEY'): CriterionNode {
  checkCode(code, field);
  const node = criteriaByCode(set.areaTree).get(code);
  if (!node) throw badInput(field, `the ${set.year} criteria set of ${set.block} has no criterion ${code}`);
  if (node.children.length > 0) throw badInput(field, `${code} has sub-criteria: only its sub-criteria are scored`);
  if (method === 'SELF_ASSESSED' && node.method === 'SURVEY') throw badInput(field, `${code} is scored by the sociological survey, never by the unit or the council`);
  if (method === 'SURVEY' && node.method !== 'SURVEY') throw badInput(field, `${code} is not a survey item`);
  return node;
}

function pointsFor(leaf: CriterionNode, value: number, field: string): number {
  let hundredths: number;
  try {
    hundredths = toHundredths(value);
  } catch (error) {
    throw badInput(field, (error as HundredthsError).reason);
  }
  if (hundredths < 0 || hundredths > leaf.maxHundredths) throw badInput(field, `must be between 0 and ${leaf.maxHundredths / 100}, the points of ${leaf.code}`);
  return hundredths;
}

function noDuplicates(codes: string[], field: (i: number) => string) {
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (seen.has(code)) throw badInput(field(i), `${code} is listed twice`);
    seen.add(code);
  });
}

/**
 * The checks before a step's transaction: who may take it (FORBIDDEN, whatever the state: an outsider learns nothing
 * of the unit's progress), the state (CONFLICT), the version the writer read (CONFLICT). Returns the state it leads to.
 */
async function authorizeStep(ctx: KitContext, action: AssessmentAction, a: Assessment, set: CriteriaSet, expectedVersion: number): Promise<AssessmentStatus> {
  const next = nextStateOrRefuse(assessmentStep(action, a.status, await stakeAmong(ctx, ASSESSMENT_STEPS[action].by, a, set), set.ownedByCity));
  assertVersion(a, expectedVersion, 'The assessment');
  return next;
}

const nonEmpty = (value: string | null | undefined) => (value ?? '').trim();

async function loadForWrite(ctx: KitContext, id: string): Promise<{ a: Assessment; set: CriteriaSet }> {
  const a = await ctx.em.findOne(Assessment, { id });
  if (!a) throw notFound('Assessment', id, 'assessmentId');
  const set = await ctx.em.findOneOrFail(CriteriaSet, { id: a.criteriaSetId });
  return { a, set };
}

async function activeSet(ctx: KitContext, year: number, block: string): Promise<CriteriaSet> {
  checkBlockCode(block, 'block');
  const set = await ctx.em.findOne(CriteriaSet, { year, block });
  if (!set) throw notFound('Criteria set', `${year} ${block}`, 'block');
  return set;
}

/**
 * The yearly workflow of docs/domain.md, The PAR index; every step checks who, the state, and the version the writer read. Who may act
 * is settled (and other subgraphs read) before the step opens its transaction.
 */
@Resolver(() => Assessment)
export class WorkflowResolver {
  @Authorized()
  @Mutation(() => [Assessment], { description: "The block's administrator." })
  async openAssessments(
    @Arg('year', () => Int) year: number,
    @Arg('block', () => String) block: string,
    @Arg('organizationIds', () => [ID]) organizationIds: string[],
    @Ctx() ctx: KitContext,
  ) {
    const set = await activeSet(ctx, year, block);
    await requireAdministrator(ctx, set);
    if (set.status !== CriteriaSetStatus.ACTIVE) throw conflict(`Activate the ${year} criteria set of ${block} before opening assessments`);
    if (organizationIds.length === 0) throw badInput('organizationIds', 'name at least one organization');
    noDuplicates(organizationIds, (i) => `organizationIds[${i}]`);
    const facts = await fetchOrganizations(ctx, organizationIds, (i) => `organizationIds[${i}]`);
    organizationIds.forEach((id, i) => {
      const org = facts.get(id);
      if (!org) throw badInput(`organizationIds[${i}]`, `no organization has id ${id}`);
      if (!set.ownedByCity && org.parentId !== set.ownerId) throw badInput(`organizationIds[${i}]`, `${org.code} is not a unit of ${set.ownerCode}, which runs ${block}`);
    });
    await openTransaction(ctx);
    const existing = new Map((await ctx.em.find(Assessment, { organizationId: { $in: organizationIds }, year })).map((a) => [a.organizationId, a]));
    return organizationIds.map((organizationId, i) => {
      const found = existing.get(organizationId);
      if (found) {
        if (found.block === block) return found;
        throw conflict(`organizationIds[${i}]: ${facts.get(organizationId)!.code} is already assessed in block ${found.block} for ${year}`, { field: `organizationIds[${i}]` });
      }
      const a = ctx.em.create(Assessment, { organizationId, year, block, criteriaSetId: set.id });
      ctx.em.persist(a);
      return a;
    });
  }

  @Authorized('ORG_HEAD', 'ORG_STAFF')
  @Mutation(() => Assessment, { description: "The unit's staff or head, on its own draft." })
  async saveSelfScores(
    @Arg('assessmentId', () => ID) assessmentId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('scores', () => [SelfScoreInput]) scores: SelfScoreInput[],
    @Ctx() ctx: KitContext,
  ) {
    const { a, set } = await loadForWrite(ctx, assessmentId);
    await authorizeStep(ctx, 'SAVE_SELF_SCORES', a, set, expectedVersion);
    await openTransaction(ctx);
    noDuplicates(scores.map((s) => s.criterionCode), (i) => `scores[${i}].criterionCode`);
    const sheet = copySheet(a.sheet);
    scores.forEach((input, i) => {
      const leaf = leafFor(set, input.criterionCode, `scores[${i}].criterionCode`, 'SELF_ASSESSED');
      const r = recordOf(sheet, leaf.code);
      if (input.notApplicable) {
        if (!leaf.mayNotApply) throw badInput(`scores[${i}].notApplicable`, `${leaf.code} applies to every unit; it cannot be declared not applicable`);
        if (input.score !== null && input.score !== undefined) throw badInput(`scores[${i}].score`, `leave the score empty: ${leaf.code} is declared not applicable`);
        r.self = null;
        r.selfNotApplicable = true;
      } else {
        r.self = input.score === null || input.score === undefined ? null : pointsFor(leaf, input.score, `scores[${i}].score`);
        r.selfNotApplicable = false;
      }
      if (input.evidence) r.evidence = input.evidence.map((e) => e.trim()).filter(Boolean);
      if (input.note !== undefined) r.selfNote = input.note;
    });
    a.sheet = sheet;
    return a;
  }

  @Authorized('ORG_HEAD')
  @Mutation(() => Assessment, { description: "The unit's head." })
  async submitSelfAssessment(
    @Arg('assessmentId', () => ID) assessmentId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: KitContext,
  ) {
    const { a, set } = await loadForWrite(ctx, assessmentId);
    const next = await authorizeStep(ctx, 'SUBMIT_SELF_ASSESSMENT', a, set, expectedVersion);
    await openTransaction(ctx);
    for (const { leaf } of leavesOf(set.areaTree)) {
      if (leaf.method !== 'SELF_ASSESSED') continue;
      const r = a.sheet.get(leaf.code);
      if (r?.selfNotApplicable) continue;
      if (r?.self === null || r?.self === undefined) throw badInput(`scores.${leaf.code}.score`, `${leaf.code} has no self-assessment score`);
      if (leaf.evidenceRequired && !(r.evidence?.length)) throw badInput(`scores.${leaf.code}.evidence`, `${leaf.code} needs evidence documents`);
    }
    a.status = next;
    return a;
  }

  @Authorized()
  @Mutation(() => Assessment, { description: "APPRAISER, the block's administrator. The first appraisal moves a submitted assessment under appraisal." })
  async recordAppraisal(
    @Arg('assessmentId', () => ID) assessmentId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('scores', () => [AppraisalScoreInput]) scores: AppraisalScoreInput[],
    @Ctx() ctx: KitContext,
  ) {
    const { a, set } = await loadForWrite(ctx, assessmentId);
    const next = await authorizeStep(ctx, 'RECORD_APPRAISAL', a, set, expectedVersion);
    await openTransaction(ctx);
    noDuplicates(scores.map((s) => s.criterionCode), (i) => `scores[${i}].criterionCode`);
    const sheet = copySheet(a.sheet);
    scores.forEach((input, i) => {
      const leaf = leafFor(set, input.criterionCode, `scores[${i}].criterionCode`, 'SELF_ASSESSED');
      const r = recordOf(sheet, leaf.code);
      if (input.notApplicable !== null && input.notApplicable !== undefined) {
        if (input.notApplicable && !leaf.mayNotApply) throw badInput(`scores[${i}].notApplicable`, `${leaf.code} applies to every unit`);
        r.appraisedNotApplicable = input.notApplicable;
      }
      if (input.score !== null && input.score !== undefined) {
        if (input.notApplicable) throw badInput(`scores[${i}].score`, `leave the score empty: ${leaf.code} is judged not applicable`);
        r.appraised = pointsFor(leaf, input.score, `scores[${i}].score`);
      } else if (input.notApplicable) {
        r.appraised = null;
      }
      if (input.note !== undefined) r.appraisalNote = input.note;
    });
    a.sheet = sheet;
    a.status = next;
    return a;
  }

  @Authorized()
  @Mutation(() => Assessment, { description: "APPRAISER, the block's administrator: asks the unit to explain (giải trình)." })
  async requestExplanation(
    @Arg('assessmentId', () => ID) assessmentId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('items', () => [ExplanationRequestInput]) items: ExplanationRequestInput[],
    @Ctx() ctx: KitContext,
  ) {
    const { a, set } = await loadForWrite(ctx, assessmentId);
    const next = await authorizeStep(ctx, 'REQUEST_EXPLANATION', a, set, expectedVersion);
    await openTransaction(ctx);
    if (items.length === 0) throw badInput('items', 'name at least one criterion to explain');
    noDuplicates(items.map((s) => s.criterionCode), (i) => `items[${i}].criterionCode`);
    const sheet = copySheet(a.sheet);
    items.forEach((item, i) => {
      const leaf = leafFor(set, item.criterionCode, `items[${i}].criterionCode`, 'SELF_ASSESSED');
      const question = nonEmpty(item.question);
      if (!question) throw badInput(`items[${i}].question`, 'must not be empty');
      const r = recordOf(sheet, leaf.code);
      r.explanationRequest = question;
      r.explanation = null;
    });
    a.sheet = sheet;
    a.status = next;
    return a;
  }

  @Authorized('ORG_HEAD')
  @Mutation(() => Assessment, { description: "The unit's head answers every open request, with evidence; back under appraisal." })
  async submitExplanation(
    @Arg('assessmentId', () => ID) assessmentId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('answers', () => [ExplanationInput]) answers: ExplanationInput[],
    @Ctx() ctx: KitContext,
  ) {
    const { a, set } = await loadForWrite(ctx, assessmentId);
    const next = await authorizeStep(ctx, 'SUBMIT_EXPLANATION', a, set, expectedVersion);
    await openTransaction(ctx);
    noDuplicates(answers.map((s) => s.criterionCode), (i) => `answers[${i}].criterionCode`);
    const sheet = copySheet(a.sheet);
    answers.forEach((input, i) => {
      const leaf = leafFor(set, input.criterionCode, `answers[${i}].criterionCode`, 'SELF_ASSESSED');
      const r = recordOf(sheet, leaf.code);
      if (!r.explanationRequest || r.explanation) throw badInput(`answers[${i}].criterionCode`, `no explanation of ${leaf.code} was requested`);
      const answer = nonEmpty(input.answer);
      if (!answer) throw badInput(`answers[${i}].answer`, 'must not be empty');
      r.explanation = answer;
      const added = (input.evidence ?? []).map((e) => e.trim()).filter(Boolean);
      r.evidence = [...new Set([...(r.evidence ?? []), ...added])];
    });
    const open = [...sheet].find(([, r]) => r.explanationRequest && !r.explanation);
    if (open) throw badInput('answers', `the request on ${open[0]} is not answered`);
    a.sheet = sheet;
    a.status = next;
    return a;
  }

  @Authorized()
  @Mutation(() => Assessment, { description: "The block's administrator: the appraisal's scores become final." })
  async finalizeAppraisal(
    @Arg('assessmentId', () => ID) assessmentId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: KitContext,
  ) {
    const { a, set } = await loadForWrite(ctx, assessmentId);
    const next = await authorizeStep(ctx, 'FINALIZE_APPRAISAL', a, set, expectedVersion);
    await openTransaction(ctx);
    a.status = next;
    return a;
  }

  @Authorized()
  @Mutation(() => [Assessment], { description: "The block's administrator: the sociological survey's scores, per organization and survey item." })
  async importSurveyScores(
    @Arg('year', () => Int) year: number,
    @Arg('block', () => String) block: string,
    @Arg('scores', () => [SurveyScoreInput]) scores: SurveyScoreInput[],
    @Ctx() ctx: KitContext,
  ) {
    const set = await activeSet(ctx, year, block);
    await requireAdministrator(ctx, set);
    await openTransaction(ctx);
    if (scores.length === 0) throw badInput('scores', 'give at least one survey score');
    noDuplicates(scores.map((s) => `${s.organizationId} ${s.criterionCode}`), (i) => `scores[${i}].criterionCode`);
    const ids = [...new Set(scores.map((s) => s.organizationId))];
    const assessments = new Map((await ctx.em.find(Assessment, { criteriaSetId: set.id, organizationId: { $in: ids } })).map((a) => [a.organizationId, a]));
    const sheets = new Map<Assessment, ScoreSheet>();
    scores.forEach((input, i) => {
      const a = assessments.get(input.organizationId);
      if (!a) throw badInput(`scores[${i}].organizationId`, `organization ${input.organizationId} has no ${year} assessment in ${block}`);
      if (!assessmentStep('IMPORT_SURVEY_SCORES', a.status, ADMINISTRATOR, set.ownedByCity).ok) throw conflict(`scores[${i}]: the assessment of ${input.organizationId} is published and frozen`, { field: `scores[${i}].organizationId` });
      const leaf = leafFor(set, input.criterionCode, `scores[${i}].criterionCode`, 'SURVEY');
      const value = pointsFor(leaf, input.score, `scores[${i}].score`);
      if (!sheets.has(a)) sheets.set(a, copySheet(a.sheet));
      recordOf(sheets.get(a)!, leaf.code).survey = value;
    });
    for (const [a, sheet] of sheets) a.sheet = sheet;
    return [...sheets.keys()];
  }
}
