import { Entity, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** One row per change: who did what to which record, with its state before and after. Same shape in every subgraph. */
@Entity({ tableName: 'audit_record' })
@Index({ properties: ['entityType', 'entityId', 'at'] })
@ObjectType('AuditRecord')
@Directive('@shareable')
export class AuditRecord {
  [OptionalProps]?: 'id' | 'at';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  @Field(() => Date)
  at: Date = new Date();

  @Property({ type: 'text' })
  @Field(() => String)
  actor!: string;

  @Property({ type: 'text' })
  @Field(() => String)
  action!: string;

  @Property({ type: 'text' })
  @Field(() => String)
  entityType!: string;

  @Property({ type: 'text' })
  @Field(() => ID)
  entityId!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  before!: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  after!: string | null;
}

export const AUDIT_TABLE_SQL = `
create table if not exists "audit_record" (
  "id" bigserial primary key,
  "at" timestamptz not null default now(),
  "actor" text not null,
  "action" text not null,
  "entity_type" text not null,
  "entity_id" text not null,
  "before" text null,
  "after" text null
);
create index if not exists "audit_record_entity_type_entity_id_at_index" on "audit_record" ("entity_type", "entity_id", "at");`;
