import { Directive, Field, ObjectType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { badInput } from './errors.js';

/** Value types every subgraph defines identically, hence @shareable. */
@ObjectType('PageInfo')
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/**
 * Checks a client's `after` before it reaches `findPage`. Cursors are MikroORM's (`em.findByCursor`): base64url JSON
 * of the last row's sort key, the format these APIs have always given out, so cursors clients hold stay good. A
 * cursor is JSON the client sends back: only a key of the shape `isKey` accepts may reach the query (an object there
 * would be an operator), and anything else is refused naming the field.
 */
export function checkCursor(cursor: string | null | undefined, isKey: (key: unknown[]) => boolean, field = 'after'): string | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  let key: unknown = null;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    /* refused below */
  }
  if (!Array.isArray(key) || !isKey(key)) throw badInput(field, 'is not a cursor this API gave out');
  return cursor;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * One keyset page (`em.findByCursor`: the rows after `after` in `orderBy` order, one more to know whether a next page
 * exists, and the count of every row matching `where`). `first: 0` counts without reading a row, which
 * `findByCursor` would take for "no limit".
 */
export async function findPage<T extends object>(
  em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>, options: { first: number; after?: string; orderBy: QueryOrderMap<T> },
): Promise<Page<T>> {
  if (options.first === 0) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: await em.count(entity, where) };
  const page = await em.findByCursor(entity, where, { first: options.first, after: options.after, orderBy: options.orderBy as never });
  return {
    edges: page.items.map((node) => ({ cursor: page.from(node), node: node as T })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}

export const MAX_PAGE_SIZE = 500;

export function checkPageSize(first: number | null | undefined, field = 'first'): number {
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) throw badInput(field, `must be between 0 and ${MAX_PAGE_SIZE}`);
  return size;
}
