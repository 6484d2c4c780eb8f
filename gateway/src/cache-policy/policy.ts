import {
  Kind, OperationTypeNode, type DocumentNode, type FragmentDefinitionNode, type GraphQLAbstractType, type GraphQLCompositeType, type GraphQLField, type GraphQLOutputType, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import type { CacheClass, CacheHint, CacheHints } from './hints.js';

/** Seconds a class may be kept. Immutable is a day, not a year: see the README's "HTTP caching". */
export const MAX_AGE: Readonly<Record<Exclude<CacheClass, 'private'>, number>> = { immutable: 86_400, short: 60 };

export interface CachePolicy {
  /** Seconds; 0 when private. */
  maxAge: number;
  scope: 'PUBLIC' | 'PRIVATE';
  cache: CacheClass;
  /** Response-key paths (aliases as sent, list levels skipped) where a null means "not yet": such an answer is not cached. */
  pendingPaths: string[][];
  /** The field that made the answer private (`Type.field`, or the operation kind), for logs and tests. */
  privateBecause: string | null;
}

const RANK: Readonly<Record<CacheClass, number>> = { immutable: 0, short: 1, private: 2 };

/** The schema's own fields. __typename never changes; a schema can change with any deployment. */
const INTROSPECTION = new Map<string, CacheHint>([['__typename', { cache: 'immutable' }], ['__schema', { cache: 'short' }], ['__type', { cache: 'short' }]]);

const PRIVATE: CacheHint = { cache: 'private' };

/**
 * The kind of a schema type by its Symbol.toStringTag, not graphql's isObjectType & co.: those test `instanceof`,
 * and the gateway's schema may come from another copy of graphql than this module's (Apollo loads it as CommonJS,
 * an ESM importer such as the test runner as ESM), where they throw or answer false.
 */
const kindOf = (type: unknown): string | undefined =>
  type !== null && typeof type === 'object' ? ((type as { [Symbol.toStringTag]?: string })[Symbol.toStringTag]) : undefined;

const isComposite = (type: unknown): type is GraphQLCompositeType =>
  ['GraphQLObjectType', 'GraphQLInterfaceType', 'GraphQLUnionType'].includes(kindOf(type) ?? '');

function namedType(type: GraphQLOutputType): unknown {
  let t: unknown = type;
  while (kindOf(t) === 'GraphQLList' || kindOf(t) === 'GraphQLNonNull') t = (t as { ofType: unknown }).ofType;
  return t;
}

function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  const kind = kindOf(parent);
  if (kind !== 'GraphQLObjectType' && kind !== 'GraphQLInterfaceType') return undefined;
  return (parent as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()[name];
}

const privatePolicy = (because: string): CachePolicy => ({ maxAge: 0, scope: 'PRIVATE', cache: 'private', pendingPaths: [], privateBecause: because });

function selectedOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName) ?? null;
  return operations.length === 1 ? operations[0]! : null;
}

/**
 * The hint for `field` selected on `parent`. On an interface or union the answer may come from any possible type:
 * the most restrictive of the abstract type's own hint and each possible type's wins, and a possible type without
 * a hint makes it private, as does anything else unknown.
 */
function hintFor(schema: GraphQLSchema, hints: CacheHints, parent: GraphQLCompositeType, field: string): CacheHint {
  const own = hints.get(`${parent.name}.${field}`);
  if (kindOf(parent) === 'GraphQLObjectType') return own ?? PRIVATE;
  const implementations = schema.getPossibleTypes(parent as GraphQLAbstractType).map((t) => hints.get(`${t.name}.${field}`));
  if (implementations.length === 0 || implementations.some((h) => h === undefined)) return PRIVATE;
  const all = [...(own ? [own] : []), ...(implementations as CacheHint[])];
  const cache = all.reduce<CacheClass>((worst, h) => (RANK[h.cache] > RANK[worst] ? h.cache : worst), 'immutable');
  return all.some((h) => h.nullMeansPending) ? { cache, nullMeansPending: true } : { cache };
}

/**
 * What caches may do with the answer to one operation, from the fields it touches: the most restrictive hint of
 * every field selected (through fragments, aliases and type conditions) wins. A field under @skip or @include
 * counts as touched: the policy never depends on variables. Pure: the same document always gets the same policy,
 * whatever the data turns out to be; the nulls at `pendingPaths` are checked against the answer.
 */
export function cachePolicy(document: DocumentNode, operationName: string | null | undefined, schema: GraphQLSchema, hints: CacheHints): CachePolicy {
  const operation = selectedOperation(document, operationName);
  if (!operation) return privatePolicy('no operation');
  if (operation.operation !== OperationTypeNode.QUERY) return privatePolicy(operation.operation);
  const root = schema.getQueryType();
  if (!root) return privatePolicy('no query type');
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  let worst: CacheClass = 'immutable';
  let privateBecause: string | null = null;
  const pending = new Map<string, string[]>();

  const visit = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, path: string[], spreading: ReadonlySet<string>): void => {
    for (const selection of selectionSet.selections) {
      if (privateBecause) return;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const key = selection.alias?.value ?? name;
        const hint = INTROSPECTION.get(name) ?? hintFor(schema, hints, parent, name);
        if (RANK[hint.cache] > RANK[worst]) worst = hint.cache;
        if (hint.cache === 'private') {
          privateBecause = `${parent.name}.${name}`;
          return;
        }
        const here = [...path, key];
        if (hint.nullMeansPending) pending.set(here.join('.'), here);
        // Introspection answers are judged as a whole: their inner types (__Type, __Field…) carry no hints.
        if (name.startsWith('__') || !selection.selectionSet) continue;
        const definition = fieldOf(parent, name);
        const type = definition ? namedType(definition.type) : undefined;
        if (!isComposite(type)) {
          privateBecause = `${parent.name}.${name}`;
          return;
        }
        visit(selection.selectionSet, type, here, spreading);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (!isComposite(condition)) {
          privateBecause = `unknown type ${selection.typeCondition?.name.value}`;
          return;
        }
        visit(selection.selectionSet, condition, path, spreading);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle is refused by validation; here it is only not followed twice.
        if (spreading.has(name)) continue;
        const condition = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        if (!fragment || !isComposite(condition)) {
          privateBecause = `unknown fragment ${name}`;
          return;
        }
        visit(fragment.selectionSet, condition, path, new Set([...spreading, name]));
      }
    }
  };
  visit(operation.selectionSet, root, [], new Set());

  if (privateBecause) return privatePolicy(privateBecause);
  const cache = worst as Exclude<CacheClass, 'private'>;
  return { maxAge: MAX_AGE[cache], scope: 'PUBLIC', cache, pendingPaths: [...pending.values()], privateBecause: null };
}

/** Whether `data` holds a null at one of `paths` (lists are looked through, element by element). */
export function holdsPendingNull(data: unknown, paths: readonly (readonly string[])[]): boolean {
  const at = (value: unknown, path: readonly string[], i: number): boolean => {
    if (Array.isArray(value)) return value.some((item) => at(item, path, i));
    if (value === null || typeof value !== 'object') return false;
    const key = path[i]!;
    // Own keys only: a response key is whatever alias the client chose.
    if (!Object.hasOwn(value, key)) return false;
    const next = (value as Record<string, unknown>)[key];
    return i === path.length - 1 ? next === null || (Array.isArray(next) && next.some((item) => item === null)) : at(next, path, i + 1);
  };
  return paths.some((path) => path.length > 0 && at(data, path, 0));
}
