import { Entity, ManyToOne, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { CriteriaSet } from './criteria-set.entity.js';

/**
 * The decision publishing one block's index for one year. At most one per (year, block): the unique constraint,
 * not timing, is what makes a second or concurrent publication fail.
 */
@Entity({ tableName: 'publication' })
@Unique({ properties: ['year', 'block'] })
@ObjectType('Publication')
export class Publication {
  [OptionalProps]?: 'id' | 'publishedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'text' })
  block!: string;

  @ManyToOne(() => CriteriaSet, { mapToPk: true, fieldName: 'criteria_set_id', foreignKeyName: 'publication_criteria_set_id_fkey', updateRule: 'no action', deleteRule: 'no action' })
  criteriaSetId!: string;

  @Property({ type: 'text' })
  @Field(() => String)
  decisionNumber!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  @Field(() => Date)
  publishedAt: Date = new Date();

  @Property({ type: 'integer' })
  averageHundredths!: number;

  @Property({ type: 'integer' })
  rankedCount!: number;
}
