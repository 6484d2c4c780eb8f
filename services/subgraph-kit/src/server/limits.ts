import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { Kind, visit } from 'graphql';
import { DomainError } from '../errors.js';

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
  const armored = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    costLimit: { maxCost: limits.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    // Counted by graphql-js's own parser instead (parseOptions below): armor's count throws from a plugin hook,
    // which Apollo answers with HTTP 500; the parser's refusal is an ordinary 400 parse failure.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return { ...armored, parseOptions: { maxTokens: limits.maxTokens } };
}

/** No name, code, note or explanation of this domain needs more; longer text is a mistake or an attack. */
export const MAX_TEXT_LENGTH = 20_000;

const textProblem = (text: string) =>
  text.includes('\u0000') ? 'text must not contain the NUL character (U+0000)'
    : text.length > MAX_TEXT_LENGTH ? `text must not be longer than ${MAX_TEXT_LENGTH} characters` : null;

/** The first path in `value` holding a string that cannot be accepted, and why. */
function badText(value: unknown, at: string): { field: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { field: at, problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) { const found = badText(value[i], `${at}[${i}]`); if (found) return found; }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) { const found = badText(v, at ? `${at}.${k}` : k); if (found) return found; }
  }
  return null;
}

/**
 * Text every subgraph refuses up front, naming where: over MAX_TEXT_LENGTH, or holding U+0000, which
 * PostgreSQL cannot store or even receive in text (the driver's message breaks: "invalid message format").
 * No legitimate name, code or note contains it, so it is refused up front as the client's mistake, naming where.
 */
export const textGuard: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        let found = badText(request.variables ?? {}, '');
        if (!found) {
          visit(document, { [Kind.STRING]: (node) => {
            const problem = found ? null : textProblem(node.value);
            if (problem) found = { field: 'query', problem };
          } });
        }
        // HTTP 400 with a GraphQL body: a client error, which the gateway hands on with its code and field.
        if (found) {
          const { field, problem } = found as { field: string; problem: string };
          throw new DomainError('BAD_USER_INPUT', `${field}: ${problem}`, { field, http: { status: 400 } });
        }
      },
    };
  },
};
