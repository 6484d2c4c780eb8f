import { Field, ID, InputType, Int } from 'type-graphql';
import { MitigationGround } from '../entities/enums.js';

@InputType('MitigationInput')
export class MitigationInput {
  @Field(() => MitigationGround)
  ground!: MitigationGround;

  @Field(() => String)
  explanation!: string;

  @Field(() => [String])
  evidence!: string[];
}

@InputType('CommendationInput')
export class CommendationInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => ID, { nullable: true })
  headAssignmentId?: string | null;

  @Field(() => String)
  reason!: string;
}

@InputType('HandlingCaseInput')
export class HandlingCaseInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => ID, { nullable: true })
  headAssignmentId?: string | null;

  @Field(() => String)
  reason!: string;
}

@InputType('ObstacleInput')
export class ObstacleInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { nullable: true })
  areaCode?: string | null;

  @Field(() => String)
  description!: string;
}
