import { Migration } from '@mikro-orm/migrations';

export class Migration20261129000001Assessments extends Migration {
  override async up() {
    this.addSql(`create type "assessment_status" as enum ('DRAFT', 'SELF_ASSESSED', 'UNDER_APPRAISAL', 'EXPLANATION_REQUESTED', 'APPRAISED', 'PUBLISHED');`);
    this.addSql(`create table "assessment" (
      "id" uuid primary key,
      "organization_id" uuid not null,
      "year" integer not null,
      "status" "assessment_status" not null default 'DRAFT',
      "index_hundredths" integer null,
      "version" integer not null default 1,
      constraint "assessment_organization_id_year_unique" unique ("organization_id", "year")
    );`);
  }
}
