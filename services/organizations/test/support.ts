import { ok, token, viaGateway, type GraphQLResponse } from '../../../test/support/client.js';

/** GraphQL documents and small builders shared by this subgraph's tests (each test still makes its own data). */
export const CREATE_ORGANIZATION = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id code name validFrom validTo version } }`;
export const RECORD_EVENT = `mutation($input: OrganizationEventInput!) {
  recordOrganizationEvent(input: $input) { id kind effectiveDate legalBasis note predecessors { id code validTo } successors { id code validFrom } }
}`;
export const CREATE_PERSON = `mutation($fullName: String!) { createPerson(fullName: $fullName) { id fullName } }`;
export const APPOINT_HEAD = `mutation($input: AppointHeadInput!) { appointHead(input: $input) { id title startDate endDate acting person { id fullName } organization { id } } }`;
export const END_HEAD = `mutation($id: ID!, $endDate: Date!) { endHeadAssignment(id: $id, endDate: $endDate) { id startDate endDate } }`;
export const UPDATE_ORGANIZATION = `mutation($id: ID!, $expectedVersion: Int!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, expectedVersion: $expectedVersion, input: $input) { id name shortName advisesOn version parent { id } } }`;

export interface Org { id: string; code: string; name: string; validFrom: string; validTo: string | null; version: number }

export const homeAffairs = () => token('HOME_AFFAIRS', { sub: 'home-affairs-officer' });

export async function createOrganization(input: { code: string; name: string; kind: string; validFrom: string; parentId?: string; advisesOn?: string[] }): Promise<Org> {
  return ok(await viaGateway<{ createOrganization: Org }>(CREATE_ORGANIZATION, { input }, await homeAffairs())).createOrganization;
}

export async function recordEvent(input: Record<string, unknown>) {
  return ok(await viaGateway<{ recordOrganizationEvent: { id: string; predecessors: { id: string; code: string; validTo: string | null }[]; successors: { id: string; code: string; validFrom: string }[] } }>(
    RECORD_EVENT, { input }, await homeAffairs())).recordOrganizationEvent;
}

export async function createPerson(fullName: string): Promise<{ id: string; fullName: string }> {
  return ok(await viaGateway<{ createPerson: { id: string; fullName: string } }>(CREATE_PERSON, { fullName }, await homeAffairs())).createPerson;
}

export async function appointHead(input: { personId: string; organizationId: string; title: string; startDate: string; acting?: boolean }) {
  return ok(await viaGateway<{ appointHead: { id: string; startDate: string; endDate: string | null; acting: boolean } }>(APPOINT_HEAD, { input }, await homeAffairs())).appointHead;
}

export const mutate = async (query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> => viaGateway(query, variables, await homeAffairs());
