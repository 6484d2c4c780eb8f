import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The organizations subgraph's entities, known here by id only; this subgraph adds evaluations to them. */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('HeadAssignment')
@Directive('@key(fields: "id")')
export class HeadAssignmentRef {
  @Field(() => ID)
  id!: string;
}

export const organizationRef = (id: string): OrganizationRef => Object.assign(new OrganizationRef(), { id });
export const headAssignmentRef = (id: string): HeadAssignmentRef => Object.assign(new HeadAssignmentRef(), { id });

/** What this subgraph keeps of another subgraph's organization at the time it used it. */
export interface OrganizationSnapshot { id: string; code: string; name: string; kind: string }
