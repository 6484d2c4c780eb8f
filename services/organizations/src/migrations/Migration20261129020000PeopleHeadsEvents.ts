import { Migration } from '@mikro-orm/migrations';

/** People, head assignments and the dated events that link predecessors and successors. */
export class Migration20261129020000PeopleHeadsEvents extends Migration {
  override async up() {
    this.addSql(`create index "organization_kind_index" on "organization" ("kind");`);
    this.addSql(`create index "organization_validity_index" on "organization" ("valid_from", "valid_to");`);
    this.addSql(`create index "organization_code_id_index" on "organization" ("code", "id");`);
    this.addSql(`create table "person" (
      "id" uuid primary key,
      "full_name" text not null
    );`);
    this.addSql(`create table "head_assignment" (
      "id" uuid primary key,
      "person_id" uuid not null references "person" ("id"),
      "organization_id" uuid not null references "organization" ("id"),
      "title" text not null,
      "start_date" date not null,
      "end_date" date null,
      "acting" boolean not null default false,
      constraint "head_assignment_period_check" check ("end_date" is null or "end_date" >= "start_date")
    );`);
    this.addSql(`create index "head_assignment_organization_id_start_date_index" on "head_assignment" ("organization_id", "start_date");`);
    this.addSql(`create index "head_assignment_person_id_index" on "head_assignment" ("person_id");`);
    this.addSql(`create type "organization_event_kind" as enum ('ESTABLISH', 'RENAME', 'MERGE', 'SPLIT', 'RECLASSIFY', 'DISSOLVE');`);
    this.addSql(`create table "organization_event" (
      "id" uuid primary key,
      "kind" "organization_event_kind" not null,
      "effective_date" date not null,
      "legal_basis" text not null,
      "predecessor_ids" uuid[] not null default '{}',
      "successor_ids" uuid[] not null default '{}',
      "note" text null,
      "recorded_at" timestamptz not null default now()
    );`);
    this.addSql(`create index "organization_event_predecessor_ids_gin" on "organization_event" using gin ("predecessor_ids");`);
    this.addSql(`create index "organization_event_successor_ids_gin" on "organization_event" using gin ("successor_ids");`);
  }
}
