import { Migration } from '@mikro-orm/migrations';

export class Migration20261129000001Organizations extends Migration {
  override async up() {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create type "organization_kind" as enum ('CITY_COMMITTEE', 'DEPARTMENT', 'CITY_AGENCY', 'DISTRICT_COMMITTEE', 'COMMUNE_COMMITTEE', 'SUBORDINATE_UNIT');`);
    this.addSql(`create table "organization" (
      "id" uuid primary key,
      "code" text not null unique,
      "name" text not null,
      "short_name" text null,
      "kind" "organization_kind" not null,
      "parent_id" uuid null references "organization" ("id"),
      "valid_from" date not null,
      "valid_to" date null,
      "advises_on" text[] not null default '{}',
      "search_text" text not null,
      "version" integer not null default 1,
      constraint "organization_period_check" check ("valid_to" is null or "valid_to" >= "valid_from")
    );`);
    this.addSql(`create index "organization_parent_id_index" on "organization" ("parent_id");`);
    this.addSql(`create index "organization_search_text_trgm" on "organization" using gin ("search_text" gin_trgm_ops);`);
  }
}
