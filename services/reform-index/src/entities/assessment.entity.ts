import { Entity, Enum, Index, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import type { ScoreSheet } from '../rules/score-sheet.js';
import { AssessmentStatus } from './enums.js';
import { ScoreSheetType } from './score-sheet.type.js';

export { AssessmentStatus };

/**
 * One organization's PAR index for one year, through self-assessment, appraisal, survey and publication. The
 * scores (own, appraised, survey, per scored item, in hundredths) live in the aggregate and change with its
 * version. At publication the result is frozen into the columns below and never changes again.
 */
@Entity({ tableName: 'assessment' })
@Unique({ properties: ['organizationId', 'year'] })
@Index({ properties: ['year', 'block', 'status'] })
@ObjectType('Assessment')
@Directive('@key(fields: "id")')
export class Assessment {
  [OptionalProps]?: 'id' | 'version' | 'status' | 'sheet' | 'publicationId' | 'indexHundredths' | 'totalHundredths'
    | 'applicableMaxHundredths' | 'rank' | 'rankOf' | 'band' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'integer' })
  @Field(() => Int)
  year!: number;

  @Property({ type: 'string' })
  block!: string;

  @Property({ type: 'uuid', index: true })
  criteriaSetId!: string;

  @Enum({ items: () => AssessmentStatus, nativeEnumName: 'assessment_status' })
  @Field(() => AssessmentStatus)
  status: AssessmentStatus = AssessmentStatus.DRAFT;

  @Property({ type: ScoreSheetType })
  sheet: ScoreSheet = new Map();

  @Property({ type: 'uuid', nullable: true, index: true })
  publicationId: string | null = null;

  /** Published index value in hundredths (9471 = 94.71). */
  @Property({ type: 'integer', nullable: true })
  indexHundredths: number | null = null;

  @Property({ type: 'integer', nullable: true })
  totalHundredths: number | null = null;

  @Property({ type: 'integer', nullable: true })
  applicableMaxHundredths: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Within the block, once published; ties share a rank.' })
  rank: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  rankOf: number | null = null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  band: string | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
