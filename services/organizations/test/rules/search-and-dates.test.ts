import { describe, expect, it } from 'vitest';
import { foldVietnamese, searchPatterns, searchTextOf, SEARCH_MAX_CHARACTERS, SEARCH_MAX_WORDS } from '../../src/rules/search-text.js';
import { addDays, isActiveOn, todayInVietnam } from '../../src/rules/dates.js';
import { becomesOwnAncestor } from '../../src/rules/parent-chain.js';

describe('search folds case and Vietnamese diacritics', () => {
  it('"Hồng Bàng" folds to "hong bang", "đ" to "d"', () => {
    expect(foldVietnamese('Ủy ban nhân dân phường Hồng Bàng')).toBe('uy ban nhan dan phuong hong bang');
    expect(foldVietnamese('ĐỒ SƠN')).toBe('do son');
    expect(searchTextOf({ code: 'P-HONGBANG', name: 'Phường  Hồng Bàng', shortName: null })).toBe('p-hongbang phuong hong bang');
  });
});

describe('a search is a few words, each a LIKE pattern', () => {
  it('folds, drops repeated words and escapes LIKE wildcards', () => {
    expect(searchPatterns('Tư  pháp TU stp')).toEqual({ patterns: ['%tu%', '%phap%', '%stp%'] });
    expect(searchPatterns('100%_\\x')).toEqual({ patterns: ['%100\\%\\_\\\\x%'] });
    expect(searchPatterns(null)).toEqual({ patterns: [] });
    expect(searchPatterns('   ')).toEqual({ patterns: [] });
  });

  it(`refuses more than ${SEARCH_MAX_WORDS} words or ${SEARCH_MAX_CHARACTERS} characters`, () => {
    expect(searchPatterns(Array.from({ length: SEARCH_MAX_WORDS }, (_, i) => `w${i}`).join(' '))).toHaveProperty('patterns');
    expect(searchPatterns(Array.from({ length: SEARCH_MAX_WORDS + 1 }, (_, i) => `w${i}`).join(' '))).toEqual({ problem: 'must be at most 8 words (it has 9)' });
    expect(searchPatterns('a '.repeat(9000))).toHaveProperty('problem');
    expect(searchPatterns('x'.repeat(SEARCH_MAX_CHARACTERS))).toHaveProperty('patterns');
    expect(searchPatterns('x'.repeat(SEARCH_MAX_CHARACTERS + 1))).toEqual({ problem: 'must be at most 200 characters (it has 201)' });
  });
});

describe('days', () => {
  it('the day before 1 March 2025 is 28 February; 2024 was a leap year', () => {
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });
  it('an organization is active on both ends of its period', () => {
    const district = { validFrom: '1961-01-01', validTo: '2025-06-30' };
    expect(isActiveOn(district, '2025-06-30')).toBe(true);
    expect(isActiveOn(district, '2025-07-01')).toBe(false);
    expect(isActiveOn({ validFrom: '2025-07-01', validTo: null }, '2030-01-01')).toBe(true);
  });
  it('today is counted in Hải Phòng time (UTC+7)', () => {
    expect(todayInVietnam(new Date('2025-06-30T17:30:00Z'))).toBe('2025-07-01');
    expect(todayInVietnam(new Date('2025-06-30T16:59:00Z'))).toBe('2025-06-30');
  });
});

describe('an organization cannot sit under itself', () => {
  it('refuses itself or one of its own units as parent', () => {
    expect(becomesOwnAncestor('hp', 'hp', [])).toBe(true);
    expect(becomesOwnAncestor('hp', 'unit', ['unit', 'dept', 'hp'])).toBe(true);
    expect(becomesOwnAncestor('dept', 'hp', ['hp'])).toBe(false);
  });
});
