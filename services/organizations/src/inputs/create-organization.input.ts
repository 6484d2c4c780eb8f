import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from 'subgraph-kit';
import { OrganizationKind } from '../entities/organization.entity.js';

@InputType('CreateOrganizationInput')
export class CreateOrganizationInput {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => DateScalar)
  validFrom!: string;

  @Field(() => [String], { nullable: true })
  advisesOn?: string[] | null;
}
