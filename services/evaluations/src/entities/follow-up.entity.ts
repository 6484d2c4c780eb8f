import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { HandlingStatus, ObstacleStatus, ProposalStatus } from './enums.js';
import type { OrganizationSnapshot } from './refs.js';

/** Home Affairs proposes a commendation; the City Chairman accepts or rejects it. */
@Entity({ tableName: 'commendation_proposal' })
@Index({ properties: ['year', 'organizationId'] })
@ObjectType('CommendationProposal')
export class CommendationProposal {
  [OptionalProps]?: 'id' | 'version' | 'status' | 'createdAt' | 'headAssignmentId' | 'decisionComment' | 'decidedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'integer' })
  @Field(() => Int)
  year!: number;

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'json' })
  organizationSnapshot!: OrganizationSnapshot;

  @Property({ type: 'uuid', nullable: true })
  headAssignmentId: string | null = null;

  @Property({ type: 'text' })
  @Field(() => String)
  reason!: string;

  @Enum({ items: () => ProposalStatus, nativeEnumName: 'proposal_status' })
  @Field(() => ProposalStatus)
  status: ProposalStatus = ProposalStatus.PROPOSED;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  decisionComment: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** Handling of stagnation or violations, opened and closed (with its outcome) by Home Affairs. */
@Entity({ tableName: 'handling_case' })
@Index({ properties: ['year', 'organizationId'] })
@ObjectType('HandlingCase')
export class HandlingCase {
  [OptionalProps]?: 'id' | 'version' | 'status' | 'createdAt' | 'headAssignmentId' | 'outcome' | 'closedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'integer' })
  @Field(() => Int)
  year!: number;

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'json' })
  organizationSnapshot!: OrganizationSnapshot;

  @Property({ type: 'uuid', nullable: true })
  headAssignmentId: string | null = null;

  @Property({ type: 'text' })
  @Field(() => String)
  reason!: string;

  @Enum({ items: () => HandlingStatus, nativeEnumName: 'handling_status' })
  @Field(() => HandlingStatus)
  status: HandlingStatus = HandlingStatus.OPEN;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  outcome: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** A difficulty a unit reports for its own organization, answered by Home Affairs. */
@Entity({ tableName: 'obstacle_report' })
@Index({ properties: ['year', 'organizationId'] })
@ObjectType('ObstacleReport')
export class ObstacleReport {
  [OptionalProps]?: 'id' | 'version' | 'status' | 'createdAt' | 'areaCode' | 'response' | 'respondedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'integer' })
  @Field(() => Int)
  year!: number;

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'json' })
  organizationSnapshot!: OrganizationSnapshot;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  areaCode: string | null = null;

  @Property({ type: 'text' })
  @Field(() => String)
  description!: string;

  /** The token `sub` of whoever reported it. */
  @Property({ type: 'text' })
  reportedBy!: string;

  @Enum({ items: () => ObstacleStatus, nativeEnumName: 'obstacle_status' })
  @Field(() => ObstacleStatus)
  status: ObstacleStatus = ObstacleStatus.OPEN;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  response: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  respondedAt: Date | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
