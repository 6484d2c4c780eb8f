import { Entity, Enum, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import type { AreaNode, BandNode } from '../rules/criteria-set.js';
import { isCityCommitteeKind } from 'shared-rules';
import { CriteriaSetStatus } from './enums.js';

/**
 * The criteria of one block for one year: areas → criteria → sub-criteria (kept as one JSON tree, points in
 * hundredths), and the bands. The owner's kind and code are a snapshot taken from the organizations subgraph when
 * the set was defined, so every later authorization check (administrator, publisher) needs no call.
 */
@Entity({ tableName: 'criteria_set' })
@Unique({ properties: ['year', 'block'] })
@ObjectType('CriteriaSet')
@Directive('@key(fields: "id")')
export class CriteriaSet {
  [OptionalProps]?: 'id' | 'version' | 'status' | 'legalBasis' | 'createdAt' | 'activatedAt' | 'maxPoints' | 'ownedByCity';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'integer' })
  @Field(() => Int)
  year!: number;

  @Property({ type: 'text' })
  @Field(() => String, { description: 'Ranking block code, e.g. DEPARTMENTS, or 304/COMMUNES for a block a district runs.' })
  block!: string;

  @Property({ type: 'uuid', index: true })
  ownerId!: string;

  @Property({ type: 'text' })
  ownerKind!: string;

  @Property({ type: 'text' })
  ownerCode!: string;

  @Property({ type: 'text' })
  @Field(() => String)
  name!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  legalBasis: string | null = null;

  @Enum({ items: () => CriteriaSetStatus, nativeEnumName: 'criteria_set_status' })
  @Field(() => CriteriaSetStatus)
  status: CriteriaSetStatus = CriteriaSetStatus.DRAFT;

  @Property({ type: 'json' })
  areaTree!: AreaNode[];

  @Property({ type: 'json', defaultRaw: "'[]'" })
  bandList!: BandNode[];

  @Property({ type: 'integer' })
  maxHundredths!: number;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  activatedAt: Date | null = null;

  @Field(() => Float, { description: 'Sum of the areas; 100 in every real set.' })
  get maxPoints(): number {
    return this.maxHundredths / 100;
  }

  get ownedByCity(): boolean {
    return isCityCommitteeKind(this.ownerKind);
  }
}
