import { Migration } from '@mikro-orm/migrations';

export class Migration20261129000001ReformIndex extends Migration {
  override async up() {
    this.addSql(`create type "criteria_set_status" as enum ('DRAFT', 'ACTIVE');`);
    this.addSql(`create type "assessment_status" as enum ('DRAFT', 'SELF_ASSESSED', 'UNDER_APPRAISAL', 'EXPLANATION_REQUESTED', 'APPRAISED', 'PUBLISHED');`);
    // Points are integer hundredths everywhere (94.71 = 9471); the criteria tree and the score sheet are JSON
    // documents of one aggregate each, versioned with it.
    this.addSql(`create table "criteria_set" (
      "id" uuid primary key,
      "year" integer not null,
      "block" text not null,
      "owner_id" uuid not null,
      "owner_kind" text not null,
      "owner_code" text not null,
      "name" text not null,
      "legal_basis" text null,
      "status" "criteria_set_status" not null default 'DRAFT',
      "area_tree" jsonb not null,
      "band_list" jsonb not null default '[]',
      "max_hundredths" integer not null,
      "version" integer not null default 1,
      "created_at" timestamptz not null default now(),
      "activated_at" timestamptz null,
      constraint "criteria_set_year_block_unique" unique ("year", "block")
    );`);
    this.addSql(`create index "criteria_set_owner_id_index" on "criteria_set" ("owner_id");`);
    this.addSql(`create table "publication" (
      "id" uuid primary key,
      "year" integer not null,
      "block" text not null,
      "criteria_set_id" uuid not null references "criteria_set" ("id"),
      "decision_number" text not null,
      "published_at" timestamptz not null default now(),
      "average_hundredths" integer not null,
      "ranked_count" integer not null,
      constraint "publication_year_block_unique" unique ("year", "block")
    );`);
    this.addSql(`create table "assessment" (
      "id" uuid primary key,
      "organization_id" uuid not null,
      "year" integer not null,
      "block" text not null,
      "criteria_set_id" uuid not null references "criteria_set" ("id"),
      "status" "assessment_status" not null default 'DRAFT',
      "sheet" jsonb not null default '{}',
      "publication_id" uuid null references "publication" ("id"),
      "index_hundredths" integer null,
      "total_hundredths" integer null,
      "applicable_max_hundredths" integer null,
      "rank" integer null,
      "rank_of" integer null,
      "band" text null,
      "version" integer not null default 1,
      "created_at" timestamptz not null default now(),
      constraint "assessment_organization_id_year_unique" unique ("organization_id", "year")
    );`);
    this.addSql(`create index "assessment_year_block_status_index" on "assessment" ("year", "block", "status");`);
    this.addSql(`create index "assessment_criteria_set_id_index" on "assessment" ("criteria_set_id");`);
    this.addSql(`create index "assessment_publication_id_rank_index" on "assessment" ("publication_id", "rank");`);
  }
}
