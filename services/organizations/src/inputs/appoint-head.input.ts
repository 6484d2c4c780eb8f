import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from 'subgraph-kit';

@InputType('AppointHeadInput')
export class AppointHeadInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => DateScalar)
  startDate!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  acting?: boolean | null;
}
