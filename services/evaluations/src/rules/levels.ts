import { HundredthsError, toHundredths } from 'shared-rules';

/**
 * The score → completion level rule (docs/domain.md, Completion levels). Index values and bounds are integer hundredths, so 80.00 and
 * 79.99 compare exactly.
 */
export const CompletionLevel = { EXCELLENT: 'EXCELLENT', GOOD: 'GOOD', COMPLETED: 'COMPLETED', NOT_COMPLETED: 'NOT_COMPLETED' } as const;
export type CompletionLevel = (typeof CompletionLevel)[keyof typeof CompletionLevel];
type Level = CompletionLevel;

/** Lowest first: a level's position is its step. */
export const LEVELS_ASCENDING: readonly Level[] = ['NOT_COMPLETED', 'COMPLETED', 'GOOD', 'EXCELLENT'];

export const stepOf = (level: Level) => LEVELS_ASCENDING.indexOf(level);
const atStep = (step: number): Level => LEVELS_ASCENDING[Math.max(0, Math.min(LEVELS_ASCENDING.length - 1, step))]!;
export const lowerOf = (a: Level, b: Level): Level => (stepOf(a) <= stepOf(b) ? a : b);

export interface Band { level: Level; minHundredths: number }

export interface LevelTerms {
  /** Highest level first; below the last band: NOT_COMPLETED. */
  bands: Band[];
  excellentRequiresAllDuties: boolean;
  lastInBlockMaxLevel: Level | null;
  mitigationCeiling: Level;
}

export interface Standing {
  indexHundredths: number;
  /** Ranked last in its block (every organization sharing the last rank). */
  lastInBlock: boolean;
}

/** The band the index value falls in: the highest band whose lower bound (inclusive) it reaches. */
export function bandLevel(bands: Band[], indexHundredths: number): Level {
  let best: Level = 'NOT_COMPLETED';
  for (const band of bands) {
    if (indexHundredths >= band.minHundredths && stepOf(band.level) > stepOf(best)) best = band.level;
  }
  return best;
}

/** What the rule alone says, before duties and mitigation are known. */
export function proposedLevel(terms: LevelTerms, standing: Standing): Level {
  const band = bandLevel(terms.bands, standing.indexHundredths);
  return standing.lastInBlock && terms.lastInBlockMaxLevel ? lowerOf(band, terms.lastInBlockMaxLevel) : band;
}

/**
 * The level on approval: the band; accepted mitigation lifts it one step but never above the ceiling and never
 * lowers it; then the caps, which mitigation cannot break (last in block, duties not fulfilled).
 */
export function finalLevel(terms: LevelTerms, standing: Standing & { dutiesFulfilled: boolean; mitigationAccepted: boolean }): Level {
  let level = bandLevel(terms.bands, standing.indexHundredths);
  if (standing.mitigationAccepted) {
    const lifted = atStep(stepOf(level) + 1);
    if (stepOf(lifted) <= stepOf(terms.mitigationCeiling)) level = lifted;
  }
  if (standing.lastInBlock && terms.lastInBlockMaxLevel) level = lowerOf(level, terms.lastInBlockMaxLevel);
  if (!standing.dutiesFulfilled && terms.excellentRequiresAllDuties) level = lowerOf(level, 'GOOD');
  return level;
}

export interface BandProblem { index: number; field: 'level' | 'minIndex' | null; message: string }

/** Bands must be listed highest level first, with distinct levels and strictly descending bounds within 0–100. */
export function bandProblems(bands: { level: Level; minIndex: number }[]): BandProblem[] {
  const problems: BandProblem[] = [];
  if (bands.length === 0) problems.push({ index: -1, field: null, message: 'at least one band is needed' });
  const seen = new Set<Level>();
  bands.forEach((band, i) => {
    const h = hundredthsOrReason(band.minIndex);
    if (typeof h === 'string') problems.push({ index: i, field: 'minIndex', message: h });
    else if (h < 0 || h > 10000) problems.push({ index: i, field: 'minIndex', message: 'must be within 0–100' });
    if (seen.has(band.level)) problems.push({ index: i, field: 'level', message: `${band.level} appears twice` });
    seen.add(band.level);
    if (i > 0) {
      const prev = bands[i - 1]!;
      if (stepOf(band.level) >= stepOf(prev.level) && prev.level !== band.level) {
        problems.push({ index: i, field: 'level', message: 'bands must be listed highest level first' });
      }
      if (!(band.minIndex < prev.minIndex)) problems.push({ index: i, field: 'minIndex', message: 'bounds must descend strictly with the levels' });
    }
  });
  return problems;
}

function hundredthsOrReason(value: number): number | string {
  try {
    return toHundredths(value);
  } catch (error) {
    if (error instanceof HundredthsError) return error.reason;
    throw error;
  }
}
