import { Migration } from '@mikro-orm/migrations';
import { wrap } from '@mikro-orm/core';
import type { KitContext } from '../context.js';
import { DomainError } from '../errors.js';
import { groupByKey } from '../loaders.js';
import { AuditRecord, AUDIT_TABLE_SQL } from './audit-record.entity.js';

/** JSON of an entity's own columns (relations as ids), or of a plain value. */
export function auditJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const helper = (value as { __helper?: unknown }).__helper;
  if (helper) return JSON.stringify(wrap(value as object).toObject());
  return JSON.stringify(value);
}

/**
 * Writes the audit record of a change the ORM does not see (a raw SQL or query-builder write) in the caller's
 * transaction; every change flushed through the EntityManager is audited by `AuditSubscriber` instead. If the
 * mutation fails, its audit record is rolled back with it. A change recorded before the transaction opened is a bug.
 */
export function audit(ctx: KitContext, entityType: string, entityId: string, before: unknown, after: unknown, action?: string) {
  if (!ctx.em.isInTransaction()) throw new DomainError('INTERNAL_SERVER_ERROR', 'A change is audited inside its transaction: open it first (openTransaction)');
  const record = ctx.em.create(AuditRecord, {
    at: new Date(),
    actor: ctx.caller.sub ?? 'system',
    action: action ?? ctx.mutation ?? 'unknown',
    entityType,
    entityId,
    before: typeof before === 'string' ? before : auditJson(before),
    after: typeof after === 'string' ? after : auditJson(after),
  });
  ctx.em.persist(record);
  return record;
}

/** The audit trail of one entity type, batched per request. */
export function loadAuditTrail(ctx: KitContext, entityType: string, entityId: string): Promise<AuditRecord[]> {
  return ctx.loaders
    .get<string, AuditRecord[]>(`audit:${entityType}`, async (ids) => {
      const rows = await ctx.em.find(AuditRecord, { entityType, entityId: { $in: [...ids] } }, { orderBy: { at: 'asc', id: 'asc' } });
      return groupByKey(ids as string[], rows, (r) => r.entityId);
    })
    .load(entityId);
}

/** Every subgraph lists this first in its migrations. */
export class Migration00000000000000AuditRecord extends Migration {
  override async up() {
    this.addSql(AUDIT_TABLE_SQL);
  }
}
export const auditMigration = { name: 'Migration00000000000000AuditRecord', class: Migration00000000000000AuditRecord };
