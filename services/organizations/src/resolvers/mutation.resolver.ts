import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { REGISTRY_KEEPER } from '../access.js';
import { DateScalar, openTransaction, type KitContext } from 'subgraph-kit';
import { Organization } from '../entities/organization.entity.js';
import { OrganizationEvent } from '../entities/organization-event.entity.js';
import { Person } from '../entities/person.entity.js';
import { HeadAssignment } from '../entities/head-assignment.entity.js';
import { CreateOrganizationInput } from '../inputs/create-organization.input.js';
import { UpdateOrganizationInput } from '../inputs/update-organization.input.js';
import { OrganizationEventInput } from '../inputs/organization-event.input.js';
import { AppointHeadInput } from '../inputs/appoint-head.input.js';
import { appointHeadIn, createOrganizationIn, createPersonIn, endHeadAssignmentIn, recordEventIn, updateOrganizationIn } from './registry-writes.js';

/**
 * The registry is kept by Home Affairs (Sở Nội vụ): every write is HOME_AFFAIRS only, one transaction, audited. The
 * role is checked before the resolver runs, so each opens its transaction first.
 */
@Resolver()
export class OrganizationMutationResolver {
  @Authorized(REGISTRY_KEEPER)
  @Mutation(() => Organization, { description: 'HOME_AFFAIRS.' })
  async createOrganization(@Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput, @Ctx() ctx: KitContext) {
    await openTransaction(ctx);
    return createOrganizationIn(ctx, input);
  }

  @Authorized(REGISTRY_KEEPER)
  @Mutation(() => Organization, { description: 'HOME_AFFAIRS. CONFLICT when expectedVersion is stale.' })
  async updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() ctx: KitContext,
  ) {
    await openTransaction(ctx);
    return updateOrganizationIn(ctx, id, expectedVersion, input);
  }

  @Authorized(REGISTRY_KEEPER)
  @Mutation(() => OrganizationEvent, { description: 'HOME_AFFAIRS. Closes predecessors the day before, opens successors, links them both ways.' })
  async recordOrganizationEvent(@Arg('input', () => OrganizationEventInput) input: OrganizationEventInput, @Ctx() ctx: KitContext) {
    await openTransaction(ctx);
    return recordEventIn(ctx, input);
  }

  @Authorized(REGISTRY_KEEPER)
  @Mutation(() => Person, { description: 'HOME_AFFAIRS.' })
  async createPerson(@Arg('fullName', () => String) fullName: string, @Ctx() ctx: KitContext) {
    await openTransaction(ctx);
    return createPersonIn(ctx, fullName);
  }

  @Authorized(REGISTRY_KEEPER)
  @Mutation(() => HeadAssignment, { description: 'HOME_AFFAIRS. Closes the previous assignment the day before.' })
  async appointHead(@Arg('input', () => AppointHeadInput) input: AppointHeadInput, @Ctx() ctx: KitContext) {
    await openTransaction(ctx);
    return appointHeadIn(ctx, input);
  }

  @Authorized(REGISTRY_KEEPER)
  @Mutation(() => HeadAssignment, { description: 'HOME_AFFAIRS.' })
  async endHeadAssignment(@Arg('id', () => ID) id: string, @Arg('endDate', () => DateScalar) endDate: string, @Ctx() ctx: KitContext) {
    await openTransaction(ctx);
    return endHeadAssignmentIn(ctx, id, endDate);
  }
}
