import type { KitContext } from '../context.js';
import { DomainError, badInput } from '../errors.js';
import { vietnamToday } from '../auth/headships.js';
import { CITY_COMMITTEE_CODE, CITY_COMMITTEE_KIND, cityCommitteeOf } from './city-committee.js';
import { isUuid } from './ids.js';

/**
 * Organizations read from the organizations subgraph through the gateway (service token), inside the request that
 * needs them and before its transaction opens. Each subgraph says which fields it needs (`selection`, GraphQL
 * selection text of its own code, never of a client's); what a decision used, it stores as a snapshot.
 */

// The gateway allows 20 aliases per query.
const ALIASES_PER_CALL = 20;

/**
 * Several organizations by id, in as few gateway calls as the limits allow; the ones the directory does not know are
 * absent from the map. An id that is not a UUID is BAD_USER_INPUT naming `field(i)`, before any call.
 */
export async function readOrganizations<T>(ctx: KitContext, ids: readonly string[], selection: string, field: (i: number) => string): Promise<Map<string, T>> {
  ids.forEach((id, i) => {
    if (!isUuid(id)) throw badInput(field(i), `${String(id)} is not an organization id`);
  });
  const out = new Map<string, T>();
  const distinct = [...new Set(ids)];
  for (let start = 0; start < distinct.length; start += ALIASES_PER_CALL) {
    const chunk = distinct.slice(start, start + ALIASES_PER_CALL);
    const vars = chunk.map((_, i) => `$i${i}: ID!`).join(', ');
    const body = chunk.map((_, i) => `o${i}: organization(id: $i${i}) { ${selection} }`).join('\n');
    const variables = new Map(chunk.map((id, i) => [`i${i}`, id]));
    const data = await ctx.gateway.query<Record<string, T | null>>(`query Organizations(${vars}) {\n${body}\n}`, Object.fromEntries(variables));
    chunk.forEach((id, i) => {
      const found = data[`o${i}`];
      if (found) out.set(id, found);
    });
  }
  return out;
}

/** One organization by id, or BAD_USER_INPUT naming `field` when the directory has none. */
export async function readOrganization<T>(ctx: KitContext, id: string, selection: string, field: string): Promise<T> {
  const found = (await readOrganizations<T>(ctx, [id], selection, () => field)).get(id);
  if (!found) throw badInput(field, `no organization has id ${id}`);
  return found;
}

interface CityCommitteeRead<T> {
  byCode: (T & { kind: string }) | null;
  active: { totalCount: number; edges: { node: T & { kind: string } }[] };
}

/**
 * The city committee (city-committee.ts), in one gateway call, once per request and selection. When none can be
 * told apart, `unknown()` is thrown: by default a CONFLICT, since the directory, not the request, must change; a
 * caller that can name the owner instead says so with its own error.
 */
export function readCityCommittee<T>(ctx: KitContext, selection: string, unknown?: () => Error): Promise<T> {
  return ctx.loaders
    .get<string, T>(`kit:cityCommittee:${selection}`, async (keys) => {
      const data = await ctx.gateway.query<CityCommitteeRead<T>>(
        `query CityCommittee($code: String!, $day: Date!) {
          byCode: organizationByCode(code: $code) { kind ${selection} }
          active: organizations(filter: { kinds: [${CITY_COMMITTEE_KIND}], activeOn: $day }, first: 2) { totalCount edges { node { kind ${selection} } } }
        }`,
        { code: CITY_COMMITTEE_CODE, day: vietnamToday() },
      );
      const found = cityCommitteeOf(data.byCode, { totalCount: data.active.totalCount, nodes: data.active.edges.map((e) => e.node) });
      return keys.map(() => found ?? (unknown ?? cityCommitteeUnknown)());
    })
    .load(CITY_COMMITTEE_CODE);
}

const cityCommitteeUnknown = () =>
  new DomainError('CONFLICT', `The city committee cannot be told apart in the organizations directory: no ${CITY_COMMITTEE_KIND} is coded ${CITY_COMMITTEE_CODE} and not exactly one is active today`);
