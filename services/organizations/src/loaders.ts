import { byKey, groupByKey, uuidsOnly, type KitContext } from 'subgraph-kit';
import { Organization } from './entities/organization.entity.js';
import { Person } from './entities/person.entity.js';
import { HeadAssignment } from './entities/head-assignment.entity.js';
import { OrganizationEvent } from './entities/organization-event.entity.js';

/**
 * Every lookup path of this subgraph, batched per request: one SQL statement per path, whatever the number of
 * rows asking (docs/architecture.md).
 */
export function loadOrganization(ctx: KitContext, id: string): Promise<Organization | null> {
  return ctx.loaders
    .get<string, Organization | null>('organization:byId', async (ids) => byKey(ids, await ctx.em.find(Organization, { id: { $in: uuidsOnly(ids) } }), (o) => o.id))
    .load(id);
}

export async function loadOrganizations(ctx: KitContext, ids: readonly string[]): Promise<Organization[]> {
  const found = await Promise.all(ids.map((id) => loadOrganization(ctx, id)));
  return found.filter((o): o is Organization => o !== null);
}

export function loadOrganizationByCode(ctx: KitContext, code: string): Promise<Organization | null> {
  return ctx.loaders
    .get<string, Organization | null>('organization:byCode', async (codes) => byKey(codes, await ctx.em.find(Organization, { code: { $in: [...codes] } }), (o) => o.code))
    .load(code);
}

export function loadChildren(ctx: KitContext, parentId: string): Promise<Organization[]> {
  return ctx.loaders
    .get<string, Organization[]>('organization:byParent', async (ids) =>
      groupByKey(ids, await ctx.em.find(Organization, { parent: { $in: uuidsOnly(ids) } }, { orderBy: { code: 'asc', id: 'asc' } }), (o) => o.parent!.id))
    .load(parentId);
}

/** Events in which the organization is a predecessor or a successor, oldest first. */
export function loadEventsOf(ctx: KitContext, organizationId: string): Promise<OrganizationEvent[]> {
  return ctx.loaders
    .get<string, OrganizationEvent[]>('organizationEvent:byOrganization', async (ids) => {
      const rows = await ctx.em.find(
        OrganizationEvent,
        { $or: [{ predecessorIds: { $overlap: uuidsOnly(ids) } }, { successorIds: { $overlap: uuidsOnly(ids) } }] },
        { orderBy: { effectiveDate: 'asc', recordedAt: 'asc', id: 'asc' } },
      );
      return ids.map((id) => rows.filter((e) => e.predecessorIds.includes(id) || e.successorIds.includes(id)));
    })
    .load(organizationId);
}

export function loadAssignmentsOfOrganization(ctx: KitContext, organizationId: string): Promise<HeadAssignment[]> {
  return ctx.loaders
    .get<string, HeadAssignment[]>('headAssignment:byOrganization', async (ids) =>
      groupByKey(ids, await ctx.em.find(HeadAssignment, { organization: { $in: uuidsOnly(ids) } }, { orderBy: { startDate: 'asc', id: 'asc' } }), (a) => a.organization.id))
    .load(organizationId);
}

export function loadAssignmentsOfPerson(ctx: KitContext, personId: string): Promise<HeadAssignment[]> {
  return ctx.loaders
    .get<string, HeadAssignment[]>('headAssignment:byPerson', async (ids) =>
      groupByKey(ids, await ctx.em.find(HeadAssignment, { person: { $in: uuidsOnly(ids) } }, { orderBy: { startDate: 'asc', id: 'asc' } }), (a) => a.person.id))
    .load(personId);
}

export function loadAssignment(ctx: KitContext, id: string): Promise<HeadAssignment | null> {
  return ctx.loaders
    .get<string, HeadAssignment | null>('headAssignment:byId', async (ids) => byKey(ids, await ctx.em.find(HeadAssignment, { id: { $in: uuidsOnly(ids) } }), (a) => a.id))
    .load(id);
}

export function loadPerson(ctx: KitContext, id: string): Promise<Person | null> {
  return ctx.loaders
    .get<string, Person | null>('person:byId', async (ids) => byKey(ids, await ctx.em.find(Person, { id: { $in: uuidsOnly(ids) } }), (p) => p.id))
    .load(id);
}
