/**
 * Points and index values are kept as integer hundredths (94.71 → 9471): every sum is exact, and rounding
 * happens once, at the end, half-up, as the published figures are (docs/domain.md, The PAR index).
 */

/** Why a number given in points or index units is not a whole number of hundredths. */
export class HundredthsError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * A value a client gives in points or index units → hundredths. NaN, infinity, more than 2 decimals or a value
 * beyond exact integers throws a HundredthsError whose `reason` completes "<field> …" for the client.
 */
export function toHundredths(value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new HundredthsError('must be a finite number');
  const scaled = value * 100;
  const hundredths = Math.round(scaled);
  // value * 100 of a 2-decimal number is within float noise of an integer; anything else has a third decimal.
  if (Math.abs(scaled - hundredths) > 1e-6) throw new HundredthsError('must have at most 2 decimals');
  if (!Number.isSafeInteger(hundredths)) throw new HundredthsError('is out of range');
  return hundredths;
}

export const fromHundredths = (hundredths: number): number => hundredths / 100;

/** numerator / denominator rounded half-up to an integer, for non-negative integers. */
export function divideHalfUp(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  if (numerator < 0) throw new RangeError('numerator must not be negative');
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** points / max × 100 in hundredths, rounded half-up to 2 decimals (both arguments in hundredths). */
export function percentHundredths(pointsHundredths: number, maxHundredths: number): number | null {
  if (maxHundredths <= 0) return null;
  return divideHalfUp(pointsHundredths * 10_000, maxHundredths);
}
