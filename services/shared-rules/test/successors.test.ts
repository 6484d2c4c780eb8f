import { describe, expect, it } from 'vitest';
import { actingOwnerId, existsOn } from '../src/successors.js';

describe('an owner that no longer exists passes to its successor, else to the city', () => {
  const district = { id: 'district', validFrom: '2000-01-01', validTo: null };

  it('exists from its first day to its last, both included', () => {
    const closed = { id: 'x', validFrom: '2025-01-01', validTo: '2025-06-30' };
    expect(existsOn(closed, '2024-12-31')).toBe(false);
    expect(existsOn(closed, '2025-01-01')).toBe(true);
    expect(existsOn(closed, '2025-06-30')).toBe(true);
    expect(existsOn(closed, '2025-07-01')).toBe(false);
  });

  it('an owner that still exists acts itself', () => {
    expect(actingOwnerId({ ...district, successors: [] }, '2026-01-09', 'city')).toBe('district');
  });

  it('a gone owner passes to the successor existing that day', () => {
    const gone = {
      ...district, validTo: '2025-06-30',
      successors: [{ id: 'later', validFrom: '2027-01-01', validTo: null }, { id: 'ward', validFrom: '2025-07-01', validTo: null }],
    };
    expect(actingOwnerId(gone, '2026-01-09', 'city')).toBe('ward');
  });

  it('a gone owner with no successor existing that day passes to the city committee', () => {
    expect(actingOwnerId({ ...district, validTo: '2025-06-30', successors: [] }, '2026-01-09', 'city')).toBe('city');
    const successorGoneToo = { ...district, validTo: '2025-06-30', successors: [{ id: 'ward', validFrom: '2025-07-01', validTo: '2025-12-31' }] };
    expect(actingOwnerId(successorGoneToo, '2026-01-09', 'city')).toBe('city');
  });
});
