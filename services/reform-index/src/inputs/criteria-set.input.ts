import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { NotApplicablePolicy, ScoringMethod } from '../entities/enums.js';

@InputType('CriterionInput')
export class CriterionInput {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Float) maxPoints!: number;
  // Nullable with defaults, as the contract has them; an explicit null means the default (rules/criteria-set.ts).
  @Field(() => ScoringMethod, { nullable: true, defaultValue: ScoringMethod.SELF_ASSESSED }) method?: ScoringMethod | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) mayNotApply?: boolean | null;
  @Field(() => NotApplicablePolicy, { nullable: true, defaultValue: NotApplicablePolicy.EXCLUDE_FROM_MAX }) notApplicablePolicy?: NotApplicablePolicy | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) evidenceRequired?: boolean | null;
  @Field(() => [CriterionInput], { nullable: true }) children?: CriterionInput[] | null;
}

@InputType('ReformAreaInput')
export class ReformAreaInput {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Float) maxPoints!: number;
  @Field(() => [CriterionInput]) criteria!: CriterionInput[];
}

@InputType('IndexBandInput')
export class IndexBandInput {
  @Field(() => String) label!: string;
  @Field(() => Float) minIndex!: number;
}

@InputType('CriteriaSetInput')
export class CriteriaSetInput {
  @Field(() => Int) year!: number;
  @Field(() => String) block!: string;
  @Field(() => ID, { nullable: true, description: 'Defaults to the city committee.' }) ownerId?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) legalBasis?: string | null;
  @Field(() => [ReformAreaInput]) areas!: ReformAreaInput[];
  @Field(() => [IndexBandInput], { nullable: true }) bands?: IndexBandInput[] | null;
}
