import { describe, expect, it } from 'vitest';
import { validateCriteriaSet, type AreaDraft } from '../../src/rules/criteria-set.js';
import { averageHundredths, bandOf, rankByIndex } from '../../src/rules/ranking.js';
import { computeIndex } from '../../src/rules/scoring.js';
import { sheetFromJson } from '../../src/rules/score-sheet.js';

/** A 100-point set: one area of self-assessed items (one of which may not apply under `policy`) and a survey area. */
function setWith(policy: 'EXCLUDE_FROM_MAX' | 'FULL_POINTS' | 'ZERO') {
  const areas: AreaDraft[] = [
    { code: 'A', name: 'Chỉ đạo', maxPoints: 70, criteria: [
      { code: 'A.1', name: 'Kế hoạch', maxPoints: 50, children: [
        { code: 'A.1.1', name: 'Ban hành', maxPoints: 30 },
        { code: 'A.1.2', name: 'Thực hiện', maxPoints: 20 },
      ] },
      { code: 'A.2', name: 'Không phát sinh được', maxPoints: 20, mayNotApply: true, notApplicablePolicy: policy },
    ] },
    { code: 'S', name: 'Khảo sát', maxPoints: 30, criteria: [{ code: 'S.1', name: 'SIPAS', maxPoints: 30, method: 'SURVEY' }] },
  ];
  return validateCriteriaSet(areas, [{ label: 'A', minIndex: 90 }, { label: 'B', minIndex: 80 }]).areas;
}

describe('the index value is achieved points over applicable points', () => {
  const sheet = sheetFromJson({ 'A.1.1': { self: 2500, appraised: 2400 }, 'A.1.2': { self: 1550 }, 'A.2': { self: null, selfNotApplicable: true }, 'S.1': { survey: 2733 } });

  it('an item that does not apply is left out of the maximum by default', () => {
    // 24 + 15.5 + 27.33 = 66.83 of 80 applicable → 83.5375 → 83.54
    const r = computeIndex(setWith('EXCLUDE_FROM_MAX'), sheet);
    expect([r.total, r.applicableMax, r.index]).toEqual([6683, 8000, 8354]);
    expect(r.areas).toEqual([
      { areaCode: 'A', points: 3950, max: 5000, percent: 7900 },
      { areaCode: 'S', points: 2733, max: 3000, percent: 9110 },
    ]);
  });

  it('or earns its full points', () => {
    // 66.83 + 20 = 86.83 of 100 → 86.83
    const r = computeIndex(setWith('FULL_POINTS'), sheet);
    expect([r.total, r.applicableMax, r.index]).toEqual([8683, 10000, 8683]);
  });

  it('or scores zero against its points', () => {
    // 66.83 of 100 → 66.83
    const r = computeIndex(setWith('ZERO'), sheet);
    expect([r.total, r.applicableMax, r.index]).toEqual([6683, 10000, 6683]);
  });

  it('the appraised score replaces the unit\'s own, which is kept; survey items count their survey score', () => {
    const r = computeIndex(setWith('EXCLUDE_FROM_MAX'), sheet);
    expect(r.selfAssessed).toBe(2500 + 1550);
    expect(r.appraised).toBe(2400 + 1550);
    expect([r.survey, r.surveyItemsScored, r.surveyItems]).toEqual([2733, 1, 1]);
  });

  it('rounds only the final quotient: 1/3 of every item is not rounded item by item', () => {
    const areas = validateCriteriaSet([{ code: 'X', name: 'X', maxPoints: 100, criteria: [
      { code: 'X.1', name: 'a', maxPoints: 33.33 }, { code: 'X.2', name: 'b', maxPoints: 33.33 }, { code: 'X.3', name: 'c', maxPoints: 33.34 },
    ] }], []).areas;
    // 11.11 + 11.11 + 11.12 = 33.34 of 100 → 33.34; area percent alike
    const r = computeIndex(areas, sheetFromJson({ 'X.1': { self: 1111 }, 'X.2': { self: 1111 }, 'X.3': { self: 1112 } }));
    expect(r.index).toBe(3334);
  });
});

describe('ranking within a block', () => {
  it('equal published values share a rank and the next rank skips (1, 2, 2, 4)', () => {
    const ranked = rankByIndex([{ id: 'a', v: 9000 }, { id: 'b', v: 9471 }, { id: 'c', v: 9000 }, { id: 'd', v: 8999 }], (x) => x.v, (x) => x.id);
    expect(ranked.map((r) => [r.item.id, r.rank])).toEqual([['b', 1], ['a', 2], ['c', 2], ['d', 4]]);
  });

  it('the block average is the mean of the published values, rounded half-up', () => {
    expect(averageHundredths([9471, 9440])).toBe(9456); // 94.555 → 94.56
    expect(averageHundredths([9000, 9001, 9001])).toBe(9001); // 90.0066… → 90.01
  });

  it('the band is the highest one the value reaches', () => {
    const bands = [{ label: 'A', minHundredths: 9000 }, { label: 'B', minHundredths: 8000 }];
    expect([bandOf(9000, bands), bandOf(8999, bands), bandOf(7999, bands)]).toEqual(['A', 'B', null]);
  });
});

describe('a criteria set must add up', () => {
  const base = (): AreaDraft[] => [{ code: 'A', name: 'A', maxPoints: 100, criteria: [
    { code: 'A.1', name: 'a', maxPoints: 60, children: [{ code: 'A.1.1', name: 'x', maxPoints: 60 }] },
    { code: 'A.2', name: 'b', maxPoints: 40 },
  ] }];
  const fails = (areas: AreaDraft[], bands: { label: string; minIndex: number }[] = []) => {
    try {
      validateCriteriaSet(areas, bands);
    } catch (error) {
      return (error as { field: string }).field;
    }
    return null;
  };

  it('accepts a set of 100 points whose parents are the sums of their children', () => {
    expect(fails(base())).toBeNull();
  });

  it('names the field of each mistake', () => {
    const children = base(); children[0]!.criteria[0]!.children![0]!.maxPoints = 59;
    expect(fails(children)).toBe('input.areas[0].criteria[0].children');
    const total = base(); total[0]!.maxPoints = 90; total[0]!.criteria[1]!.maxPoints = 30;
    expect(fails(total)).toBe('input.areas');
    const duplicate = base(); duplicate[0]!.criteria[1]!.code = 'A.1.1';
    expect(fails(duplicate)).toBe('input.areas[0].criteria[1].code');
    const survey = base(); survey[0]!.criteria[0]!.method = 'SURVEY';
    expect(fails(survey)).toBe('input.areas[0].criteria[0].method');
    const decimals = base(); decimals[0]!.criteria[1]!.maxPoints = 40.001;
    expect(fails(decimals)).toBe('input.areas[0].criteria[1].maxPoints');
    expect(fails(base(), [{ label: 'B', minIndex: 80 }, { label: 'A', minIndex: 90 }])).toBe('input.bands[1].minIndex');
  });
});
