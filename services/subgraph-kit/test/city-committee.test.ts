import { describe, expect, it } from 'vitest';
import { cityCommitteeOf } from '../src/wiring/city-committee.js';
import { headshipsFrom } from '../src/auth/headships.js';
import { isUuid, uuidsOnly } from '../src/wiring/ids.js';

const hp = { id: 'hp', kind: 'CITY_COMMITTEE' };
const other = { id: 'other', kind: 'CITY_COMMITTEE' };

describe('which organization is the city committee: one rule for every subgraph and the headship lookup', () => {
  it('the organization coded HP, when it is a city committee', () => {
    expect(cityCommitteeOf(hp, { totalCount: 2, nodes: [other, hp] })).toBe(hp);
  });

  it('else the only city committee active today', () => {
    expect(cityCommitteeOf(null, { totalCount: 1, nodes: [other] })).toBe(other);
    expect(cityCommitteeOf({ id: 'hp-dept', kind: 'DEPARTMENT' }, { totalCount: 1, nodes: [other] })).toBe(other);
  });

  it('else none: two active, or none at all, cannot be told apart', () => {
    expect(cityCommitteeOf(null, { totalCount: 2, nodes: [hp, other] })).toBeNull();
    expect(cityCommitteeOf(null, { totalCount: 0, nodes: [] })).toBeNull();
    expect(cityCommitteeOf(undefined, null)).toBeNull();
  });

  it('the City Chairman is the head of that organization, by the same rule', () => {
    const read = (byCode: { id: string; kind: string } | null, cities: { id: string; kind: string }[]) => ({
      person: { assignments: [{ startDate: '2020-01-01', endDate: null, organization: { id: 'other' } }] },
      byCode,
      cities: { totalCount: cities.length, edges: cities.map((node) => ({ node })) },
    });
    expect(headshipsFrom(read(null, [other]), '2026-01-09').cityCommittee).toBe(true);
    expect(headshipsFrom(read(hp, [hp, other]), '2026-01-09').cityCommittee).toBe(false);
    expect(headshipsFrom(read(null, [hp, other]), '2026-01-09').cityCommittee).toBe(false);
  });
});

describe('ids are UUIDs', () => {
  it('keeps only the ids that can name a row', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(isUuid(id)).toBe(true);
    expect(isUuid(`${id} `)).toBe(false);
    expect(isUuid(null)).toBe(false);
    expect(uuidsOnly([id, '1 or 1=1', 'constructor'])).toEqual([id]);
  });
});
