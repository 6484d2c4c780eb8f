import { ChangeSetType, ReferenceKind, type EntityComparator, type EntityData, type EntityMetadata, type EventSubscriber, type FlushEventArgs, type Platform } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { KitContext } from '../context.js';
import { DomainError } from '../errors.js';
import { AuditRecord } from './audit-record.entity.js';

/** Who is changing data through an EntityManager, read when it flushes (the mutation's name is set while it runs). */
export type AuditSource = Pick<KitContext, 'em' | 'caller' | 'mutation'>;

const sources = new WeakMap<EntityManager, AuditSource>();

/**
 * Every change flushed through `source.em` from now on gets its audit record, written by `AuditSubscriber` in the
 * same flush (so the same transaction). The kit calls it for each request's context; a seed calls it for its own.
 * An EntityManager never passed here (a migration, the bench's data generator) writes no audit records.
 */
export function auditChangesOf<T extends AuditSource>(source: T): T {
  sources.set(source.em, source);
  return source;
}

/**
 * Writes one audit record per entity inserted, updated or deleted, from the UnitOfWork's change sets: the state
 * before is the snapshot MikroORM took when it loaded the row, the state after is the entity as it is flushed. So a
 * mutation cannot forget its audit, and the record commits or rolls back with the change. Writes the ORM does not
 * see (raw SQL, query-builder inserts) are audited explicitly with `audit()`.
 */
export class AuditSubscriber implements EventSubscriber {
  onFlush({ em, uow }: FlushEventArgs): void {
    const source = sources.get(em as EntityManager);
    if (!source) return;
    const changes = uow.getChangeSets().filter((cs) => !(cs.entity instanceof AuditRecord));
    if (changes.length === 0) return;
    if (!em.isInTransaction()) throw new DomainError('INTERNAL_SERVER_ERROR', 'A change is audited inside its transaction: open it first (openTransaction)');
    const platform = em.getPlatform();
    const comparator = em.getComparator();
    for (const cs of changes) {
      const record = em.create(AuditRecord, {
        at: new Date(),
        actor: source.caller.sub ?? 'system',
        action: source.mutation ?? 'unknown',
        entityType: cs.meta.className,
        entityId: cs.getSerializedPrimaryKey() ?? '',
        before: cs.type === ChangeSetType.CREATE || !cs.originalEntity ? null : columnsJson(cs.meta, cs.originalEntity, platform),
        after: cs.type === ChangeSetType.DELETE || cs.type === ChangeSetType.DELETE_EARLY ? null : columnsJson(cs.meta, snapshotOf(cs.entity, cs.meta, comparator), platform),
      }, { persist: false });
      uow.computeChangeSet(record);
    }
  }
}

/** The entity as it is flushed, in snapshot form; the snapshot leaves out the version, which the audit keeps. */
function snapshotOf<T extends object>(entity: T, meta: EntityMetadata<T>, comparator: EntityComparator): EntityData<T> {
  const data = comparator.prepareEntity(entity) as Record<string, unknown>;
  if (meta.versionProperty) data[meta.versionProperty] = entity[meta.versionProperty];
  return data as EntityData<T>;
}

const COLUMN_KINDS = new Set([ReferenceKind.SCALAR, ReferenceKind.MANY_TO_ONE, ReferenceKind.ONE_TO_ONE]);

/**
 * JSON of a row's own columns by property name, relations as ids, from an ORM snapshot (database-shaped values):
 * each custom type turns its value back into what the entity holds and then into its JSON form, as `toObject()` does.
 */
function columnsJson<T extends object>(meta: EntityMetadata<T>, data: EntityData<T>, platform: Platform): string {
  const row: Record<string, unknown> = {};
  const values = data as Record<string, unknown>;
  for (const prop of meta.props) {
    if (!COLUMN_KINDS.has(prop.kind) || prop.persist === false || prop.hidden) continue;
    if (prop.kind === ReferenceKind.ONE_TO_ONE && !prop.owner) continue;
    const value = values[prop.name];
    if (value === undefined) continue;
    // `force`: snapshots hold JSON columns as their JSON text, which the driver would otherwise have parsed.
    row[prop.name] = value === null || !prop.customType || prop.kind !== ReferenceKind.SCALAR
      ? value
      : prop.customType.toJSON(prop.customType.convertToJSValue(value, platform, { force: true }), platform);
  }
  return JSON.stringify(row);
}
