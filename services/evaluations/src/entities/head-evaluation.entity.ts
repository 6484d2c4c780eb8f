import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { CompletionLevel, EvaluationStatus, MitigationGround } from './enums.js';
import type { OrganizationSnapshot } from './refs.js';
import { LevelRule, type RuleSnapshot } from './level-rule.entity.js';

@ObjectType('Mitigation')
export class Mitigation {
  @Field(() => MitigationGround)
  ground!: MitigationGround;

  @Field(() => String)
  explanation!: string;

  @Field(() => [String])
  evidence!: string[];

  @Field(() => Boolean, { nullable: true })
  accepted!: boolean | null;
}

/** What was read through the gateway when the evaluation was proposed, kept so it can be re-explained later. */
export interface EvaluationSnapshot {
  organization: OrganizationSnapshot & { parentId: string | null };
  person: { id: string; fullName: string | null };
  assignment: { id: string; title: string | null; startDate: string; endDate: string | null; acting: boolean };
  ranking: { decisionNumber: string | null; publishedAt: string | null; owner: OrganizationSnapshot; lastRank: number };
}

/**
 * The yearly evaluation of one head of one organization: one per (year, organization, person). Fields that are
 * not public (duties, mitigation, decision comment) are served by the resolver according to the caller.
 */
@Entity({ tableName: 'head_evaluation' })
@Unique({ properties: ['year', 'organizationId', 'personId'] })
@Index({ properties: ['year', 'status'] })
@Index({ properties: ['year', 'block'] })
@Check({ name: 'head_evaluation_final_level_check', expression: `("status" = 'APPROVED') = ("final_level" is not null)` })
@ObjectType('HeadEvaluation')
@Directive('@key(fields: "id")')
export class HeadEvaluation {
  [OptionalProps]?: 'id' | 'version' | 'status' | 'finalLevel' | 'createdAt' | 'dutiesFulfilled' | 'dutyNotes' | 'mitigationGround'
    | 'mitigationExplanation' | 'mitigationEvidence' | 'mitigationAccepted' | 'decisionComment' | 'decidedAt' | 'decidedBy' | 'decidingOrganizationId' | 'indexValue' | 'mitigation';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'integer' })
  @Field(() => Int)
  year!: number;

  @Property({ type: 'text' })
  @Field(() => String, { description: 'The ranking block whose published index was used.' })
  block!: string;

  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Property({ type: 'uuid', index: true })
  headAssignmentId!: string;

  @Property({ type: 'uuid', index: true })
  evaluatorOrganizationId!: string;

  @Property({ type: 'boolean' })
  evaluatorIsCityCommittee!: boolean;

  @Property({ type: 'uuid' })
  blockOwnerId!: string;

  @Property({ type: 'boolean' })
  blockOwnedByCity!: boolean;

  @ManyToOne(() => LevelRule, { mapToPk: true, fieldName: 'rule_id', index: true, foreignKeyName: 'head_evaluation_rule_id_fkey', updateRule: 'no action', deleteRule: 'no action' })
  ruleId!: string;

  @Property({ type: 'json' })
  ruleSnapshot!: RuleSnapshot;

  @Property({ type: 'json' })
  snapshot!: EvaluationSnapshot;

  @Property({ type: 'integer' })
  indexHundredths!: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  rank!: number | null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  rankOf!: number | null;

  @Property({ type: 'boolean' })
  lastInBlock!: boolean;

  /** Served by the resolver: not part of the public view. */
  @Property({ type: 'integer' })
  monthsInOffice!: number;

  @Property({ type: 'boolean', nullable: true })
  dutiesFulfilled: boolean | null = null;

  @Property({ type: 'text', nullable: true })
  dutyNotes: string | null = null;

  @Enum({ items: () => CompletionLevel, nativeEnumName: 'completion_level' })
  @Field(() => CompletionLevel)
  proposedLevel!: CompletionLevel;

  @Enum({ items: () => MitigationGround, nativeEnumName: 'mitigation_ground', nullable: true })
  mitigationGround: MitigationGround | null = null;

  @Property({ type: 'text', nullable: true })
  mitigationExplanation: string | null = null;

  @Property({ type: 'json', nullable: true })
  mitigationEvidence: string[] | null = null;

  @Property({ type: 'boolean', nullable: true })
  mitigationAccepted: boolean | null = null;

  @Enum({ items: () => CompletionLevel, nativeEnumName: 'completion_level', nullable: true })
  @Field(() => CompletionLevel, { nullable: true })
  finalLevel: CompletionLevel | null = null;

  @Enum({ items: () => EvaluationStatus, nativeEnumName: 'evaluation_status' })
  @Field(() => EvaluationStatus)
  status: EvaluationStatus = EvaluationStatus.PROPOSED;

  @Property({ type: 'text', nullable: true })
  decisionComment: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null = null;

  /** The token `sub` of whoever decided, and the organization whose head they were confirmed to be. */
  @Property({ type: 'text', nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  decidingOrganizationId: string | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Float)
  get indexValue(): number {
    return this.indexHundredths / 100;
  }

  get mitigation(): Mitigation | null {
    if (!this.mitigationGround) return null;
    return Object.assign(new Mitigation(), {
      ground: this.mitigationGround,
      explanation: this.mitigationExplanation ?? '',
      evidence: this.mitigationEvidence ?? [],
      accepted: this.mitigationAccepted,
    });
  }
}
