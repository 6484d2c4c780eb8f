import { Migration } from '@mikro-orm/migrations';

/** Level rules, head evaluations, and Home Affairs' follow-up (commendations, handling cases, obstacle reports). */
export class Migration20261129000001HeadEvaluations extends Migration {
  override async up() {
    this.addSql(`create type "completion_level" as enum ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED');`);
    this.addSql(`create type "evaluation_status" as enum ('PROPOSED', 'SUBMITTED', 'APPROVED', 'RETURNED');`);
    this.addSql(`create type "mitigation_ground" as enum ('FULL_DIRECTION_AND_MEASURES', 'OBJECTIVE_CAUSES');`);
    this.addSql(`create type "proposal_status" as enum ('PROPOSED', 'ACCEPTED', 'REJECTED');`);
    this.addSql(`create type "handling_status" as enum ('OPEN', 'CLOSED');`);
    this.addSql(`create type "obstacle_status" as enum ('OPEN', 'ANSWERED', 'RESOLVED');`);

    this.addSql(`create table "level_rule" (
      "id" uuid primary key,
      "owner_id" uuid not null,
      "owner_snapshot" jsonb not null,
      "name" text not null,
      "legal_basis" text null,
      "effective_from" date not null,
      "effective_to" date null,
      "bands" jsonb not null,
      "excellent_requires_all_duties" boolean not null,
      "last_in_block_max_level" "completion_level" null,
      "mitigation_ceiling" "completion_level" not null,
      "min_months_in_office" integer not null check ("min_months_in_office" between 0 and 12),
      "version" integer not null default 1,
      "created_at" timestamptz not null default now(),
      constraint "level_rule_period_check" check ("effective_to" is null or "effective_to" >= "effective_from")
    );`);
    this.addSql(`create index "level_rule_owner_id_effective_from_index" on "level_rule" ("owner_id", "effective_from");`);

    this.addSql(`create table "head_evaluation" (
      "id" uuid primary key,
      "year" integer not null,
      "block" text not null,
      "organization_id" uuid not null,
      "person_id" uuid not null,
      "head_assignment_id" uuid not null,
      "evaluator_organization_id" uuid not null,
      "evaluator_is_city_committee" boolean not null,
      "block_owner_id" uuid not null,
      "block_owned_by_city" boolean not null,
      "rule_id" uuid not null references "level_rule" ("id"),
      "rule_snapshot" jsonb not null,
      "snapshot" jsonb not null,
      "index_hundredths" integer not null,
      "rank" integer null,
      "rank_of" integer null,
      "last_in_block" boolean not null,
      "months_in_office" integer not null,
      "duties_fulfilled" boolean null,
      "duty_notes" text null,
      "proposed_level" "completion_level" not null,
      "mitigation_ground" "mitigation_ground" null,
      "mitigation_explanation" text null,
      "mitigation_evidence" jsonb null,
      "mitigation_accepted" boolean null,
      "final_level" "completion_level" null,
      "status" "evaluation_status" not null default 'PROPOSED',
      "decision_comment" text null,
      "decided_at" timestamptz null,
      "decided_by" text null,
      "deciding_organization_id" uuid null,
      "version" integer not null default 1,
      "created_at" timestamptz not null default now(),
      constraint "head_evaluation_year_organization_id_person_id_unique" unique ("year", "organization_id", "person_id"),
      constraint "head_evaluation_final_level_check" check (("status" = 'APPROVED') = ("final_level" is not null))
    );`);
    this.addSql(`create index "head_evaluation_organization_id_index" on "head_evaluation" ("organization_id");`);
    this.addSql(`create index "head_evaluation_person_id_index" on "head_evaluation" ("person_id");`);
    this.addSql(`create index "head_evaluation_head_assignment_id_index" on "head_evaluation" ("head_assignment_id");`);
    this.addSql(`create index "head_evaluation_evaluator_organization_id_index" on "head_evaluation" ("evaluator_organization_id");`);
    this.addSql(`create index "head_evaluation_rule_id_index" on "head_evaluation" ("rule_id");`);
    this.addSql(`create index "head_evaluation_year_status_index" on "head_evaluation" ("year", "status");`);
    this.addSql(`create index "head_evaluation_year_block_index" on "head_evaluation" ("year", "block");`);

    this.addSql(`create table "commendation_proposal" (
      "id" uuid primary key,
      "year" integer not null,
      "organization_id" uuid not null,
      "organization_snapshot" jsonb not null,
      "head_assignment_id" uuid null,
      "reason" text not null,
      "status" "proposal_status" not null default 'PROPOSED',
      "decision_comment" text null,
      "decided_at" timestamptz null,
      "version" integer not null default 1,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql(`create index "commendation_proposal_year_organization_id_index" on "commendation_proposal" ("year", "organization_id");`);

    this.addSql(`create table "handling_case" (
      "id" uuid primary key,
      "year" integer not null,
      "organization_id" uuid not null,
      "organization_snapshot" jsonb not null,
      "head_assignment_id" uuid null,
      "reason" text not null,
      "status" "handling_status" not null default 'OPEN',
      "outcome" text null,
      "closed_at" timestamptz null,
      "version" integer not null default 1,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql(`create index "handling_case_year_organization_id_index" on "handling_case" ("year", "organization_id");`);

    this.addSql(`create table "obstacle_report" (
      "id" uuid primary key,
      "year" integer not null,
      "organization_id" uuid not null,
      "organization_snapshot" jsonb not null,
      "area_code" text null,
      "description" text not null,
      "reported_by" text not null,
      "status" "obstacle_status" not null default 'OPEN',
      "response" text null,
      "responded_at" timestamptz null,
      "version" integer not null default 1,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql(`create index "obstacle_report_year_organization_id_index" on "obstacle_report" ("year", "organization_id");`);
  }
}
