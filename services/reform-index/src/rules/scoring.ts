import type { AreaNode, CriterionNode } from './criteria-set.js';
import { leavesOf } from './criteria-set.js';
import { percentHundredths } from 'shared-rules';
import type { ScoreRecord, ScoreSheet } from './score-sheet.js';

/** The score that counts: the appraised one (or the unit's own if the council did not re-score it), or the survey's. */
export function finalScoreOf(leaf: CriterionNode, record: ScoreRecord | undefined): number | null {
  if (leaf.method === 'SURVEY') return record?.survey ?? null;
  return record?.appraised ?? record?.self ?? null;
}

export function finalNotApplicableOf(leaf: CriterionNode, record: ScoreRecord | undefined): boolean {
  if (leaf.method === 'SURVEY' || !leaf.mayNotApply) return false;
  return record?.appraisedNotApplicable ?? record?.selfNotApplicable ?? false;
}

/** A leaf's contribution (points, max) under its not-applicable policy. */
export function contribution(leaf: CriterionNode, score: number | null, notApplicable: boolean): { points: number; max: number } {
  if (notApplicable) {
    switch (leaf.notApplicablePolicy) {
      case 'FULL_POINTS':
        return { points: leaf.maxHundredths, max: leaf.maxHundredths };
      case 'ZERO':
        return { points: 0, max: leaf.maxHundredths };
      default:
        return { points: 0, max: 0 };
    }
  }
  return { points: score ?? 0, max: leaf.maxHundredths };
}

export interface AreaResultValue {
  areaCode: string;
  points: number;
  max: number;
  /** points / max × 100, hundredths, half-up; null when nothing in the area applies. */
  percent: number | null;
}

export interface IndexResult {
  /** Self-assessed items scored with the unit's own scores. */
  selfAssessed: number;
  /** Self-assessed items with the final (appraised, else own) scores. */
  appraised: number;
  survey: number;
  surveyItemsScored: number;
  surveyItems: number;
  total: number;
  applicableMax: number;
  /** total / applicableMax × 100 in hundredths, rounded half-up once, here; null when nothing applies. */
  index: number | null;
  areas: AreaResultValue[];
}

/** The index of one assessment, exactly (all values in hundredths). */
export function computeIndex(areas: AreaNode[], sheet: ScoreSheet): IndexResult {
  const byArea = new Map<string, { points: number; max: number }>(areas.map((a) => [a.code, { points: 0, max: 0 }]));
  const result: IndexResult = { selfAssessed: 0, appraised: 0, survey: 0, surveyItemsScored: 0, surveyItems: 0, total: 0, applicableMax: 0, index: null, areas: [] };
  for (const { leaf, areaCode } of leavesOf(areas)) {
    const record = sheet.get(leaf.code);
    if (leaf.method === 'SURVEY') {
      result.surveyItems++;
      if (record?.survey !== undefined && record?.survey !== null) result.surveyItemsScored++;
      result.survey += record?.survey ?? 0;
    } else {
      const own = contribution(leaf, record?.self ?? null, leaf.mayNotApply && (record?.selfNotApplicable ?? false));
      result.selfAssessed += own.points;
      result.appraised += contribution(leaf, finalScoreOf(leaf, record), finalNotApplicableOf(leaf, record)).points;
    }
    const counted = contribution(leaf, finalScoreOf(leaf, record), finalNotApplicableOf(leaf, record));
    const area = byArea.get(areaCode)!;
    area.points += counted.points;
    area.max += counted.max;
    result.total += counted.points;
    result.applicableMax += counted.max;
  }
  result.index = percentHundredths(result.total, result.applicableMax);
  result.areas = areas.map((a) => {
    const { points, max } = byArea.get(a.code)!;
    return { areaCode: a.code, points, max, percent: percentHundredths(points, max) };
  });
  return result;
}
