import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from 'subgraph-kit';
import { Organization } from '../entities/organization.entity.js';

/** A page of the directory (cursor pagination: the directory grows with every reorganization). */
@ObjectType('OrganizationEdge')
export class OrganizationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Organization)
  node!: Organization;
}

@ObjectType('OrganizationConnection')
export class OrganizationConnection {
  @Field(() => [OrganizationEdge])
  edges!: OrganizationEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Organizations matching the filter, on every page together.' })
  totalCount!: number;
}
