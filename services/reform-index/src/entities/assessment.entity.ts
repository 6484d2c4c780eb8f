import { Entity, Enum, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

export enum AssessmentStatus {
  DRAFT = 'DRAFT',
  SELF_ASSESSED = 'SELF_ASSESSED',
  UNDER_APPRAISAL = 'UNDER_APPRAISAL',
  EXPLANATION_REQUESTED = 'EXPLANATION_REQUESTED',
  APPRAISED = 'APPRAISED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(AssessmentStatus, { name: 'AssessmentStatus' });

/** One organization's PAR index for one year, through self-assessment, appraisal, survey and publication. */
@Entity({ tableName: 'assessment' })
@Unique({ properties: ['organizationId', 'year'] })
@ObjectType('Assessment')
@Directive('@key(fields: "id")')
export class Assessment {
  [OptionalProps]?: 'id' | 'version' | 'status' | 'indexHundredths' | 'indexValue';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Property({ type: 'integer' })
  @Field(() => Int)
  year!: number;

  @Enum({ items: () => AssessmentStatus, nativeEnumName: 'assessment_status' })
  @Field(() => AssessmentStatus)
  status: AssessmentStatus = AssessmentStatus.DRAFT;

  /** Index value in hundredths (9471 = 94.71), set at publication. */
  @Property({ type: 'integer', nullable: true })
  indexHundredths: number | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version: number = 1;

  @Field(() => Float, { nullable: true, description: 'totalPoints / applicableMaxPoints × 100, rounded half-up to 2 decimals.' })
  get indexValue(): number | null {
    return this.indexHundredths === null ? null : this.indexHundredths / 100;
  }
}
