import type { Assessment } from '../entities/assessment.entity.js';
import type { CriteriaSet } from '../entities/criteria-set.entity.js';
import { NotApplicablePolicy, ScoringMethod } from '../entities/enums.js';
import { AreaResultView, CriterionView, IndexBandView, ReformAreaView, ScoreView } from './shapes.js';
import { leavesOf, type CriterionNode } from '../rules/criteria-set.js';
import { computeIndex, finalNotApplicableOf, finalScoreOf, type AreaResultValue, type IndexResult } from '../rules/scoring.js';
import { fromHundredths } from 'shared-rules';

const points = (h: number | null | undefined) => (h === null || h === undefined ? null : fromHundredths(h));

function criterionView(node: CriterionNode): CriterionView {
  return Object.assign(new CriterionView(), {
    code: node.code,
    name: node.name,
    maxPoints: fromHundredths(node.maxHundredths),
    method: node.method as ScoringMethod,
    mayNotApply: node.mayNotApply,
    notApplicablePolicy: node.notApplicablePolicy as NotApplicablePolicy,
    evidenceRequired: node.evidenceRequired,
    children: node.children.map(criterionView),
  });
}

export const areaViews = (set: CriteriaSet): ReformAreaView[] =>
  set.areaTree.map((a) => Object.assign(new ReformAreaView(), { code: a.code, name: a.name, maxPoints: fromHundredths(a.maxHundredths), criteria: a.criteria.map(criterionView) }));

export const bandViews = (set: CriteriaSet): IndexBandView[] =>
  set.bandList.map((b) => Object.assign(new IndexBandView(), { label: b.label, minIndex: fromHundredths(b.minHundredths) }));

/** One row per scored item of the set (unscored ones too), optionally only one area's. */
export function scoreViews(set: CriteriaSet, assessment: Assessment, areaCode?: string): ScoreView[] {
  return leavesOf(set.areaTree)
    .filter((l) => areaCode === undefined || l.areaCode === areaCode)
    .map(({ leaf }) => {
      const r = assessment.sheet.get(leaf.code) ?? {};
      return Object.assign(new ScoreView(), {
        criterionCode: leaf.code,
        maxPoints: fromHundredths(leaf.maxHundredths),
        selfScore: points(r.self),
        appraisedScore: points(r.appraised),
        surveyScore: points(r.survey),
        finalScore: points(finalScoreOf(leaf, r)),
        notApplicable: finalNotApplicableOf(leaf, r),
        evidence: r.evidence ?? [],
        selfNote: r.selfNote ?? null,
        appraisalNote: r.appraisalNote ?? null,
        explanationRequest: r.explanationRequest ?? null,
        explanation: r.explanation ?? null,
      });
    });
}

export function areaResultView(value: AreaResultValue): AreaResultView {
  return Object.assign(new AreaResultView(), {
    areaCode: value.areaCode,
    points: fromHundredths(value.points),
    maxPoints: fromHundredths(value.max),
    percent: fromHundredths(value.percent ?? 0),
  });
}

const computed = new WeakMap<Assessment, { version: number; sheet: unknown; result: IndexResult }>();

/** The assessment's index, computed once per loaded object and version. */
export function indexOf(set: CriteriaSet, assessment: Assessment): IndexResult {
  const cached = computed.get(assessment);
  if (cached && cached.version === assessment.version && cached.sheet === assessment.sheet) return cached.result;
  const result = computeIndex(set.areaTree, assessment.sheet);
  computed.set(assessment, { version: assessment.version, sheet: assessment.sheet, result });
  return result;
}
