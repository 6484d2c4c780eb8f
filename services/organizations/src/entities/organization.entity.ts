import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref, OptionalProps } from '@mikro-orm/core';
import { DateScalar } from 'subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

export enum OrganizationKind {
  CITY_COMMITTEE = 'CITY_COMMITTEE',
  DEPARTMENT = 'DEPARTMENT',
  CITY_AGENCY = 'CITY_AGENCY',
  DISTRICT_COMMITTEE = 'DISTRICT_COMMITTEE',
  COMMUNE_COMMITTEE = 'COMMUNE_COMMITTEE',
  SUBORDINATE_UNIT = 'SUBORDINATE_UNIT',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

/** A unit of the administration for one period of its life: a name is not an identity, the id and code are. */
@Entity({ tableName: 'organization' })
@Index({ name: 'organization_kind_index', properties: ['kind'] })
@Index({ name: 'organization_validity_index', properties: ['validFrom', 'validTo'] })
@Index({ name: 'organization_code_id_index', properties: ['code', 'id'] })
@Index({ name: 'organization_search_text_trgm', expression: 'create index "organization_search_text_trgm" on "organization" using gin ("search_text" gin_trgm_ops)' })
@Check({ name: 'organization_period_check', expression: '"valid_to" is null or "valid_to" >= "valid_from"' })
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class Organization {
  [OptionalProps]?: 'id' | 'version' | 'shortName' | 'parent' | 'validTo' | 'advisesOn';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'text', unique: 'organization_code_key' })
  @Field(() => String, { description: 'Unique and stable; never reused.' })
  code!: string;

  @Property({ type: 'text' })
  @Field(() => String, { description: 'Official Vietnamese name, with diacritics.' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  shortName: string | null = null;

  @Enum({ items: () => OrganizationKind, nativeEnumName: 'organization_kind' })
  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @ManyToOne(() => Organization, { nullable: true, ref: true, index: true, foreignKeyName: 'organization_parent_id_fkey', updateRule: 'no action', deleteRule: 'no action' })
  parent: Ref<Organization> | null = null;

  @Property({ type: 'date' })
  @Field(() => DateScalar)
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Null while it exists.' })
  validTo: string | null = null;

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  @Field(() => [String], { description: 'Reform area codes this organization advises the city on.' })
  advisesOn: string[] = [];

  /** Lower-case, diacritic-free "code name short name", for search ("hong bang" finds "Hồng Bàng"). */
  @Property({ type: 'text' })
  searchText!: string;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version: number = 1;
}
