import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from 'subgraph-kit';
import { OrganizationKind } from '../entities/organization.entity.js';

@InputType('OrganizationFilter')
export class OrganizationFilter {
  @Field(() => [OrganizationKind], { nullable: true })
  kinds?: OrganizationKind[] | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only organizations valid on that day.' })
  activeOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Matches code or name, ignoring case and Vietnamese diacritics ("hong bang" finds "Hồng Bàng"); every word must match. At most 8 words and 200 characters.' })
  search?: string | null;
}
