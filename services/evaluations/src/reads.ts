import { readCityCommittee, readOrganization, readOrganizations, type KitContext } from 'subgraph-kit';
import type { OrganizationSnapshot } from './entities/refs.js';

/**
 * Reads of other subgraphs' data through the gateway (service token), inside the request that needs them. Every
 * one of them is public data of the contract; what a decision used is stored as a snapshot.
 */
export interface OrgNode extends OrganizationSnapshot { validFrom: string; validTo: string | null }

const ORG_FIELDS = 'id code name kind validFrom validTo';

/** The city committee (the kit's one rule: coded HP, else the only one active today, else CONFLICT). */
export function cityCommittee(ctx: KitContext): Promise<OrgNode> {
  return readCityCommittee<OrgNode>(ctx, ORG_FIELDS);
}

/** An organization by id, or a BAD_USER_INPUT naming `field` when the directory has no such organization. */
export async function organizationOrBadInput(ctx: KitContext, id: string, field: string, withAssignments = false): Promise<OrgNode & { headAssignmentIds: string[] }> {
  const found = await readOrganization<OrgNode & { headAssignments?: { id: string }[] }>(ctx, id, `${ORG_FIELDS}${withAssignments ? ' headAssignments { id }' : ''}`, field);
  const { headAssignments, ...org } = found;
  return { ...org, headAssignmentIds: (headAssignments ?? []).map((a) => a.id) };
}

export const snapshotOfOrg = (org: OrganizationSnapshot): OrganizationSnapshot => ({ id: org.id, code: org.code, name: org.name, kind: org.kind });

export interface AssignmentNode { id: string; title: string; startDate: string; endDate: string | null; acting: boolean; person: { id: string; fullName: string } }

export interface RankingRead {
  year: number;
  block: string;
  owner: OrganizationSnapshot;
  publication: { decisionNumber: string; publishedAt: string };
  entries: { rank: number; indexValue: number; organization: OrganizationSnapshot & { parent: { id: string } | null; headAssignments: AssignmentNode[] } }[];
}

/** The published ranking of a block with each ranked organization's head assignments, in one gateway call. */
export async function publishedRanking(ctx: KitContext, year: number, block: string): Promise<RankingRead | null> {
  const data = await ctx.gateway.query<{ ranking: RankingRead | null }>(
    `query($year: Int!, $block: String!) {
      ranking(year: $year, block: $block) {
        year block owner { id code name kind } publication { decisionNumber publishedAt }
        entries { rank indexValue organization { id code name kind parent { id }
          headAssignments { id title startDate endDate acting person { id fullName } } } }
      }
    }`,
    { year, block },
  );
  return data.ranking;
}

/** The owner of a block that may not be published yet (null when the block does not exist that year). */
export async function blockOwnerOf(ctx: KitContext, year: number, block: string): Promise<OrganizationSnapshot | null> {
  const data = await ctx.gateway.query<{ criteriaSet: { owner: OrganizationSnapshot } | null }>(
    `query($year: Int!, $block: String!) { criteriaSet(year: $year, block: $block) { owner { id code name kind } } }`,
    { year, block },
  );
  return data.criteriaSet?.owner ?? null;
}

export interface OrgWithSuccessors extends OrgNode { successors: OrgNode[] }

/** An organization with its successors (who decides once it is gone); null when the directory does not know it. */
export async function organizationWithSuccessors(ctx: KitContext, id: string): Promise<OrgWithSuccessors | null> {
  const found = await readOrganizations<OrgWithSuccessors>(ctx, [id], `${ORG_FIELDS} successors { ${ORG_FIELDS} }`, () => 'evaluatorOrganizationId');
  return found.get(id) ?? null;
}
