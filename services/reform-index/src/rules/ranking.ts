import type { BandNode } from './criteria-set.js';
import { divideHalfUp } from 'shared-rules';

export interface Ranked<T> {
  item: T;
  rank: number;
}

/**
 * Standard competition ranking, descending by the published (2-decimal, hundredths) index value: equal values
 * share a rank and the next rank skips (1, 2, 2, 4). Ties keep a stable order by `tieBreak` for display only.
 */
export function rankByIndex<T>(items: T[], indexOf: (item: T) => number, tieBreak: (item: T) => string = () => ''): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => indexOf(b) - indexOf(a) || tieBreak(a).localeCompare(tieBreak(b)));
  const out: Ranked<T>[] = [];
  sorted.forEach((item, i) => {
    const previous = out[i - 1];
    const rank = previous && indexOf(previous.item) === indexOf(item) ? previous.rank : i + 1;
    out.push({ item, rank });
  });
  return out;
}

/** The band of an index value: the first (highest) band whose lower bound it reaches; null below every band. */
export function bandOf(indexHundredths: number, bands: BandNode[]): string | null {
  for (const band of bands) if (indexHundredths >= band.minHundredths) return band.label;
  return null;
}

/** The block average: the mean of the published values, rounded half-up to 2 decimals (hundredths in, hundredths out). */
export function averageHundredths(values: number[]): number {
  if (values.length === 0) throw new RangeError('no values to average');
  return divideHalfUp(values.reduce((s, v) => s + v, 0), values.length);
}
