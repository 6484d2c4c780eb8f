import type { EntityManager } from '@mikro-orm/postgresql';
import { ANONYMOUS, auditChangesOf, stableId } from 'subgraph-kit';
import { Organization, type OrganizationKind } from '../entities/organization.entity.js';
import { Person } from '../entities/person.entity.js';
import { HeadAssignment } from '../entities/head-assignment.entity.js';
import { OrganizationEvent, type OrganizationEventKind } from '../entities/organization-event.entity.js';
import { appointHeadIn, createOrganizationIn, createPersonIn, recordEventIn, type DomainContext, type NewOrganization } from '../resolvers/registry-writes.js';
import { SEEDED_HEADS, SEEDED_PERSONS, seededAssignmentId, seededOrganizationId, seededPersonId } from './heads.js';
import data from './haiphong.json' with { type: 'json' };

interface SeedOrganization { code: string; name: string; kind: string; parent?: string; validFrom: string; validTo?: string; advisesOn?: string[] }
interface SeedEvent { kind: string; effectiveDate: string; legalBasis: string; predecessors: string[]; successors: string[]; note?: string }

const organizations = [data.city as SeedOrganization, ...(data.organizations as SeedOrganization[])];
const byCode = new Map(organizations.map((o) => [o.code, o]));
const events = [...(data.events as SeedEvent[])].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
const eventId = (e: SeedEvent) => stableId('organization-event', `${e.kind}:${e.effectiveDate}:${e.predecessors.join(',')}>${e.successors.join(',')}`);

/** Organizations a 2025 event brings into being (a merger's absorbing predecessor already exists). */
const createdByEvents = new Set(events.flatMap((e) => e.successors.filter((code) => !e.predecessors.includes(code))));

const newOrganization = (o: SeedOrganization): NewOrganization => ({
  code: o.code,
  name: o.name,
  kind: o.kind as OrganizationKind,
  parentId: o.parent ? seededOrganizationId(o.parent) : null,
  validFrom: o.validFrom,
  advisesOn: o.advisesOn ?? [],
});

/**
 * Hải Phòng for `pnpm start`: the city, its departments, agencies, districts and known communes, the 2025 events
 * applied through the same domain functions as recordOrganizationEvent (so validity periods and predecessor/
 * successor links come out of the rules), and demo heads. Idempotent: what exists (by stable id) is skipped.
 */
export async function seedOrganizations(em: EntityManager) {
  await em.transactional(async (tx) => {
    const ctx: DomainContext = auditChangesOf({ em: tx as EntityManager, caller: ANONYMOUS, mutation: 'seed' });
    const exists = async (entity: typeof Organization | typeof Person | typeof HeadAssignment | typeof OrganizationEvent, id: string) =>
      (await tx.count(entity, { id })) > 0;

    for (const o of organizations) {
      if (createdByEvents.has(o.code) || (await exists(Organization, seededOrganizationId(o.code)))) continue;
      await createOrganizationIn(ctx, newOrganization(o), 'seed', seededOrganizationId(o.code));
    }
    for (const p of SEEDED_PERSONS) {
      if (!(await exists(Person, seededPersonId(p.key)))) await createPersonIn(ctx, p.fullName, seededPersonId(p.key));
    }

    // One timeline: on a given day the event comes first, so its successors exist before their heads start.
    const timeline = [
      ...events.map((e) => ({ day: e.effectiveDate, order: 0, run: () => applyEvent(ctx, e, exists) })),
      ...SEEDED_HEADS.map((h) => ({ day: h.startDate, order: 1, run: async () => {
        if (await exists(HeadAssignment, seededAssignmentId(h.key))) return;
        await appointHeadIn(ctx, {
          personId: seededPersonId(h.personKey), organizationId: seededOrganizationId(h.organizationCode),
          title: h.title, startDate: h.startDate, acting: h.acting ?? false,
        }, seededAssignmentId(h.key));
      } })),
    ].sort((a, b) => a.day.localeCompare(b.day) || a.order - b.order);
    for (const step of timeline) await step.run();
    await tx.flush();
  });
}

async function applyEvent(ctx: DomainContext, e: SeedEvent, exists: (entity: typeof OrganizationEvent, id: string) => Promise<boolean>) {
  if (await exists(OrganizationEvent, eventId(e))) return;
  const created = e.successors.filter((code) => createdByEvents.has(code) && !e.predecessors.includes(code));
  await recordEventIn(ctx, {
    kind: e.kind as OrganizationEventKind,
    effectiveDate: e.effectiveDate,
    legalBasis: e.legalBasis,
    predecessorIds: e.predecessors.map(seededOrganizationId),
    successorIds: e.successors.filter((code) => !created.includes(code)).map(seededOrganizationId),
    successors: created.map((code) => newOrganization(byCode.get(code)!)),
    note: e.note ?? null,
  }, { eventId: eventId(e), successorId: seededOrganizationId });
}
