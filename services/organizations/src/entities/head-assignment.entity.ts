import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, OptionalProps } from '@mikro-orm/core';
import { DateScalar } from 'subgraph-kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Organization } from './organization.entity.js';
import { Person } from './person.entity.js';

/**
 * A person heading an organization for a period. Evaluations target an assignment, not a person alone: a head
 * can change mid-year, and an acting head is marked as such.
 */
@Entity({ tableName: 'head_assignment' })
@Index({ properties: ['organization', 'startDate'] })
@Index({ properties: ['person'] })
@Check({ name: 'head_assignment_period_check', expression: '"end_date" is null or "end_date" >= "start_date"' })
@ObjectType('HeadAssignment')
@Directive('@key(fields: "id")')
export class HeadAssignment {
  [OptionalProps]?: 'id' | 'endDate' | 'acting';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Person, { ref: true, foreignKeyName: 'head_assignment_person_id_fkey', updateRule: 'no action', deleteRule: 'no action' })
  person!: Ref<Person>;

  @ManyToOne(() => Organization, { ref: true, foreignKeyName: 'head_assignment_organization_id_fkey', updateRule: 'no action', deleteRule: 'no action' })
  organization!: Ref<Organization>;

  @Property({ type: 'text' })
  @Field(() => String, { description: 'Giám đốc, Chủ tịch UBND, Chánh Thanh tra, ...' })
  title!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar)
  startDate!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Last day in office; null while it lasts.' })
  endDate: string | null = null;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: 'An acting head (quyền / phụ trách), not yet confirmed.' })
  acting: boolean = false;
}
