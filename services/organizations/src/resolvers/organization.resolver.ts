import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { REGISTRY_KEEPER } from '../access.js';
import { AuditRecord, checkPageSize, DateScalar, checkCursor, findPage, isUuid, loadAuditTrail, MAX_PAGE_SIZE, badInput, type KitContext } from 'subgraph-kit';
import type { FilterQuery } from '@mikro-orm/core';
import { Organization } from '../entities/organization.entity.js';
import { OrganizationEvent } from '../entities/organization-event.entity.js';
import { HeadAssignment } from '../entities/head-assignment.entity.js';
import { OrganizationFilter } from '../inputs/organization-filter.input.js';
import { isActiveOn, todayInVietnam } from '../rules/dates.js';
import { headOn } from '../rules/head-assignments.js';
import { searchPatterns } from '../rules/search-text.js';
import { OrganizationConnection } from '../views/organization-connection.js';
import { loadAssignmentsOfOrganization, loadChildren, loadEventsOf, loadOrganization, loadOrganizationByCode, loadOrganizations } from '../loaders.js';

/** The directory and its history are public (docs/architecture.md): no token is needed to read them. */
@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: KitContext) {
    return loadOrganization(ctx, id);
  }

  @Query(() => Organization, { nullable: true })
  organizationByCode(@Arg('code', () => String) code: string, @Ctx() ctx: KitContext) {
    return loadOrganizationByCode(ctx, code);
  }

  @Query(() => OrganizationConnection, {
    description: `Organizations in a stable order (by code), a page at a time: \`first\` at most ${MAX_PAGE_SIZE} (default 50), \`after\` the endCursor of the previous page.`,
  })
  async organizations(
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: `Page size, at most ${MAX_PAGE_SIZE}.` }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: KitContext,
  ): Promise<OrganizationConnection> {
    const size = checkPageSize(first);
    const cursor = checkCursor(after, (key) => key.length === 2 && typeof key[0] === 'string' && typeof key[1] === 'string' && isUuid(key[1]));
    const where: FilterQuery<Organization>[] = [];
    if (filter?.kinds?.length) where.push({ kind: { $in: filter.kinds } });
    if (filter?.parentId !== undefined && filter?.parentId !== null) where.push(isUuid(filter.parentId) ? { parent: filter.parentId } : { id: null });
    if (filter?.activeOn) where.push({ validFrom: { $lte: filter.activeOn }, $or: [{ validTo: null }, { validTo: { $gte: filter.activeOn } }] });
    const search = searchPatterns(filter?.search);
    if ('problem' in search) throw badInput('filter.search', search.problem);
    for (const pattern of search.patterns) where.push({ searchText: { $like: pattern } });
    return findPage(ctx.em, Organization, where.length ? { $and: where } : {}, { first: size, after: cursor, orderBy: { code: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => Organization, { nullable: true })
  parent(@Root() org: Organization, @Ctx() ctx: KitContext) {
    return org.parent ? loadOrganization(ctx, org.parent.id) : null;
  }

  @FieldResolver(() => [Organization], { description: 'Units under this one; with activeOn, only those valid on that day.' })
  async children(@Root() org: Organization, @Arg('activeOn', () => DateScalar, { nullable: true }) activeOn: string | null, @Ctx() ctx: KitContext) {
    const children = await loadChildren(ctx, org.id);
    return activeOn ? children.filter((c) => isActiveOn(c, activeOn)) : children;
  }

  @FieldResolver(() => [Organization], { description: 'Organizations this one succeeded, through dated events.' })
  async predecessors(@Root() org: Organization, @Ctx() ctx: KitContext) {
    const events = await loadEventsOf(ctx, org.id);
    const ids = events.filter((e) => e.successorIds.includes(org.id)).flatMap((e) => e.predecessorIds).filter((id) => id !== org.id);
    return loadOrganizations(ctx, [...new Set(ids)]);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations that succeeded this one, through dated events.' })
  async successors(@Root() org: Organization, @Ctx() ctx: KitContext) {
    const events = await loadEventsOf(ctx, org.id);
    const ids = events.filter((e) => e.predecessorIds.includes(org.id)).flatMap((e) => e.successorIds).filter((id) => id !== org.id);
    return loadOrganizations(ctx, [...new Set(ids)]);
  }

  @FieldResolver(() => [OrganizationEvent], { description: 'Events this organization took part in, oldest first.' })
  history(@Root() org: Organization, @Ctx() ctx: KitContext) {
    return loadEventsOf(ctx, org.id);
  }

  @FieldResolver(() => HeadAssignment, { nullable: true, description: 'Who headed it on that day (default: today in Hải Phòng).' })
  async head(@Root() org: Organization, @Arg('on', () => DateScalar, { nullable: true }) on: string | null, @Ctx() ctx: KitContext) {
    return headOn(await loadAssignmentsOfOrganization(ctx, org.id), on ?? todayInVietnam());
  }

  @FieldResolver(() => [HeadAssignment], { description: 'Every head it had, oldest first.' })
  headAssignments(@Root() org: Organization, @Ctx() ctx: KitContext) {
    return loadAssignmentsOfOrganization(ctx, org.id);
  }

  @Authorized(REGISTRY_KEEPER)
  @FieldResolver(() => [AuditRecord], { description: 'HOME_AFFAIRS only.' })
  auditTrail(@Root() org: Organization, @Ctx() ctx: KitContext) {
    return loadAuditTrail(ctx, 'Organization', org.id);
  }
}
