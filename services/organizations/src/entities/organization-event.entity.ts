import { Entity, Enum, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { DateScalar } from 'subgraph-kit';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

export enum OrganizationEventKind {
  ESTABLISH = 'ESTABLISH',
  RENAME = 'RENAME',
  MERGE = 'MERGE',
  SPLIT = 'SPLIT',
  RECLASSIFY = 'RECLASSIFY',
  DISSOLVE = 'DISSOLVE',
}
registerEnumType(OrganizationEventKind, { name: 'OrganizationEventKind' });

/**
 * A dated change of the administration's shape with its legal basis. Predecessors and successors are kept as id
 * arrays (GIN-indexed) so one statement finds every event touching a batch of organizations.
 */
@Entity({ tableName: 'organization_event' })
@ObjectType('OrganizationEvent')
export class OrganizationEvent {
  [OptionalProps]?: 'id' | 'note' | 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Enum({ items: () => OrganizationEventKind, nativeEnumName: 'organization_event_kind' })
  @Field(() => OrganizationEventKind)
  kind!: OrganizationEventKind;

  @Property({ type: 'date' })
  @Field(() => DateScalar)
  effectiveDate!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'e.g. "NQ 1669/NQ-UBTVQH15"' })
  legalBasis!: string;

  @Property({ type: 'text[]', columnType: 'uuid[]' })
  predecessorIds: string[] = [];

  @Property({ type: 'text[]', columnType: 'uuid[]' })
  successorIds: string[] = [];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  note: string | null = null;

  /** Orders events of the same day in the order they were recorded. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  recordedAt: Date = new Date();
}
