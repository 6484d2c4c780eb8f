import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { authChecker } from '../auth/auth-checker.js';
import type { KitContext } from '../context.js';
import { mutationTransaction } from '../transactions.js';
import { DateTimeScalar } from './scalars.js';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override"])';

export type ReferenceResolvers = Record<string, (reference: { id: string }, context: KitContext) => unknown>;

/**
 * type-graphql classes → a Federation 2 subgraph schema. type-graphql builds the executable schema (with the auth
 * checker and the mutation-transaction middleware inside each resolver); we print it with its directives, link the
 * federation spec, and rebuild it with @apollo/subgraph so that `_entities` and `_service` exist.
 */
export async function buildFederatedSchema(options: {
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
}): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    authChecker,
    authMode: 'error',
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`;
  const resolvers = createResolversMap(schema) as Record<string, unknown>;
  // The transaction wraps the fields of Mutation only. As a type-graphql global middleware it wrapped every field of
  // every row in an async middleware chain (two promises per scalar), which cost the subgraphs a third of their CPU
  // on a 500-row page (bench/RESULTS.md).
  const mutation = resolvers.Mutation as Record<string, GraphQLFieldResolver<unknown, KitContext>> | undefined;
  for (const [field, resolve] of Object.entries(mutation ?? {})) {
    if (typeof resolve !== 'function') continue;
    mutation![field] = (root, args, context, info) =>
      mutationTransaction({ root, args, context, info }, () => Promise.resolve(resolve(root, args, context, info))) as never;
  }
  for (const [typeName, resolve] of Object.entries(options.referenceResolvers ?? {})) {
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = { ...existing, __resolveReference: resolve } as never;
  }
  return buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never });
}
