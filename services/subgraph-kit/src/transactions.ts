import type { MiddlewareFn } from 'type-graphql';
import type { KitContext } from './context.js';

/**
 * Every mutation is one transaction: the resolver, its checks and its audit record run on the transaction's
 * EntityManager and are flushed and committed together, or not at all. Wrapped around every field of Mutation (and
 * only those) by buildFederatedSchema.
 */
export const mutationTransaction: MiddlewareFn<KitContext> = async ({ info, context }, next) => {
  if (info.parentType.name !== 'Mutation' || info.path.prev !== undefined) return next();
  const outer = context.em;
  try {
    return await outer.transactional(async (em) => {
      context.em = em as typeof outer;
      context.mutation = info.fieldName;
      const result = await next();
      await em.flush();
      return result;
    });
  } finally {
    context.em = outer;
    context.mutation = undefined;
    context.loaders.clearAll(); // reads after the write must see it
  }
};
