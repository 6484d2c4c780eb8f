import { Migration } from '@mikro-orm/migrations';

export class Migration20261129000001HeadEvaluations extends Migration {
  override async up() {
    this.addSql(`create type "completion_level" as enum ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED');`);
    this.addSql(`create type "evaluation_status" as enum ('PROPOSED', 'SUBMITTED', 'APPROVED', 'RETURNED');`);
    this.addSql(`create table "head_evaluation" (
      "id" uuid primary key,
      "year" integer not null,
      "organization_id" uuid not null,
      "person_id" uuid not null,
      "status" "evaluation_status" not null default 'PROPOSED',
      "final_level" "completion_level" null,
      "version" integer not null default 1,
      constraint "head_evaluation_year_organization_id_person_id_unique" unique ("year", "organization_id", "person_id")
    );`);
    this.addSql(`create index "head_evaluation_organization_id_index" on "head_evaluation" ("organization_id");`);
  }
}
