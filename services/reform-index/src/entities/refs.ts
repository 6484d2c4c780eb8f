import { entityStub, type EntityStub } from 'subgraph-kit';

/** The organizations subgraph's entity, known here by its id only; this subgraph adds index fields to it. */
export const OrganizationRef = entityStub('Organization');
export type OrganizationRef = EntityStub;
export const organizationRef = (id: string): OrganizationRef => OrganizationRef.of(id);
