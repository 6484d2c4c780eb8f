import { Entity, Enum, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

export enum CompletionLevel {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  COMPLETED = 'COMPLETED',
  NOT_COMPLETED = 'NOT_COMPLETED',
}
registerEnumType(CompletionLevel, { name: 'CompletionLevel' });

export enum EvaluationStatus {
  PROPOSED = 'PROPOSED',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}
registerEnumType(EvaluationStatus, { name: 'EvaluationStatus' });

/** The yearly evaluation of one head of one organization. */
@Entity({ tableName: 'head_evaluation' })
@Unique({ properties: ['year', 'organizationId', 'personId'] })
@ObjectType('HeadEvaluation')
@Directive('@key(fields: "id")')
export class HeadEvaluation {
  [OptionalProps]?: 'id' | 'version' | 'status' | 'finalLevel';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'integer' })
  @Field(() => Int)
  year!: number;

  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Property({ type: 'uuid' })
  personId!: string;

  @Enum({ items: () => EvaluationStatus, nativeEnumName: 'evaluation_status' })
  @Field(() => EvaluationStatus)
  status: EvaluationStatus = EvaluationStatus.PROPOSED;

  @Enum({ items: () => CompletionLevel, nativeEnumName: 'completion_level', nullable: true })
  @Field(() => CompletionLevel, { nullable: true })
  finalLevel: CompletionLevel | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version: number = 1;
}
