import type { MiddlewareFn } from 'type-graphql';
import type { KitContext } from './context.js';
import { DomainError } from './errors.js';

/**
 * Every mutation is one transaction: the resolver, its checks and its audit record run on the transaction's
 * EntityManager and are flushed and committed together, or not at all. Wrapped around every field of Mutation (and
 * only those) by buildFederatedSchema.
 */
export const mutationTransaction: MiddlewareFn<KitContext> = async ({ info, context }, next) => {
  if (info.parentType.name !== 'Mutation' || info.path.prev !== undefined) return next();
  const outer = context.em;
  let committing = false;
  try {
    const result = await outer.transactional(async (em) => {
      context.em = em as typeof outer;
      context.mutation = info.fieldName;
      const result = await next();
      await em.flush();
      // The client was told the request was stopped (its deadline passed, or it hung up): keep that promise.
      if (context.deadline && !context.deadline.beginCommit()) {
        throw new DomainError('INTERNAL_SERVER_ERROR', 'The request ran past its deadline and was stopped; nothing was changed', { timeout: true });
      }
      committing = true;
      return result;
    });
    if (committing) context.deadline?.endCommit(true);
    return result;
  } catch (error) {
    if (committing) context.deadline?.endCommit(false);
    throw error;
  } finally {
    context.em = outer;
    context.mutation = undefined;
    context.loaders.clearAll(); // reads after the write must see it
  }
};
