import type { MiddlewareFn } from 'type-graphql';
import type { KitContext } from './context.js';
import { DomainError } from './errors.js';
import { auditChangesOf } from './audit/audit-subscriber.js';

/**
 * Every mutation is one transaction with its audit record, and that transaction opens only once the caller is
 * authorized and the reads of other subgraphs are done: a refused caller never holds a database connection, and no
 * transaction (nor the row locks it takes) stays open while the gateway answers.
 *
 * A mutation resolver therefore runs in two phases. First it reads what it needs, checks who may act (a head claim
 * may cost one gateway call, see headships.ts) and reads other subgraphs; then it calls `openTransaction(ctx)`, and
 * every statement after that — locking reads, checks against the locked rows, writes, the audit record — runs in
 * the transaction, which this wrapper commits when the resolver returns and rolls back when it throws. Rows read in
 * the first phase and changed in the second are written with their `version` checked, so a change made in between
 * answers CONFLICT, never overwrites.
 *
 * Wrapped around every field of Mutation (and only those) by buildFederatedSchema.
 */
export const mutationTransaction: MiddlewareFn<KitContext> = async ({ info, context }, next) => {
  if (info.parentType.name !== 'Mutation' || info.path.prev !== undefined) return next();
  const em = context.em;
  context.mutation = info.fieldName;
  context.transactionOpened = false;
  // Apollo hands each operation its own copy of the request's context: the one this mutation runs with names the actor.
  auditChangesOf(context);
  let committing = false;
  try {
    const result = await next();
    if (em.isInTransaction()) {
      await em.flush();
      // The client was told the request was stopped (its deadline passed, or it hung up): keep that promise.
      if (context.deadline && !context.deadline.beginCommit()) {
        throw new DomainError('INTERNAL_SERVER_ERROR', 'The request ran past its deadline and was stopped; nothing was changed', { timeout: true });
      }
      committing = true;
      await em.commit();
      context.deadline?.endCommit(true);
    } else if (hasPendingChanges(em)) {
      throw new DomainError('INTERNAL_SERVER_ERROR', `${info.fieldName} changed data without opening its transaction; nothing was saved`);
    }
    return result;
  } catch (error) {
    if (committing) context.deadline?.endCommit(false);
    if (em.isInTransaction()) await em.rollback().catch(() => undefined); // a dead connection must not hide the cause
    em.clear(); // entities changed by the failed mutation must not be flushed by a later one of the same request
    throw error;
  } finally {
    context.mutation = undefined;
    context.transactionOpened = undefined;
    context.loaders.clearAll(); // reads after the write must see it
  }
};

/**
 * Opens the running mutation's one transaction on `ctx.em`: call it after the authorization checks and the gateway
 * reads, before the first locking read or write. Loaders are cleared so the writes' checks read inside it.
 */
export async function openTransaction(ctx: KitContext): Promise<void> {
  if (ctx.mutation === undefined) throw new DomainError('INTERNAL_SERVER_ERROR', 'A transaction is opened by a mutation only');
  if (ctx.transactionOpened) throw new DomainError('INTERNAL_SERVER_ERROR', `${ctx.mutation} opened a second transaction; a mutation is one transaction`);
  ctx.transactionOpened = true;
  await ctx.em.begin();
  ctx.loaders.clearAll();
}

function hasPendingChanges(em: KitContext['em']): boolean {
  const uow = em.getUnitOfWork();
  uow.computeChangeSets();
  return uow.getChangeSets().length > 0;
}
