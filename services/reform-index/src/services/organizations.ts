import { badInput, type KitContext } from 'subgraph-kit';

/** What this subgraph needs to know about an organization, read from the organizations subgraph via the gateway. */
export interface OrganizationFacts {
  id: string;
  code: string;
  kind: string;
  parentId: string | null;
  advisesOn: string[];
}

/** The city committee's code in the organizations data (seeded as stableId('organization', 'HP')). */
export const CITY_COMMITTEE_CODE = 'HP';
// The gateway allows 20 aliases per query.
const CHUNK = 20;

type Raw = { id: string; code: string; kind: string; parent: { id: string } | null; advisesOn: string[] } | null;
const FIELDS = 'id code kind parent { id } advisesOn';
const facts = (raw: Raw): OrganizationFacts | null =>
  raw ? { id: raw.id, code: raw.code, kind: raw.kind, parentId: raw.parent?.id ?? null, advisesOn: raw.advisesOn ?? [] } : null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Several organizations by id, through the gateway with the service token, in as few calls as the limits allow. */
export async function fetchOrganizations(ctx: KitContext, ids: string[], field: (i: number) => string): Promise<Map<string, OrganizationFacts>> {
  const out = new Map<string, OrganizationFacts>();
  ids.forEach((id, i) => {
    if (!UUID.test(id)) throw badInput(field(i), `${id} is not an organization id`);
  });
  const distinct = [...new Set(ids)];
  for (let start = 0; start < distinct.length; start += CHUNK) {
    const chunk = distinct.slice(start, start + CHUNK);
    const vars = chunk.map((_, i) => `$i${i}: ID!`).join(', ');
    const body = chunk.map((_, i) => `o${i}: organization(id: $i${i}) { ${FIELDS} }`).join('\n');
    const data = await ctx.gateway.query<Record<string, Raw>>(`query OrganizationFacts(${vars}) {\n${body}\n}`,
      Object.fromEntries(chunk.map((id, i) => [`i${i}`, id])));
    chunk.forEach((id, i) => {
      const found = facts(data[`o${i}`] ?? null);
      if (found) out.set(id, found);
    });
  }
  return out;
}

export async function fetchOrganization(ctx: KitContext, id: string, field: string): Promise<OrganizationFacts> {
  const found = (await fetchOrganizations(ctx, [id], () => field)).get(id);
  if (!found) throw badInput(field, `no organization has id ${id}`);
  return found;
}

/**
 * The city committee: the organization coded HP, or else the only CITY_COMMITTEE the directory knows (a deployment
 * whose directory uses other codes). Anything else is ambiguous: the caller must name the owner.
 */
export async function fetchCityCommittee(ctx: KitContext, field: string): Promise<OrganizationFacts> {
  const data = await ctx.gateway.query<{ byCode: Raw; all: { totalCount: number; edges: { node: Raw }[] } }>(
    `query CityCommittee($code: String!) {
      byCode: organizationByCode(code: $code) { ${FIELDS} }
      all: organizations(filter: { kinds: [CITY_COMMITTEE] }, first: 2) { totalCount edges { node { ${FIELDS} } } }
    }`, { code: CITY_COMMITTEE_CODE });
  const byCode = facts(data.byCode);
  if (byCode?.kind === 'CITY_COMMITTEE') return byCode;
  if (data.all.totalCount === 1) return facts(data.all.edges[0]!.node)!;
  throw badInput(field, 'the city committee cannot be told apart in the organizations directory; give ownerId');
}
