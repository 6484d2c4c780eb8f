import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AssessmentStatus, NotApplicablePolicy, ScoringMethod } from '../entities/enums.js';
import { OrganizationRef } from '../entities/refs.js';
import { Publication } from '../entities/publication.entity.js';

/** Read-only shapes computed from the stored trees and sheets (points converted from hundredths). */

@ObjectType('IndexBand')
export class IndexBandView {
  @Field(() => String) label!: string;
  @Field(() => Float) minIndex!: number;
}

@ObjectType('Criterion', { description: 'A tree: criteria have sub-criteria; leaves are scored.' })
export class CriterionView {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Float) maxPoints!: number;
  @Field(() => ScoringMethod) method!: ScoringMethod;
  @Field(() => Boolean) mayNotApply!: boolean;
  @Field(() => NotApplicablePolicy) notApplicablePolicy!: NotApplicablePolicy;
  @Field(() => Boolean) evidenceRequired!: boolean;
  @Field(() => [CriterionView]) children!: CriterionView[];
}

@ObjectType('ReformArea')
export class ReformAreaView {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Float) maxPoints!: number;
  @Field(() => [CriterionView]) criteria!: CriterionView[];
}

@ObjectType('Score')
export class ScoreView {
  @Field(() => String) criterionCode!: string;
  @Field(() => Float) maxPoints!: number;
  @Field(() => Float, { nullable: true }) selfScore!: number | null;
  @Field(() => Float, { nullable: true }) appraisedScore!: number | null;
  @Field(() => Float, { nullable: true }) surveyScore!: number | null;
  @Field(() => Float, { nullable: true }) finalScore!: number | null;
  @Field(() => Boolean) notApplicable!: boolean;
  @Field(() => [String], { description: 'Document references.' }) evidence!: string[];
  @Field(() => String, { nullable: true }) selfNote!: string | null;
  @Field(() => String, { nullable: true }) appraisalNote!: string | null;
  @Field(() => String, { nullable: true }) explanationRequest!: string | null;
  @Field(() => String, { nullable: true }) explanation!: string | null;
}

@ObjectType('AreaResult')
export class AreaResultView {
  @Field(() => String) areaCode!: string;
  @Field(() => Float) points!: number;
  @Field(() => Float) maxPoints!: number;
  @Field(() => Float) percent!: number;
}

@ObjectType('AreaMonitoringEntry', { description: "One organization's standing in one area, published or not." })
export class AreaMonitoringEntry {
  @Field(() => OrganizationRef) organization!: OrganizationRef;
  @Field(() => ID) assessmentId!: string;
  @Field(() => AssessmentStatus) status!: AssessmentStatus;
  @Field(() => AreaResultView) result!: AreaResultView;
  @Field(() => [ScoreView], { description: 'Only the criteria of that area.' }) scores!: ScoreView[];
}

@ObjectType('RankingEntry')
export class RankingEntry {
  @Field(() => Int) rank!: number;
  @Field(() => OrganizationRef) organization!: OrganizationRef;
  @Field(() => Float) indexValue!: number;
  @Field(() => String, { nullable: true }) band!: string | null;
}

@ObjectType('Ranking')
export class Ranking {
  @Field(() => Int) year!: number;
  @Field(() => String) block!: string;
  @Field(() => OrganizationRef) owner!: OrganizationRef;
  @Field(() => Publication) publication!: Publication;
  @Field(() => Float) average!: number;
  @Field(() => [RankingEntry], { description: 'By rank.' }) entries!: RankingEntry[];
}
