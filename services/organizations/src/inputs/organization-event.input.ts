import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from 'subgraph-kit';
import { OrganizationEventKind } from '../entities/organization-event.entity.js';
import { CreateOrganizationInput } from './create-organization.input.js';

@InputType('OrganizationEventInput')
export class OrganizationEventInput {
  @Field(() => OrganizationEventKind)
  kind!: OrganizationEventKind;

  @Field(() => DateScalar, { description: 'First day of the new state; closed predecessors end the day before.' })
  effectiveDate!: string;

  @Field(() => String)
  legalBasis!: string;

  @Field(() => [ID])
  predecessorIds!: string[];

  @Field(() => [CreateOrganizationInput], { nullable: true, description: 'Organizations the event creates; their validFrom is the effective date.' })
  successors?: CreateOrganizationInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Existing organizations that succeed; a merger may name one of its predecessors (absorption).' })
  successorIds?: string[] | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
