import { DomainError, badInput, type KitContext } from 'subgraph-kit';
import type { OrganizationSnapshot } from './entities/refs.js';

/**
 * Reads of other subgraphs' data through the gateway (service token), inside the request that needs them. Every
 * one of them is public data of the contract; what a decision used is stored as a snapshot.
 */
export const CITY_COMMITTEE_CODE = 'HP';

export interface OrgNode extends OrganizationSnapshot { validFrom: string; validTo: string | null }

/** The city committee (UBND thành phố, code HP; else the one organization of kind CITY_COMMITTEE). */
export function cityCommittee(ctx: KitContext): Promise<OrgNode> {
  return ctx.loaders
    .get<string, OrgNode>('gateway:cityCommittee', async (keys) => {
      const byCode = await ctx.gateway.query<{ organizationByCode: OrgNode | null }>(
        `query($code: String!) { organizationByCode(code: $code) { id code name kind validFrom validTo } }`,
        { code: CITY_COMMITTEE_CODE },
      );
      let found = byCode.organizationByCode?.kind === 'CITY_COMMITTEE' ? byCode.organizationByCode : null;
      if (!found) {
        const byKind = await ctx.gateway.query<{ organizations: { edges: { node: OrgNode }[] } }>(
          `query { organizations(filter: { kinds: [CITY_COMMITTEE] }, first: 2) { edges { node { id code name kind validFrom validTo } } } }`,
        ).catch(() => null);
        found = byKind?.organizations.edges.find((e) => e.node.validTo === null)?.node ?? null;
      }
      if (!found) throw new DomainError('CONFLICT', `The city committee (code ${CITY_COMMITTEE_CODE}) is not in the organizations directory`);
      return keys.map(() => found);
    })
    .load(CITY_COMMITTEE_CODE);
}

/** An organization by id, or a BAD_USER_INPUT naming `field` when the directory has no such organization. */
export async function organizationOrBadInput(ctx: KitContext, id: string, field: string, withAssignments = false): Promise<OrgNode & { headAssignmentIds: string[] }> {
  const data = await ctx.gateway.query<{ organization: (OrgNode & { headAssignments?: { id: string }[] }) | null }>(
    `query($id: ID!) { organization(id: $id) { id code name kind validFrom validTo ${withAssignments ? 'headAssignments { id }' : ''} } }`,
    { id },
  );
  if (!data.organization) throw badInput(field, `no organization has id ${id}`);
  const { headAssignments, ...org } = data.organization;
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
export async function blockOwner(ctx: KitContext, year: number, block: string): Promise<OrganizationSnapshot | null> {
  const data = await ctx.gateway.query<{ criteriaSet: { owner: OrganizationSnapshot } | null }>(
    `query($year: Int!, $block: String!) { criteriaSet(year: $year, block: $block) { owner { id code name kind } } }`,
    { year, block },
  );
  return data.criteriaSet?.owner ?? null;
}

export interface OrgWithSuccessors extends OrgNode { successors: OrgNode[] }

/** An organization with its successors (who decides once it is gone). */
export async function organizationWithSuccessors(ctx: KitContext, id: string): Promise<OrgWithSuccessors | null> {
  const data = await ctx.gateway.query<{ organization: OrgWithSuccessors | null }>(
    `query($id: ID!) { organization(id: $id) { id code name kind validFrom validTo successors { id code name kind validFrom validTo } } }`,
    { id },
  );
  return data.organization;
}
