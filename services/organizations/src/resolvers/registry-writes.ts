import { LockMode } from '@mikro-orm/core';
import { assertVersion, badInput, conflict, isUuid, notFound, type KitContext } from 'subgraph-kit';
import { isCode } from 'subgraph-kit/codes';
import { Organization, type OrganizationKind } from '../entities/organization.entity.js';
import { Person } from '../entities/person.entity.js';
import { HeadAssignment } from '../entities/head-assignment.entity.js';
import { OrganizationEvent, type OrganizationEventKind } from '../entities/organization-event.entity.js';
import { searchTextOf } from '../rules/search-text.js';
import { checkEventShape, checkExistingSuccessor, checkLineage, checkPredecessor, planEvent, type Refusal } from '../rules/organization-events.js';
import { becomesOwnAncestor } from '../rules/parent-chain.js';
import { checkEnd, planAppointment } from '../rules/head-assignments.js';

/**
 * The registry's writes, the steps the mutations apply (mutation.resolver.ts), shared with the seed so seeded
 * history is built by the same rules. Each runs inside the caller's transaction (`ctx.em`); the kit's audit
 * subscriber records every change it makes when that transaction flushes.
 */
export type DomainContext = Pick<KitContext, 'em' | 'caller' | 'mutation'>;

const refuse = (r: Refusal) => badInput(r.field, r.message);

/** Reform area codes as the criteria sets spell them (STEERING, PUBLIC_FINANCE, ...). */
function advisoryAreas(codes: string[] | null | undefined, field: string): string[] {
  const areas = (codes ?? []).map((c) => c.trim().toUpperCase());
  const bad = areas.findIndex((c) => !/^[A-Z][A-Z0-9_]*$/.test(c) || !isCode(c));
  if (bad >= 0) throw badInput(`${field}[${bad}]`, 'must be a reform area code such as PUBLIC_FINANCE');
  return [...new Set(areas)];
}

export interface NewOrganization {
  code: string;
  name: string;
  shortName?: string | null;
  kind: OrganizationKind;
  parentId?: string | null;
  validFrom: string;
  advisesOn?: string[] | null;
}

async function findOrganization(ctx: DomainContext, id: string, lock = false) {
  if (!isUuid(id)) return null;
  return ctx.em.findOne(Organization, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
}

/** `field` is the dotted path of the input object, e.g. `input` or `input.successors[1]`. */
export async function createOrganizationIn(ctx: DomainContext, input: NewOrganization, field = 'input', id?: string): Promise<Organization> {
  const code = input.code.trim();
  if (!code) throw badInput(`${field}.code`, 'must not be empty');
  const name = input.name.trim();
  if (!name) throw badInput(`${field}.name`, 'must not be empty');
  if (await ctx.em.count(Organization, { code })) throw conflict(`${field}.code: an organization with code ${code} already exists`, { field: `${field}.code` });
  const advisesOn = advisoryAreas(input.advisesOn, `${field}.advisesOn`);
  let parent: Organization | null = null;
  if (input.parentId) {
    parent = await findOrganization(ctx, input.parentId);
    if (!parent) throw badInput(`${field}.parentId`, `no organization has id ${input.parentId}`);
    if (parent.validTo !== null && parent.validTo < input.validFrom) throw badInput(`${field}.parentId`, `${parent.code} was closed on ${parent.validTo}, before ${input.validFrom}`);
  }
  const org = ctx.em.create(Organization, {
    ...(id ? { id } : {}),
    code,
    name,
    shortName: input.shortName?.trim() || null,
    kind: input.kind,
    parent,
    validFrom: input.validFrom,
    advisesOn,
    searchText: searchTextOf({ code, name, shortName: input.shortName }),
  });
  ctx.em.persist(org);
  return org;
}

/** The organization's parent chain, nearest first (one recursive statement). */
async function parentChain(ctx: DomainContext, id: string): Promise<string[]> {
  const rows = await ctx.em.getConnection().execute<{ id: string }[]>(
    `with recursive chain(id, parent_id, depth) as (
       select id, parent_id, 0 from organization where id = ?
       union all
       select o.id, o.parent_id, c.depth + 1 from organization o join chain c on o.id = c.parent_id where c.depth < 1000
     ) select id::text as id from chain order by depth`,
    [id],
  );
  return rows.map((r) => r.id);
}

export interface OrganizationChanges {
  name?: string | null;
  shortName?: string | null;
  parentId?: string | null;
  advisesOn?: string[] | null;
}

export async function updateOrganizationIn(ctx: DomainContext, id: string, expectedVersion: number, input: OrganizationChanges): Promise<Organization> {
  const org = await findOrganization(ctx, id, true);
  if (!org) throw notFound('Organization', id, 'id');
  assertVersion(org, expectedVersion, `Organization ${org.code}`);
  if (org.validTo !== null) throw conflict(`id: ${org.code} was closed on ${org.validTo}; its record is history and does not change`, { field: 'id' });
  // Every check (and read) comes before the first change: a read would flush a half-made change (and bump the version).
  let name: string | undefined;
  if (input.name !== undefined) {
    name = input.name?.trim();
    if (!name) throw badInput('input.name', 'must not be empty');
  }
  const advisesOn = input.advisesOn === undefined ? undefined : advisoryAreas(input.advisesOn, 'input.advisesOn');
  let parent: Organization | null | undefined;
  if (input.parentId === null) parent = null;
  else if (input.parentId !== undefined) {
    parent = await findOrganization(ctx, input.parentId);
    if (!parent) throw badInput('input.parentId', `no organization has id ${input.parentId}`);
    if (parent.validTo !== null) throw badInput('input.parentId', `${parent.code} was closed on ${parent.validTo}`);
    if (becomesOwnAncestor(org.id, parent.id, await parentChain(ctx, parent.id))) {
      throw badInput('input.parentId', `${org.code} cannot be placed under itself or one of its own units`);
    }
  }
  if (name !== undefined) org.name = name;
  if (input.shortName !== undefined) org.shortName = input.shortName?.trim() || null;
  if (advisesOn !== undefined) org.advisesOn = advisesOn;
  if (parent !== undefined) org.parent = parent ? ctx.em.getReference(Organization, parent.id, { wrapped: true }) : null;
  org.searchText = searchTextOf(org);
  return org;
}

export interface NewEvent {
  kind: OrganizationEventKind;
  effectiveDate: string;
  legalBasis: string;
  predecessorIds: string[];
  successors?: NewOrganization[] | null;
  successorIds?: string[] | null;
  note?: string | null;
}

/** Ids of the predecessors and all their ancestors along predecessor links (one recursive statement). */
async function lineageOf(ctx: DomainContext, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await ctx.em.getConnection().execute<{ id: string }[]>(
    `with recursive lineage(id) as (
       select unnest(?::uuid[])
       union
       select p from lineage l join organization_event e on l.id = any(e.successor_ids) cross join lateral unnest(e.predecessor_ids) p
     ) select id::text as id from lineage`,
    [`{${ids.join(',')}}`],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Applies a dated event in the caller's transaction: closes the predecessors that do not continue (the day before),
 * creates the new successors, ends the heads of closed organizations, and records the links both ways.
 * `ids` lets the seed give the event and its new successors stable ids.
 */
export async function recordEventIn(ctx: DomainContext, input: NewEvent, ids: { eventId?: string; successorId?: (code: string) => string } = {}): Promise<OrganizationEvent> {
  const legalBasis = input.legalBasis.trim();
  if (!legalBasis) throw badInput('input.legalBasis', 'must not be empty');
  const predecessorIds = input.predecessorIds;
  const successorIds = input.successorIds ?? [];
  const newSuccessors = input.successors ?? [];
  const shape = checkEventShape(input.kind, predecessorIds, successorIds, newSuccessors.length);
  if (shape) throw refuse(shape);

  const predecessors: Organization[] = [];
  for (const [i, id] of predecessorIds.entries()) {
    const org = await findOrganization(ctx, id, true);
    if (!org) throw badInput(`input.predecessorIds[${i}]`, `no organization has id ${id}`);
    predecessors.push(org);
  }
  const lastDates = predecessors.length
    ? await ctx.em.find(OrganizationEvent, { $or: [{ predecessorIds: { $overlap: predecessorIds } }, { successorIds: { $overlap: predecessorIds } }] })
    : [];
  for (const [i, org] of predecessors.entries()) {
    const last = lastDates.filter((e) => e.predecessorIds.includes(org.id) || e.successorIds.includes(org.id)).map((e) => e.effectiveDate).sort().at(-1) ?? null;
    const refusal = checkPredecessor(org, i, input.effectiveDate, last);
    if (refusal) throw refuse(refusal);
  }
  const plan = planEvent(predecessorIds, successorIds, input.effectiveDate);

  const existingSuccessors: Organization[] = [];
  for (const [i, id] of successorIds.entries()) {
    const org = await findOrganization(ctx, id, true);
    if (!org) throw badInput(`input.successorIds[${i}]`, `no organization has id ${id}`);
    if (!plan.continuing.includes(id)) {
      const refusal = checkExistingSuccessor(org, i, input.effectiveDate);
      if (refusal) throw refuse(refusal);
    }
    existingSuccessors.push(org);
  }
  const lineage = await lineageOf(ctx, predecessorIds);
  const lineageRefusal = checkLineage(successorIds, lineage, new Set(plan.continuing));
  if (lineageRefusal) throw refuse(lineageRefusal);

  const codes = newSuccessors.map((s) => s.code.trim());
  for (const [i, s] of newSuccessors.entries()) {
    const field = `input.successors[${i}]`;
    if (s.validFrom !== input.effectiveDate) throw badInput(`${field}.validFrom`, `a successor starts on the effective date ${input.effectiveDate}`);
    if (codes.indexOf(codes[i]!) !== i) throw conflict(`${field}.code: ${codes[i]} is given twice`, { field: `${field}.code` });
    if (s.parentId && plan.closing.includes(s.parentId)) throw badInput(`${field}.parentId`, 'cannot be a predecessor that this event closes');
  }

  // Heads of organizations that close leave office with them; an appointment after the closing day cannot stand.
  const closingOrgs = predecessors.filter((o) => plan.closing.includes(o.id));
  if (closingOrgs.length) {
    const assignments = await ctx.em.find(HeadAssignment, { organization: { $in: plan.closing } });
    for (const a of assignments) {
      if (a.startDate > plan.closeOn) throw badInput('input.effectiveDate', `a head assignment of a predecessor starts on ${a.startDate}, after the closing day ${plan.closeOn}`);
      if (a.endDate === null || a.endDate > plan.closeOn) {
        a.endDate = plan.closeOn;
      }
    }
  }
  for (const org of closingOrgs) {
    org.validTo = plan.closeOn;
  }
  const created: Organization[] = [];
  for (const [i, s] of newSuccessors.entries()) {
    created.push(await createOrganizationIn(ctx, s, `input.successors[${i}]`, ids.successorId?.(codes[i]!)));
  }
  const event = ctx.em.create(OrganizationEvent, {
    ...(ids.eventId ? { id: ids.eventId } : {}),
    kind: input.kind,
    effectiveDate: input.effectiveDate,
    legalBasis,
    predecessorIds: predecessors.map((o) => o.id),
    successorIds: [...existingSuccessors.map((o) => o.id), ...created.map((o) => o.id)],
    note: input.note?.trim() || null,
  });
  ctx.em.persist(event);
  return event;
}

export async function createPersonIn(ctx: DomainContext, fullName: string, id?: string): Promise<Person> {
  const name = fullName.trim();
  if (!name) throw badInput('fullName', 'must not be empty');
  const person = ctx.em.create(Person, { ...(id ? { id } : {}), fullName: name });
  ctx.em.persist(person);
  return person;
}

export interface NewAppointment {
  personId: string;
  organizationId: string;
  title: string;
  startDate: string;
  acting?: boolean | null;
}

/** Appoints a head; the head in office the day before leaves that day. One head per organization per day. */
export async function appointHeadIn(ctx: DomainContext, input: NewAppointment, id?: string): Promise<HeadAssignment> {
  const title = input.title.trim();
  if (!title) throw badInput('input.title', 'must not be empty');
  const person = isUuid(input.personId) ? await ctx.em.findOne(Person, { id: input.personId }) : null;
  if (!person) throw badInput('input.personId', `no person has id ${input.personId}`);
  // Locking the organization serializes appointments to it, so two at once cannot both pass the overlap check.
  const org = await findOrganization(ctx, input.organizationId, true);
  if (!org) throw badInput('input.organizationId', `no organization has id ${input.organizationId}`);
  if (input.startDate < org.validFrom) throw badInput('input.startDate', `${org.code} exists from ${org.validFrom}`);
  if (org.validTo !== null && input.startDate > org.validTo) throw badInput('input.startDate', `${org.code} was closed on ${org.validTo}`);
  const existing = await ctx.em.find(HeadAssignment, { organization: org.id }, { orderBy: { startDate: 'asc' } });
  const plan = planAppointment(existing, input.startDate);
  if (!plan.ok) {
    const o = plan.overlapping;
    throw badInput('input.startDate', `overlaps the assignment from ${o.startDate}${o.endDate ? ` to ${o.endDate}` : ''}; one organization has one head on any day`);
  }
  if (plan.close) {
    const previous = existing.find((a) => a.id === plan.close!.id)!;
    previous.endDate = plan.close.endDate;
  }
  const assignment = ctx.em.create(HeadAssignment, {
    ...(id ? { id } : {}),
    person,
    organization: org,
    title,
    startDate: input.startDate,
    acting: input.acting ?? false,
  });
  ctx.em.persist(assignment);
  return assignment;
}

export async function endHeadAssignmentIn(ctx: DomainContext, id: string, endDate: string): Promise<HeadAssignment> {
  const assignment = isUuid(id) ? await ctx.em.findOne(HeadAssignment, { id }, { populate: ['organization'] }) : null;
  if (!assignment) throw notFound('HeadAssignment', id, 'id');
  const refusal = checkEnd(assignment, endDate, assignment.organization.getEntity().validTo);
  if (refusal) throw refusal.conflict ? conflict(`${refusal.field}: ${refusal.message}`, { field: refusal.field }) : badInput(refusal.field, refusal.message);
  assignment.endDate = endDate;
  return assignment;
}
