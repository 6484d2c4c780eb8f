import { entityStub, type EntityStub } from 'subgraph-kit';

/** The organizations subgraph's entities, known here by id only; this subgraph adds evaluations to them. */
export const OrganizationRef = entityStub('Organization');
export type OrganizationRef = EntityStub;
export const HeadAssignmentRef = entityStub('HeadAssignment');
export type HeadAssignmentRef = EntityStub;

export const organizationRef = (id: string): OrganizationRef => OrganizationRef.of(id);
export const headAssignmentRef = (id: string): HeadAssignmentRef => HeadAssignmentRef.of(id);

/** What this subgraph keeps of another subgraph's organization at the time it used it. */
export interface OrganizationSnapshot { id: string; code: string; name: string; kind: string }
