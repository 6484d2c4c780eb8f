import { describe, expect, it } from 'vitest';
import data from '../../src/seed/haiphong.json' with { type: 'json' };
import { SEEDED_HEADS, SEEDED_PERSONS } from '../../src/seed/heads.js';
import { checkEventShape, planEvent } from '../../src/rules/organization-events.js';

/** The demo data must agree with the rules that build it at `pnpm start` (seeds do not run in tests). */
const orgs = [data.city, ...data.organizations] as { code: string; kind: string; validFrom: string; validTo?: string }[];
const byCode = new Map(orgs.map((o) => [o.code, o]));
const events = data.events as { kind: string; effectiveDate: string; predecessors: string[]; successors: string[] }[];

describe('the 2025 events explain every closing and opening of the seed data', () => {
  it('each event has a valid shape, closes its predecessors on their recorded last day and opens successors on the day', () => {
    const closedBy = new Map<string, string>();
    for (const e of events) {
      const created = e.successors.filter((c) => !e.predecessors.includes(c));
      const existing = e.successors.filter((c) => e.predecessors.includes(c));
      expect(checkEventShape(e.kind as never, e.predecessors, existing, created.length)).toBeNull();
      const plan = planEvent(e.predecessors, e.successors, e.effectiveDate);
      for (const code of plan.closing) closedBy.set(code, plan.closeOn);
      for (const code of created) expect(byCode.get(code)?.validFrom).toBe(e.effectiveDate);
    }
    for (const o of orgs) expect(closedBy.get(o.code) ?? null).toBe(o.validTo ?? null);
  });
});

describe('the demo heads', () => {
  const persons = new Set(SEEDED_PERSONS.map((p) => p.key));
  it('refer to seeded people and organizations, with unique keys', () => {
    expect(new Set(SEEDED_HEADS.map((h) => h.key)).size).toBe(SEEDED_HEADS.length);
    expect(persons.size).toBe(SEEDED_PERSONS.length);
    for (const h of SEEDED_HEADS) {
      expect(persons.has(h.personKey)).toBe(true);
      expect(byCode.has(h.organizationCode)).toBe(true);
    }
  });

  it('cover every day of 2025 for the City Chairman and every current department and agency', () => {
    const current = orgs.filter((o) => !o.validTo && ['CITY_COMMITTEE', 'DEPARTMENT', 'CITY_AGENCY'].includes(o.kind));
    expect(current.length).toBe(15);
    for (const o of current) {
      const starts = SEEDED_HEADS.filter((h) => h.organizationCode === o.code).map((h) => h.startDate).sort();
      const from = o.validFrom > '2025-01-01' ? o.validFrom : '2025-01-01';
      expect(starts.filter((s) => s <= from).length, o.code).toBeGreaterThan(0);
      // Each head serves until the day before the next one starts: no gap by construction, no two on one day.
      expect(new Set(starts).size, o.code).toBe(starts.length);
    }
  });
});
