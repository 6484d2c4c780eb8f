import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from 'subgraph-kit';
import { CompletionLevel } from '../entities/enums.js';

@InputType('LevelBandInput')
export class LevelBandInput {
  @Field(() => CompletionLevel)
  level!: CompletionLevel;

  @Field(() => Float)
  minIndex!: number;
}

@InputType('LevelRuleInput')
export class LevelRuleInput {
  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  legalBasis?: string | null;

  @Field(() => DateScalar)
  effectiveFrom!: string;

  @Field(() => DateScalar, { nullable: true })
  effectiveTo?: string | null;

  @Field(() => [LevelBandInput])
  bands!: LevelBandInput[];

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  excellentRequiresAllDuties?: boolean | null;

  @Field(() => CompletionLevel, { nullable: true })
  lastInBlockMaxLevel?: CompletionLevel | null;

  @Field(() => CompletionLevel, { nullable: true, defaultValue: CompletionLevel.COMPLETED })
  mitigationCeiling?: CompletionLevel | null;

  @Field(() => Int, { nullable: true, defaultValue: 6 })
  minMonthsInOffice?: number | null;
}
