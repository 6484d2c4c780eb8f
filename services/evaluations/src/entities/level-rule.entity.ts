import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { DateScalar } from 'subgraph-kit';
import { CompletionLevel } from './enums.js';
import type { OrganizationSnapshot } from './refs.js';
import type { Band, LevelTerms } from '../rules/levels.js';

@ObjectType('LevelBand')
export class LevelBand {
  @Field(() => CompletionLevel)
  level!: CompletionLevel;

  @Field(() => Float)
  minIndex!: number;
}

/**
 * A score → level rule of one owner (the city committee, or a department/district for its own units' heads), in
 * force for a period; one owner's periods never overlap. Bounds are stored as integer hundredths.
 */
@Entity({ tableName: 'level_rule' })
@Index({ properties: ['ownerId', 'effectiveFrom'] })
@Check({ name: 'level_rule_period_check', expression: '"effective_to" is null or "effective_to" >= "effective_from"' })
@Check({ name: 'level_rule_min_months_in_office_check', expression: '"min_months_in_office" >= 0 and "min_months_in_office" <= 12' })
@ObjectType('LevelRule')
@Directive('@key(fields: "id")')
export class LevelRule {
  [OptionalProps]?: 'id' | 'version' | 'createdAt' | 'legalBasis' | 'effectiveTo' | 'lastInBlockMaxLevel' | 'bands';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  ownerId!: string;

  @Property({ type: 'json' })
  ownerSnapshot!: OrganizationSnapshot;

  @Property({ type: 'text' })
  @Field(() => String)
  name!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  legalBasis: string | null = null;

  @Property({ type: 'date' })
  @Field(() => DateScalar)
  effectiveFrom!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true })
  effectiveTo: string | null = null;

  @Property({ type: 'json', fieldName: 'bands' })
  bandHundredths!: Band[];

  @Property({ type: 'boolean' })
  @Field(() => Boolean)
  excellentRequiresAllDuties!: boolean;

  @Enum({ items: () => CompletionLevel, nativeEnumName: 'completion_level', nullable: true })
  @Field(() => CompletionLevel, { nullable: true })
  lastInBlockMaxLevel: CompletionLevel | null = null;

  @Enum({ items: () => CompletionLevel, nativeEnumName: 'completion_level' })
  @Field(() => CompletionLevel)
  mitigationCeiling!: CompletionLevel;

  @Property({ type: 'integer' })
  @Field(() => Int)
  minMonthsInOffice!: number;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => [LevelBand])
  get bands(): LevelBand[] {
    return this.bandHundredths.map((b) => Object.assign(new LevelBand(), { level: b.level, minIndex: b.minHundredths / 100 }));
  }
}

/** The terms the pure level rules need, from a rule or from an evaluation's snapshot of it. */
export function termsOf(rule: RuleSnapshot): LevelTerms {
  return {
    bands: rule.bands,
    excellentRequiresAllDuties: rule.excellentRequiresAllDuties,
    lastInBlockMaxLevel: rule.lastInBlockMaxLevel,
    mitigationCeiling: rule.mitigationCeiling,
  };
}

/** Everything an evaluation needs to be re-explained later, copied when it is proposed. */
export interface RuleSnapshot {
  id: string;
  version: number;
  owner: OrganizationSnapshot;
  name: string;
  legalBasis: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  bands: Band[];
  excellentRequiresAllDuties: boolean;
  lastInBlockMaxLevel: CompletionLevel | null;
  mitigationCeiling: CompletionLevel;
  minMonthsInOffice: number;
}

export function snapshotOf(rule: LevelRule): RuleSnapshot {
  return {
    id: rule.id,
    version: rule.version,
    owner: rule.ownerSnapshot,
    name: rule.name,
    legalBasis: rule.legalBasis,
    effectiveFrom: rule.effectiveFrom,
    effectiveTo: rule.effectiveTo,
    bands: rule.bandHundredths,
    excellentRequiresAllDuties: rule.excellentRequiresAllDuties,
    lastInBlockMaxLevel: rule.lastInBlockMaxLevel,
    mitigationCeiling: rule.mitigationCeiling,
    minMonthsInOffice: rule.minMonthsInOffice,
  };
}
