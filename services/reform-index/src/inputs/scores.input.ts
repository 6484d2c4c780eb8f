import { Field, Float, ID, InputType } from 'type-graphql';

@InputType('SelfScoreInput')
export class SelfScoreInput {
  @Field(() => String) criterionCode!: string;
  @Field(() => Float, { nullable: true }) score?: number | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) notApplicable?: boolean | null;
  @Field(() => [String], { nullable: true }) evidence?: string[] | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType('AppraisalScoreInput')
export class AppraisalScoreInput {
  @Field(() => String) criterionCode!: string;
  @Field(() => Float, { nullable: true }) score?: number | null;
  @Field(() => Boolean, { nullable: true }) notApplicable?: boolean | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType('ExplanationRequestInput')
export class ExplanationRequestInput {
  @Field(() => String) criterionCode!: string;
  @Field(() => String) question!: string;
}

@InputType('ExplanationInput')
export class ExplanationInput {
  @Field(() => String) criterionCode!: string;
  @Field(() => String) answer!: string;
  @Field(() => [String], { nullable: true }) evidence?: string[] | null;
}

@InputType('SurveyScoreInput')
export class SurveyScoreInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => String) criterionCode!: string;
  @Field(() => Float) score!: number;
}
