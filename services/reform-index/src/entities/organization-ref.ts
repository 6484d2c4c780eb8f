import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The organizations subgraph's entity, known here by its id only; this subgraph adds index fields to it. */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID)
  id!: string;
}

export const organizationRef = (id: string): OrganizationRef => Object.assign(new OrganizationRef(), { id });
