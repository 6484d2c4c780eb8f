import type { KitContext } from '../context.js';
import { hasRole } from './caller.js';
import { CITY_COMMITTEE_CODE, cityCommitteeOf } from '../wiring/city-committee.js';

/**
 * "The head of X" and "the City Chairman" are facts of the organizations data, not of the token. The identity
 * provider's ORG_HEAD/CITY_CHAIR role and `org` claim only say what the caller claims to be; the head assignments say
 * whether `sub` heads X today (acting heads included). A token naming a department with somebody else's `sub`, or
 * the `sub` of a head whose assignment ended, is therefore refused.
 *
 * The lookup is made once per request (all checks of the request share it), lazily (only when a check needs it)
 * and only for tokens that claim a post: staff, Home Affairs, appraisers, partners and services never cause it.
 */
export interface Headships {
  /** Organizations whose head `sub` is today, by the organizations data. */
  organizationIds: ReadonlySet<string>;
  /** One of them is the city committee: `sub` is the City Chairman. */
  cityCommittee: boolean;
}

const NONE: Headships = Object.freeze({ organizationIds: new Set<string>(), cityCommittee: false });

/** Today in Hải Phòng (UTC+7, no daylight saving): the day on which "heads X" is judged. */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

interface AssignmentRead { startDate: string; endDate: string | null; organization: { id: string } }
interface HeadshipsRead {
  person: { assignments: AssignmentRead[] } | null;
  byCode?: { id: string; kind: string } | null;
  cities?: { totalCount: number; edges: { node: { id: string; kind: string } }[] };
}

// One gateway call: the person's head assignments and, for a CITY_CHAIR claim, which organization is the city committee
// (wiring/city-committee.ts).
const HEADSHIPS_QUERY = `query Headships($person: ID!, $day: Date!, $chair: Boolean!) {
  person(id: $person) { assignments { startDate endDate organization { id } } }
  byCode: organizationByCode(code: "${CITY_COMMITTEE_CODE}") @include(if: $chair) { id kind }
  cities: organizations(filter: { kinds: [CITY_COMMITTEE], activeOn: $day }, first: 2) @include(if: $chair) { totalCount edges { node { id kind } } }
}`;

/** What the organizations data says about `read`, judged on `day`. Pure, for the lookup and its tests. */
export function headshipsFrom(read: HeadshipsRead, day: string): Headships {
  const organizationIds = new Set(
    (read.person?.assignments ?? []).filter((a) => a.startDate <= day && (a.endDate === null || a.endDate >= day)).map((a) => a.organization.id),
  );
  const cities = read.cities && { totalCount: read.cities.totalCount, nodes: read.cities.edges.map((e) => e.node) };
  const cityId = cityCommitteeOf(read.byCode, cities)?.id ?? null;
  return { organizationIds, cityCommittee: cityId !== null && organizationIds.has(cityId) };
}

/** The caller's posts today, looked up through the platform gateway on first use and shared by the whole request. */
export function headshipsOf(ctx: KitContext): Promise<Headships> {
  const caller = ctx.caller;
  if (!caller.sub || !hasRole(caller, 'ORG_HEAD', 'CITY_CHAIR')) return Promise.resolve(NONE);
  ctx.headships ??= (async () => {
    const day = vietnamToday();
    const read = await ctx.gateway.query<HeadshipsRead>(HEADSHIPS_QUERY, { person: caller.sub, day, chair: hasRole(caller, 'CITY_CHAIR') });
    return headshipsFrom(read, day);
  })();
  return ctx.headships;
}

/**
 * The one test of "the caller is the head of X": an ORG_HEAD token naming X in `org`, whose `sub` heads X today by
 * the organizations data.
 */
export async function isHeadOf(ctx: KitContext, organizationId: string): Promise<boolean> {
  const caller = ctx.caller;
  if (caller.org !== organizationId || !hasRole(caller, 'ORG_HEAD')) return false;
  return (await headshipsOf(ctx)).organizationIds.has(organizationId);
}

/** The City Chairman: a CITY_CHAIR token whose `sub` heads the city committee today. */
export async function isCityChair(ctx: KitContext): Promise<boolean> {
  if (!hasRole(ctx.caller, 'CITY_CHAIR')) return false;
  return (await headshipsOf(ctx)).cityCommittee;
}
