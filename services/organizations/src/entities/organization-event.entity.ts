import { Entity, Enum, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
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
@Index({ name: 'organization_event_predecessor_ids_gin', expression: 'create index "organization_event_predecessor_ids_gin" on "organization_event" using gin ("predecessor_ids")' })
@Index({ name: 'organization_event_successor_ids_gin', expression: 'create index "organization_event_successor_ids_gin" on "organization_event" using gin ("successor_ids")' })
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

  @Property({ type: 'text' })
  @Field(() => String, { description: 'e.g. "NQ 1669/NQ-UBTVQH15"' })
  legalBasis!: string;

  @Property({ type: 'text[]', columnType: 'uuid[]', defaultRaw: "'{}'" })
  predecessorIds: string[] = [];

  @Property({ type: 'text[]', columnType: 'uuid[]', defaultRaw: "'{}'" })
  successorIds: string[] = [];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  note: string | null = null;

  /** Orders events of the same day in the order they were recorded. */
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}
