import { Field, Int, ObjectType } from 'type-graphql';
import { CompletionLevel } from '../entities/enums.js';
import { CommendationProposal, HandlingCase } from '../entities/follow-up.entity.js';
import { HeadEvaluation } from '../entities/head-evaluation.entity.js';

/** The city's yearly report (docs/domain.md, The regulation, item 6), computed when asked for, never stored. */
@ObjectType('LevelCount')
export class LevelCount {
  @Field(() => CompletionLevel)
  level!: CompletionLevel;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ObstacleCount')
export class ObstacleCount {
  @Field(() => String, { nullable: true })
  areaCode!: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType('AnnualSummary')
export class AnnualSummary {
  @Field(() => Int)
  year!: number;

  @Field(() => [LevelCount], { description: 'Approved evaluations per final level, every level listed.' })
  levelCounts!: LevelCount[];

  @Field(() => [HeadEvaluation])
  evaluations!: HeadEvaluation[];

  @Field(() => [CommendationProposal])
  commendations!: CommendationProposal[];

  @Field(() => [HandlingCase])
  handlingCases!: HandlingCase[];

  @Field(() => [ObstacleCount])
  obstaclesByArea!: ObstacleCount[];
}
