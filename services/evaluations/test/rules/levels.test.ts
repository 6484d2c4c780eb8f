import { describe, expect, it } from 'vitest';
import { bandLevel, bandProblems, finalLevel, proposedLevel, type LevelTerms } from '../../src/rules/levels.js';

// Quảng Ngãi 2018: EXCELLENT ≥ 80, GOOD 70–<80, COMPLETED 50–<70, below: NOT_COMPLETED.
const quangNgai: LevelTerms = {
  bands: [{ level: 'EXCELLENT', minHundredths: 8000 }, { level: 'GOOD', minHundredths: 7000 }, { level: 'COMPLETED', minHundredths: 5000 }],
  excellentRequiresAllDuties: true,
  lastInBlockMaxLevel: 'COMPLETED',
  mitigationCeiling: 'COMPLETED',
};
const plain = { lastInBlock: false, dutiesFulfilled: true, mitigationAccepted: false };

describe('the band of an index value (lower bound inclusive)', () => {
  it('80.00 is EXCELLENT, 79.99 is GOOD', () => {
    expect(bandLevel(quangNgai.bands, 8000)).toBe('EXCELLENT');
    expect(bandLevel(quangNgai.bands, 7999)).toBe('GOOD');
  });
  it('70.00 is GOOD, 69.99 COMPLETED, 50.00 COMPLETED, 49.99 NOT_COMPLETED', () => {
    expect(bandLevel(quangNgai.bands, 7000)).toBe('GOOD');
    expect(bandLevel(quangNgai.bands, 6999)).toBe('COMPLETED');
    expect(bandLevel(quangNgai.bands, 5000)).toBe('COMPLETED');
    expect(bandLevel(quangNgai.bands, 4999)).toBe('NOT_COMPLETED');
  });
});

describe('the proposed level comes from the rule alone', () => {
  it('is the band of the index value', () => {
    expect(proposedLevel(quangNgai, { indexHundredths: 9471, lastInBlock: false })).toBe('EXCELLENT');
  });
  it('is capped for every organization sharing the last rank', () => {
    expect(proposedLevel(quangNgai, { indexHundredths: 8899, lastInBlock: true })).toBe('COMPLETED');
  });
  it('is not capped when the rule sets no cap for the last rank', () => {
    expect(proposedLevel({ ...quangNgai, lastInBlockMaxLevel: null }, { indexHundredths: 8899, lastInBlock: true })).toBe('EXCELLENT');
  });
});

describe('the level on approval', () => {
  it('is the band when duties were fulfilled and no mitigation was accepted', () => {
    expect(finalLevel(quangNgai, { ...plain, indexHundredths: 8000 })).toBe('EXCELLENT');
    expect(finalLevel(quangNgai, { ...plain, indexHundredths: 7999 })).toBe('GOOD');
  });
  it('duties not fulfilled cap EXCELLENT at GOOD when the rule requires all duties', () => {
    expect(finalLevel(quangNgai, { ...plain, indexHundredths: 9500, dutiesFulfilled: false })).toBe('GOOD');
    expect(finalLevel({ ...quangNgai, excellentRequiresAllDuties: false }, { ...plain, indexHundredths: 9500, dutiesFulfilled: false })).toBe('EXCELLENT');
  });
  it('duties not fulfilled leave lower levels as they are', () => {
    expect(finalLevel(quangNgai, { ...plain, indexHundredths: 6000, dutiesFulfilled: false })).toBe('COMPLETED');
  });
  it('the last in block is capped', () => {
    expect(finalLevel(quangNgai, { ...plain, indexHundredths: 9000, lastInBlock: true })).toBe('COMPLETED');
  });
  it('accepted mitigation lifts NOT_COMPLETED to COMPLETED', () => {
    expect(finalLevel(quangNgai, { ...plain, indexHundredths: 4500, mitigationAccepted: true })).toBe('COMPLETED');
  });
  it('mitigation never lifts past the ceiling', () => {
    expect(finalLevel(quangNgai, { ...plain, indexHundredths: 6000, mitigationAccepted: true })).toBe('COMPLETED');
    expect(finalLevel({ ...quangNgai, mitigationCeiling: 'GOOD' }, { ...plain, indexHundredths: 6000, mitigationAccepted: true })).toBe('GOOD');
    expect(finalLevel({ ...quangNgai, mitigationCeiling: 'GOOD' }, { ...plain, indexHundredths: 7500, mitigationAccepted: true })).toBe('GOOD');
  });
  it('mitigation never lowers a level above the ceiling', () => {
    expect(finalLevel(quangNgai, { ...plain, indexHundredths: 7500, mitigationAccepted: true })).toBe('GOOD');
    expect(finalLevel(quangNgai, { ...plain, indexHundredths: 8500, mitigationAccepted: true })).toBe('EXCELLENT');
  });
  it('a ceiling of NOT_COMPLETED turns the lift off', () => {
    expect(finalLevel({ ...quangNgai, mitigationCeiling: 'NOT_COMPLETED' }, { ...plain, indexHundredths: 4500, mitigationAccepted: true })).toBe('NOT_COMPLETED');
  });
  it('mitigation cannot break the last-in-block cap', () => {
    const terms: LevelTerms = { ...quangNgai, lastInBlockMaxLevel: 'NOT_COMPLETED' };
    expect(finalLevel(terms, { ...plain, indexHundredths: 4500, lastInBlock: true, mitigationAccepted: true })).toBe('NOT_COMPLETED');
  });
  it('mitigation cannot break the duties cap', () => {
    const terms: LevelTerms = { ...quangNgai, mitigationCeiling: 'EXCELLENT' };
    expect(finalLevel(terms, { ...plain, indexHundredths: 7500, dutiesFulfilled: false, mitigationAccepted: true })).toBe('GOOD');
  });
});

describe('bands are validated', () => {
  it('accepts the Quảng Ngãi bands', () => {
    expect(bandProblems([{ level: 'EXCELLENT', minIndex: 80 }, { level: 'GOOD', minIndex: 70 }, { level: 'COMPLETED', minIndex: 50 }])).toEqual([]);
  });
  it('refuses a level listed twice', () => {
    expect(bandProblems([{ level: 'GOOD', minIndex: 80 }, { level: 'GOOD', minIndex: 70 }])[0]).toMatchObject({ index: 1, field: 'level' });
  });
  it('refuses bounds that do not descend with the levels', () => {
    expect(bandProblems([{ level: 'EXCELLENT', minIndex: 70 }, { level: 'GOOD', minIndex: 80 }])[0]).toMatchObject({ index: 1, field: 'minIndex' });
    expect(bandProblems([{ level: 'GOOD', minIndex: 80 }, { level: 'EXCELLENT', minIndex: 70 }])[0]).toMatchObject({ index: 1, field: 'level' });
  });
  it('refuses bounds outside 0–100 or with more than 2 decimals', () => {
    expect(bandProblems([{ level: 'EXCELLENT', minIndex: 101 }])[0]).toMatchObject({ index: 0, field: 'minIndex' });
    expect(bandProblems([{ level: 'EXCELLENT', minIndex: -1 }])[0]).toMatchObject({ index: 0, field: 'minIndex' });
    expect(bandProblems([{ level: 'EXCELLENT', minIndex: 80.005 }])[0]).toMatchObject({ index: 0, field: 'minIndex' });
  });
  it('refuses no bands at all', () => {
    expect(bandProblems([])).toHaveLength(1);
  });
});
