import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref, OptionalProps } from '@mikro-orm/core';
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
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class Organization {
  [OptionalProps]?: 'id' | 'version' | 'shortName' | 'parent' | 'validTo' | 'advisesOn';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'string', unique: true })
  @Field(() => String, { description: 'Unique and stable; never reused.' })
  code!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'Official Vietnamese name, with diacritics.' })
  name!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  shortName: string | null = null;

  @Enum({ items: () => OrganizationKind, nativeEnumName: 'organization_kind' })
  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @ManyToOne(() => Organization, { nullable: true, ref: true, index: true })
  parent: Ref<Organization> | null = null;

  @Property({ type: 'date' })
  @Field(() => DateScalar)
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Null while it exists.' })
  validTo: string | null = null;

  @Property({ type: 'text[]' })
  @Field(() => [String], { description: 'Reform area codes this organization advises the city on.' })
  advisesOn: string[] = [];

  /** Lower-case, diacritic-free "code name short name", for search ("hong bang" finds "Hồng Bàng"). */
  @Property({ type: 'text' })
  searchText!: string;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version: number = 1;
}
