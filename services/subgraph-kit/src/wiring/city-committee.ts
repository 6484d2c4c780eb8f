/**
 * Which organization is the city committee (UBND thành phố), the one rule every subgraph and the headship lookup
 * follow: the organization coded HP when it is of kind CITY_COMMITTEE; else the only CITY_COMMITTEE active today (a
 * directory that codes it otherwise); else none can be told apart, and whoever asked must say so clearly.
 */
export const CITY_COMMITTEE_CODE = 'HP';
export const CITY_COMMITTEE_KIND = 'CITY_COMMITTEE';

/** `byCode`: the organization coded HP, if any; `activeToday`: the CITY_COMMITTEE organizations active today (the first two and how many). */
export function cityCommitteeOf<T extends { kind: string }>(byCode: T | null | undefined, activeToday: { totalCount: number; nodes: T[] } | null | undefined): T | null {
  if (byCode?.kind === CITY_COMMITTEE_KIND) return byCode;
  if (activeToday?.totalCount === 1 && activeToday.nodes[0]) return activeToday.nodes[0];
  return null;
}
