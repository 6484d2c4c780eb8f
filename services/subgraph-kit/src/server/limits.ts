import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Query limits (graphql-armor): depth, cost, aliases, tokens, directives, and no field suggestions. The gateway
 * applies the public limits; subgraphs apply the same ones with room for the gateway's own entity queries, so a
 * partner calling a subgraph directly meets the same wall.
 */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
}

/*
 * Calibrated on test/security/query-limits.test.ts: the deepest legitimate reporting query (12 levels, a page of 50
 * departments down to each head's career, indexes and evaluation rules) costs about 72,000; a page of 500 with
 * ten fields a row about 22,000; a page of 500 each with its subtree, or a fragment bomb, costs millions.
 * Cost counts `first` only when written literally; page sizes given as variables are capped at 500 by the resolvers.
 */
export const PUBLIC_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 100_000, maxAliases: 20, maxTokens: 3_000, maxDirectives: 30 };
export const SUBGRAPH_LIMITS: QueryLimits = { maxDepth: 14, maxCost: 200_000, maxAliases: 30, maxTokens: 6_000, maxDirectives: 60 };

export function armor(limits: QueryLimits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    costLimit: { maxCost: limits.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
