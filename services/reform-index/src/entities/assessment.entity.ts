import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import type { ScoreSheet } from '../rules/score-sheet.js';
import { AssessmentStatus } from './enums.js';
import { ScoreSheetType } from './score-sheet.type.js';
import { CriteriaSet } from './criteria-set.entity.js';
import { Publication } from './publication.entity.js';

export { AssessmentStatus };

/**
 * One organization's PAR index for one year, through self-assessment, appraisal, survey and publication. The
 * scores (own, appraised, survey, per scored item, in hundredths) live in the aggregate and change with its
 * version. At publication the result is frozen into the columns below and never changes again.
 */
@Entity({ tableName: 'assessment' })
@Unique({ properties: ['organizationId', 'year'] })
@Index({ properties: ['year', 'block', 'status'] })
@Index({ properties: ['publicationId', 'rank'] })
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

  @Property({ type: 'text' })
  block!: string;

  @ManyToOne(() => CriteriaSet, { mapToPk: true, fieldName: 'criteria_set_id', index: true, foreignKeyName: 'assessment_criteria_set_id_fkey', updateRule: 'no action', deleteRule: 'no action' })
  criteriaSetId!: string;

  @Enum({ items: () => AssessmentStatus, nativeEnumName: 'assessment_status' })
  @Field(() => AssessmentStatus)
  status: AssessmentStatus = AssessmentStatus.DRAFT;

  @Property({ type: ScoreSheetType, defaultRaw: "'{}'" })
  sheet: ScoreSheet = new Map();

  @ManyToOne(() => Publication, { mapToPk: true, fieldName: 'publication_id', nullable: true, foreignKeyName: 'assessment_publication_id_fkey', updateRule: 'no action', deleteRule: 'no action' })
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

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  band: string | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
