import { Field, ID, InputType } from 'type-graphql';

/** Fields left out stay as they are; `parentId: null` detaches the organization from its parent. */
@InputType('UpdateOrganizationInput')
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => [String], { nullable: true })
  advisesOn?: string[] | null;
}
