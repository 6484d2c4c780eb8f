import { readCityCommittee, readOrganization, readOrganizations, badInput, type KitContext } from 'subgraph-kit';

/** What this subgraph needs to know about an organization, read from the organizations subgraph through the gateway. */
export interface OrganizationFacts {
  id: string;
  code: string;
  kind: string;
  parentId: string | null;
  advisesOn: string[];
}

type Raw = { id: string; code: string; kind: string; parent: { id: string } | null; advisesOn: string[] | null };
const FIELDS = 'id code kind parent { id } advisesOn';
const facts = (raw: Raw): OrganizationFacts => ({ id: raw.id, code: raw.code, kind: raw.kind, parentId: raw.parent?.id ?? null, advisesOn: raw.advisesOn ?? [] });

/** Several organizations by id (absent when unknown); an id that is not one is BAD_USER_INPUT naming `field(i)`. */
export async function fetchOrganizations(ctx: KitContext, ids: string[], field: (i: number) => string): Promise<Map<string, OrganizationFacts>> {
  const raw = await readOrganizations<Raw>(ctx, ids, FIELDS, field);
  return new Map([...raw].map(([id, org]) => [id, facts(org)]));
}

export async function fetchOrganization(ctx: KitContext, id: string, field: string): Promise<OrganizationFacts> {
  return facts(await readOrganization<Raw>(ctx, id, FIELDS, field));
}

/** The city committee; where it cannot be told apart, the client is asked to name the owner (`field`). */
export async function fetchCityCommittee(ctx: KitContext, field: string): Promise<OrganizationFacts> {
  return facts(await readCityCommittee<Raw>(ctx, FIELDS, () => badInput(field, 'the city committee cannot be told apart in the organizations directory; give ownerId')));
}
