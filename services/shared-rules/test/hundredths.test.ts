import { describe, expect, it } from 'vitest';
import { HundredthsError, divideHalfUp, fromHundredths, percentHundredths, toHundredths } from '../src/hundredths.js';

describe('points are exact hundredths', () => {
  it('accepts up to two decimals and refuses a third', () => {
    expect(toHundredths(94.71)).toBe(9471);
    expect(toHundredths(0.29)).toBe(29);
    expect(toHundredths(14.5)).toBe(1450);
    expect(() => toHundredths(1.005)).toThrow(/2 decimals/);
    expect(() => toHundredths(Number.NaN)).toThrow();
  });

  it('rounds half-up once, at the end', () => {
    expect(divideHalfUp(5, 2)).toBe(3);
    expect(divideHalfUp(7, 3)).toBe(2);
    // 2/3 of 100 points = 66.666… → 66.67; 1/8 = 12.5 % exactly
    expect(percentHundredths(200, 300)).toBe(6667);
    expect(percentHundredths(1, 8)).toBe(1250);
    // 0.005 must round up: 1/200 × 100 = 0.5 % → 0.50; 1/20000 → 0.005 % → 0.01
    expect(percentHundredths(1, 20000)).toBe(1);
    expect(percentHundredths(0, 0)).toBeNull();
  });
});

describe('one contract for hundredths', () => {
  it('throws a HundredthsError whose reason completes the field for the client', () => {
    const reasonOf = (value: number) => {
      try {
        toHundredths(value);
      } catch (error) {
        expect(error).toBeInstanceOf(HundredthsError);
        return (error as HundredthsError).reason;
      }
      return null;
    };
    expect(reasonOf(80.001)).toBe('must have at most 2 decimals');
    expect(reasonOf(Number.POSITIVE_INFINITY)).toBe('must be a finite number');
    expect(reasonOf(Number.NaN)).toBe('must be a finite number');
    expect(reasonOf(1e300)).toBe('is out of range');
    expect(reasonOf(79.99)).toBeNull();
  });

  it('round-trips every 2-decimal value of an index', () => {
    for (let h = 0; h <= 10_000; h++) expect(toHundredths(fromHundredths(h))).toBe(h);
  });
});
